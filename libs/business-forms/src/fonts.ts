import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Noto Sans SC (SIL OFL 1.1) as TrueType, from the npm package @expo-google-fonts/noto-sans-sc:
// full GB 18030 hanzi coverage (rare name characters such as 喆 堃 龑 included), no system font,
// nothing fetched at install or run time. pdfkit embeds only the glyphs a form uses.
const packageDir = () => dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));

let cache: { regular: Buffer; bold: Buffer } | undefined;

/** The two weights the forms use, read once per process (about 10 MB each). */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(join(packageDir(), '400Regular', 'NotoSansSC_400Regular.ttf')),
    bold: readFileSync(join(packageDir(), '700Bold', 'NotoSansSC_700Bold.ttf')),
  };
  return cache;
}
