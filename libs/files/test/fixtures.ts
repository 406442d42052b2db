import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';

export const PDF_HEAD = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
export const JPG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
export const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const ZIP_HEAD = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
export const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
export const EXE_HEAD = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
export const ELF_HEAD = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);

/** A file of `size` bytes that starts with `head` and continues with a varying pattern. */
export function fileBytes(head: Buffer, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  head.copy(bytes, 0, 0, Math.min(head.length, size));
  return bytes;
}

export interface TempDir {
  path: string;
  write(name: string, bytes: Buffer): Promise<string>;
  /** Every file below the directory (relative paths), the temporary folder included. */
  files(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'zc-files-'));
  return {
    path,
    async write(name, bytes) {
      const file = join(path, name);
      await writeFile(file, bytes);
      return file;
    },
    async files() {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(path, join(e.parentPath, e.name)))
        .sort();
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/**
 * An endless source that makes 64 KiB chunks only when asked, counting what it produced, so a
 * test can tell how far a reader went before it stopped.
 */
export function endlessSource(head: Buffer, chunkSize = 64 * 1024) {
  const state = { produced: 0 };
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      const chunk = fileBytes(state.produced === 0 ? head : Buffer.alloc(0), chunkSize);
      state.produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, state };
}

/**
 * A real one-page PDF of about `size` bytes: PDF uploads are parsed, so fileBytes(PDF_HEAD, n)
 * (a header and filler) is refused as FILE_CORRUPT.
 */
export { minimalPdf as pdfBytes } from '@zhicheng/testing';
