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

/** File formats and units that appear inside Chinese sentences ("只能上传PDF格式", "200KB"). */
const UNITS = /\b(?:PDF|OFD|JPE?G|PNG|GIF|BMP|ZIP|KB|MB|GB)\b/gi;

/**
 * Whether a text is English that names Chinese terms ("办件意见, required", "e.g. 通过, 暂缓"):
 * English punctuation is right there.
 */
export function isEnglishText(text: string): boolean {
  const rest = text.replace(UNITS, '');
  return /[A-Za-z]{3,}/.test(rest) || /\be\.g\./.test(rest);
}

/**
 * Each place in a Chinese `text` where a half-width mark touches a Chinese character, e.g. "息:请";
 * none in English text.
 */
export function halfWidthPunctuationInChinese(text: string): string[] {
  if (isEnglishText(text)) return [];
  return [...text.matchAll(PATTERN)].map((match) => match[0]);
}
