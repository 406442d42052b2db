import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { InvalidStorageKey, LocalDirectoryStorage, StoredFileNotFound } from '../src';
import { tempDir, type TempDir } from './fixtures';

let dir: TempDir;
let storage: LocalDirectoryStorage;

beforeEach(async () => {
  dir = await tempDir();
  storage = new LocalDirectoryStorage(join(dir.path, 'store'));
});
afterEach(() => dir.remove());

describe('LocalDirectoryStorage', () => {
  it('puts, reads back, tells existence and deletes', async () => {
    await storage.put('declarations/d-1/a_1.v2', Readable.from([Buffer.from('申报'), Buffer.from('材料')]));
    expect(await storage.exists('declarations/d-1/a_1.v2')).toBe(true);
    expect(await text(await storage.get('declarations/d-1/a_1.v2'))).toBe('申报材料');
    await storage.delete('declarations/d-1/a_1.v2');
    expect(await storage.exists('declarations/d-1/a_1.v2')).toBe(false);
    await expect(storage.delete('declarations/d-1/a_1.v2')).resolves.toBeUndefined();
  });

  it('answers StoredFileNotFound for a missing key or a folder', async () => {
    await expect(storage.get('nothing')).rejects.toBeInstanceOf(StoredFileNotFound);
    await storage.put('folder/file', Readable.from([Buffer.from('x')]));
    await expect(storage.get('folder')).rejects.toBeInstanceOf(StoredFileNotFound);
    expect(await storage.exists('folder')).toBe(false);
  });

  it('replaces a file only when the new one arrived whole; a failed write leaves the old one', async () => {
    await storage.put('k', Readable.from([Buffer.from('old')]));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('new-part'));
        this.destroy(new Error('disk or sender failed'));
      },
    });
    await expect(storage.put('k', failing)).rejects.toThrow('disk or sender failed');
    expect(await text(await storage.get('k'))).toBe('old');
    expect(await dir.files()).toEqual(['store/k']);
  });

  it.each([
    '../outside',
    'a/../../outside',
    '/etc/passwd',
    'a\\..\\b',
    '.tmp/x',
    '.hidden',
    'a//b',
    'a/',
    '',
    'a/./b',
    'a/..',
    '%2e%2e/x',
    'nul\u0000byte',
  ])('refuses the key %j for every operation', async (key) => {
    await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
      InvalidStorageKey,
    );
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKey);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKey);
    await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKey);
  });

  it('never touches a file outside its directory', async () => {
    await writeFile(join(dir.path, 'outside'), 'keep me');
    await expect(storage.delete('../outside')).rejects.toBeInstanceOf(InvalidStorageKey);
    expect(await readFile(join(dir.path, 'outside'), 'utf8')).toBe('keep me');
  });
});
