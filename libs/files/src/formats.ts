/** The formats an attachment slot may allow (the declaration form configuration names them). */
export type FileFormat = 'pdf' | 'jpg' | 'png' | 'zip';

export const FILE_FORMATS: readonly FileFormat[] = ['pdf', 'jpg', 'png', 'zip'];

/** How many leading bytes are enough to tell every format below apart. */
export const SNIFF_BYTES = 8;

const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
};

const LABELS: Record<FileFormat, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', zip: 'ZIP' };

/** The file-name extensions each format is saved under (lower case, without the dot). */
const EXTENSIONS: Record<FileFormat, readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  zip: ['zip'],
};

export const contentTypeOf = (format: FileFormat): string => CONTENT_TYPES[format];

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export const extensionOf = (fileName: string): string =>
  /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';

/** The format a file name claims by its extension, or null when it names none of the four. */
export function formatOfFileName(fileName: string): FileFormat | null {
  const extension = extensionOf(fileName);
  return FILE_FORMATS.find((format) => EXTENSIONS[format].includes(extension)) ?? null;
}

/**
 * A name to save the file under whose extension is its real format's: the stored name when it
 * already is, else the stored name with the format's extension added (scan.html → scan.html.pdf),
 * so a browser never opens a PDF as a web page because of its name.
 */
export function downloadNameFor(fileName: string, format: FileFormat): string {
  return formatOfFileName(fileName) === format ? fileName : `${fileName}.${EXTENSIONS[format][0]}`;
}
export const formatLabel = (format: FileFormat): string => LABELS[format];

const startsWith = (head: Uint8Array, signature: readonly number[]): boolean =>
  head.length >= signature.length && signature.every((byte, i) => head[i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Local file header (PK\3\4), empty archive (PK\5\6) and a spanned archive's marker (PK\7\8).
const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];

/**
 * The real format of a file from its first bytes (at least SNIFF_BYTES of them when the file is
 * that long), or null when it is none of the four. The name and the declared content type are
 * never consulted: a PDF renamed .jpg is a PDF.
 */
export function detectFormat(head: Uint8Array): FileFormat | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPG)) return 'jpg';
  if (ZIP.some((signature) => startsWith(head, signature))) return 'zip';
  return null;
}

// Formats we never accept but name in the refusal, so a person understands what they picked.
const OTHERS: ReadonlyArray<[string, readonly number[]]> = [
  ['可执行程序（EXE）', [0x4d, 0x5a]],
  ['可执行程序（ELF）', [0x7f, 0x45, 0x4c, 0x46]],
  ['GIF 图片', [0x47, 0x49, 0x46, 0x38]],
  ['BMP 图片', [0x42, 0x4d]],
  ['RAR 压缩包', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z 压缩包', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['旧版 Office 文档（DOC/XLS）', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** A person-readable name of what the bytes are, for refusal messages. */
export function describeHead(head: Uint8Array): string | null {
  const format = detectFormat(head);
  if (format) return formatLabel(format);
  return OTHERS.find(([, signature]) => startsWith(head, signature))?.[0] ?? null;
}
