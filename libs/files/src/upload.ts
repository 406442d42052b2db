import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  corrupt,
  emptyFile,
  interrupted,
  nameMismatch,
  tooLarge,
  typeNotAllowed,
  UploadRefused,
} from './errors';
import { detectFormat, formatOfFileName, SNIFF_BYTES, type FileFormat } from './formats';
import { isWellFormed } from './verify';
import type { FileStorage } from './storage';

export interface UploadLimits {
  /** The slot's limit; a file of exactly this many bytes is accepted, one more is refused. */
  maxBytes: number;
  /** The formats of the slot; the real format (magic bytes) must be one of them. */
  allowedFormats: readonly FileFormat[];
  /**
   * The name the file will be stored and served under: its extension must be the real format's
   * (scan.html holding a PDF is refused). Without it only the bytes are checked.
   */
  fileName?: string;
}

export interface ReceivedFile {
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  /** The real format, from the file's first bytes. */
  format: FileFormat;
}

export interface ReceiveOptions {
  /**
   * What to do with the source when the upload is refused. `true` (the default) destroys it:
   * nothing more is read. An HTTP handler that still wants to answer (an IncomingMessage's
   * destroy closes the socket) passes `false`: the source is only paused, and the handler sends
   * its answer with `Connection: close` (see `sendUploadRefusal`).
   */
  destroySourceOnRefusal?: boolean;
}

/**
 * Streams one uploaded file into storage under `key` while counting and hashing it:
 * - the first bytes are read and checked against `allowedFormats` BEFORE anything is handed to
 *   storage, so a refused type stores nothing;
 * - as soon as the count passes `maxBytes`, reading stops and the partial file is discarded;
 * - an empty file, a too-large file, a wrong type and an interrupted upload reject with
 *   `UploadRefused` (Chinese message, stable code); a storage failure rejects with its own error.
 * In every failure, nothing is kept under `key`.
 */
export async function receiveUpload(
  source: Readable,
  limits: UploadLimits,
  storage: FileStorage,
  key: string,
  options: ReceiveOptions = {},
): Promise<ReceivedFile> {
  const { maxBytes, allowedFormats } = limits;
  const chunks = source.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer | string>;
  let size = 0;
  let refusal: UploadRefused | undefined;

  const stopReading = async () => {
    await chunks.return?.().catch(() => undefined);
    if (options.destroySourceOnRefusal === false) source.pause();
    else source.destroy();
  };
  const refuse = async (error: UploadRefused): Promise<never> => {
    refusal = error;
    await stopReading();
    throw error;
  };
  const next = async (): Promise<Buffer | null> => {
    let result: IteratorResult<Buffer | string>;
    try {
      result = await chunks.next();
    } catch {
      return refuse(interrupted());
    }
    if (result.done) return null;
    const chunk = typeof result.value === 'string' ? Buffer.from(result.value) : result.value;
    size += chunk.length;
    if (size > maxBytes) return refuse(tooLarge(maxBytes));
    return chunk;
  };

  // 1. The head: enough bytes to know the real type, read before storage sees anything.
  const head: Buffer[] = [];
  while (size < SNIFF_BYTES) {
    const chunk = await next();
    if (!chunk) break;
    if (chunk.length > 0) head.push(chunk);
  }
  if (size === 0) return refuse(emptyFile());
  const headBytes = Buffer.concat(head);
  const format = detectFormat(headBytes);
  if (!format || !allowedFormats.includes(format)) return refuse(typeNotAllowed(headBytes, allowedFormats));
  if (limits.fileName !== undefined && formatOfFileName(limits.fileName) !== format)
    return refuse(nameMismatch(limits.fileName, format));

  // 2. The rest, streamed through the hash into storage (which keeps all of it or nothing). A
  // format with a structure (PDF) is also kept in memory, bounded by maxBytes, and parsed before
  // the last chunk is handed over: a file that does not parse fails the write, so nothing is kept.
  const hash = createHash('sha256');
  const whole: Buffer[] | null = format === 'pdf' ? [] : null;
  async function* body(): AsyncGenerator<Buffer> {
    for (const chunk of head) {
      hash.update(chunk);
      whole?.push(chunk);
      yield chunk;
    }
    for (let chunk = await next(); chunk; chunk = await next()) {
      hash.update(chunk);
      whole?.push(chunk);
      yield chunk;
    }
    if (whole && !(await isWellFormed(format!, Buffer.concat(whole)))) {
      refusal = corrupt(format!);
      throw refusal;
    }
  }
  try {
    await storage.put(key, Readable.from(body(), { objectMode: false }));
  } catch (error) {
    if (refusal) throw refusal;
    await stopReading();
    throw error;
  }
  return { sizeBytes: size, sha256: hash.digest('hex'), format };
}
