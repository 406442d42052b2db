// Chinese text takes full-width punctuation (GB/T 15834): "基本信息：请填写", not "基本信息:请填写".
// A half-width mark directly after or before a Chinese character is almost always a slip.

const CJK = '\\p{Script=Han}|[\\u3000-\\u303f\\uff00-\\uffef]';
const ASCII = '[:,;?!()]';
const PATTERN = new RegExp(`(?:${CJK})${ASCII}|${ASCII}(?:${CJK})`, 'gu');

/** The full-width mark for each half-width one. */
export const FULL_WIDTH: Record<string, string> = {
  ':': '：',
  ',': '，',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Each place in `text` where a half-width mark touches a Chinese character, e.g. "息:请". */
export function halfWidthPunctuationInChinese(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((match) => match[0]);
}
