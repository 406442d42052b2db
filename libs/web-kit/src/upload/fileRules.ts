// Checks a chosen file against an upload slot's rules before any byte is sent (the server checks
// the real type by magic bytes again; this only spares the person a pointless wait).

/** The file formats the platform accepts, by their usual extension. */
export type FileFormat = 'pdf' | 'jpg' | 'png' | 'zip';

const EXTENSIONS: Record<FileFormat, string[]> = {
  pdf: ['.pdf'],
  jpg: ['.jpg', '.jpeg'],
  png: ['.png'],
  zip: ['.zip'],
};

const MIME_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
};

export interface FileRules {
  /** Lower or upper case ("pdf", "PDF"); empty means any. */
  formats: readonly string[];
  maxSizeKb: number;
}

export interface FileLike {
  name: string;
  size: number;
  type?: string;
}

export type FileProblem =
  { code: 'EMPTY' } | { code: 'TOO_LARGE'; maxSizeKb: number } | { code: 'WRONG_FORMAT'; formats: string };

function known(formats: readonly string[]): FileFormat[] {
  return formats.map((f) => f.toLowerCase()).filter((f): f is FileFormat => f in EXTENSIONS);
}

/** The `accept` attribute of a file input for these formats, e.g. ".pdf,.jpg,.jpeg". */
export function acceptAttribute(formats: readonly string[]): string | undefined {
  const list = known(formats);
  return list.length ? list.flatMap((f) => EXTENSIONS[f]).join(',') : undefined;
}

/** "zip,pdf" as the seeds write it. */
export function formatList(formats: readonly string[]): string {
  return formats.map((f) => f.toLowerCase()).join(',');
}

/** The first thing wrong with a file, or null. */
export function checkFile(file: FileLike, rules: FileRules): FileProblem | null {
  if (file.size === 0) return { code: 'EMPTY' };
  const list = known(rules.formats);
  if (list.length) {
    const name = file.name.toLowerCase();
    if (!list.some((f) => EXTENSIONS[f].some((ext) => name.endsWith(ext)))) {
      return { code: 'WRONG_FORMAT', formats: formatList(rules.formats) };
    }
  }
  if (rules.maxSizeKb > 0 && file.size > rules.maxSizeKb * 1024) {
    return { code: 'TOO_LARGE', maxSizeKb: rules.maxSizeKb };
  }
  return null;
}

/** The Content-Type to send: the browser's guess, else the one of the file's extension. */
export function contentTypeOf(file: FileLike): string {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  const format = (Object.keys(EXTENSIONS) as FileFormat[]).find((f) =>
    EXTENSIONS[f].some((ext) => name.endsWith(ext)),
  );
  return format ? MIME_TYPES[format] : 'application/octet-stream';
}

/** "1.2 MB", "300 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
