import { describeHead, formatLabel, type FileFormat } from './formats';

export type UploadRefusalCode =
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_EMPTY'
  /** The file name's extension is not its real format's (scan.html holding a PDF). */
  | 'FILE_NAME_MISMATCH'
  /** The bytes start like the format but are not a file of it (a PDF that does not parse). */
  | 'FILE_CORRUPT'
  /** The sender stopped (connection closed or the stream failed) before the end of the file. */
  | 'UPLOAD_INTERRUPTED';

/**
 * Why an upload was not kept. `message` is Chinese and tells the person what to do; clients
 * branch on `code`. Nothing of a refused upload remains in storage.
 */
export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';

  constructor(
    readonly code: UploadRefusalCode,
    message: string,
  ) {
    super(message);
  }

  /** The HTTP status that fits the refusal (413 too large, 415 wrong type, 400 otherwise). */
  get httpStatus(): number {
    if (this.code === 'FILE_TOO_LARGE') return 413;
    if (this.code === 'FILE_TYPE_NOT_ALLOWED' || this.code === 'FILE_NAME_MISMATCH') return 415;
    return 400;
  }
}

const formatList = (formats: readonly FileFormat[]) => formats.map(formatLabel).join('、');

/** "2000 KB" for whole kilobytes (how the seeds state limits), else the bytes. */
export const describeLimit = (maxBytes: number): string =>
  maxBytes % 1024 === 0 ? `${maxBytes / 1024} KB` : `${maxBytes} 字节`;

export const tooLarge = (maxBytes: number) =>
  new UploadRefused(
    'FILE_TOO_LARGE',
    `文件超过大小限制（最大 ${describeLimit(maxBytes)}），请压缩或拆分后重新上传`,
  );

export const emptyFile = () => new UploadRefused('FILE_EMPTY', '文件内容为空，请选择正确的文件后重新上传');

export const interrupted = () => new UploadRefused('UPLOAD_INTERRUPTED', '上传中断，请检查网络后重新上传');

export function typeNotAllowed(head: Uint8Array, allowed: readonly FileFormat[]): UploadRefused {
  const actual = describeHead(head);
  const message = actual
    ? `文件实际类型为 ${actual}，与允许的格式（${formatList(allowed)}）不符，请上传 ${formatList(allowed)} 格式的文件`
    : `无法识别文件类型，仅允许上传 ${formatList(allowed)} 格式的文件（请勿仅修改文件扩展名）`;
  return new UploadRefused('FILE_TYPE_NOT_ALLOWED', message);
}

export const nameMismatch = (fileName: string, format: FileFormat) =>
  new UploadRefused(
    'FILE_NAME_MISMATCH',
    `文件名“${fileName.slice(0, 60)}”的扩展名与文件实际类型（${formatLabel(format)}）不符，请将文件保存为 .${format} 格式并使用相应扩展名后重新上传`,
  );

export const corrupt = (format: FileFormat) =>
  new UploadRefused(
    'FILE_CORRUPT',
    `文件不是有效的 ${formatLabel(format)} 文件（无法打开或已损坏），请重新导出或扫描后上传`,
  );

/** A storage key that a server did not make: an attempt to leave the storage directory. */
export class InvalidStorageKey extends Error {
  override readonly name = 'InvalidStorageKey';
  constructor(readonly key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** `get` of a key that holds no file. */
export class StoredFileNotFound extends Error {
  override readonly name = 'StoredFileNotFound';
  readonly code = 'NOT_FOUND';
  constructor(readonly key: string) {
    super(`no stored file under ${JSON.stringify(key)}`);
  }
}
