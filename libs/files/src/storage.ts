import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidStorageKey, StoredFileNotFound } from './errors';

/**
 * Where attachment bytes live. Keys are made by the server (never from a file name a person
 * typed), e.g. `declarations/<declarationId>/<attachmentId>`. A local directory is the default;
 * an S3-compatible store implements the same four methods.
 */
export interface FileStorage {
  /** Stores the whole stream under `key`, replacing any file there; all or nothing. */
  put(key: string, source: Readable): Promise<void>;
  /** The stored bytes; rejects with StoredFileNotFound when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the file; deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Segments of letters, digits, `.`, `_`, `-`, never starting with `.` (so no `..`, no hidden
// names, and nothing can collide with the `.tmp` working folder), joined by `/`.
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512 || !KEY.test(key))
    throw new InvalidStorageKey(String(key));
}

/**
 * Files in one directory. Writes go to `<dir>/.tmp/<uuid>` first and are renamed into place
 * only when the whole stream arrived, so a reader never sees half a file and a failed upload
 * leaves nothing behind (the temporary file is deleted).
 */
export class LocalDirectoryStorage implements FileStorage {
  readonly root: string;
  private readonly tmp: string;

  constructor(dir: string) {
    this.root = resolve(dir);
    this.tmp = join(this.root, '.tmp');
  }

  /** The absolute path of a key, refusing anything that would leave the root. */
  pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKey(key);
    return path;
  }

  async put(key: string, source: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.tmp, { recursive: true });
    const temporary = join(this.tmp, randomUUID());
    try {
      await pipeline(source, createWriteStream(temporary, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(temporary, target);
    } catch (error) {
      // The source is destroyed by pipeline on failure; the partial bytes go too.
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      const handle = await open(path, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw new StoredFileNotFound(key);
      }
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileNotFound(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
