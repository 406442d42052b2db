/** One thing wrong with an input: a stable code for programs and a Chinese message for people. */
export interface Problem<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

/** Either the normalised value with what we learnt from it, or every problem found at once. */
export type Validation<Value extends object, Code extends string> =
  ({ readonly ok: true } & Value) | { readonly ok: false; readonly problems: readonly Problem<Code>[] };

/**
 * Trims and folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to half-width, since a
 * Chinese input method often types "１１０１…" or "ｘ" into a form.
 */
export function foldToAscii(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim();
}
