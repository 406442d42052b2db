import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  downloadNameFor,
  formatOfFileName,
  LocalDirectoryStorage,
  receiveUpload,
  UploadRefused,
  type FileStorage,
} from '../src';
import {
  EMPTY_ZIP,
  ELF_HEAD,
  endlessSource,
  EXE_HEAD,
  fileBytes,
  JPG_HEAD,
  PDF_HEAD,
  pdfBytes,
  PNG_HEAD,
  tempDir,
  ZIP_HEAD,
  type TempDir,
} from './fixtures';

let uploads: TempDir;
let store: TempDir;
let storage: LocalDirectoryStorage;

beforeEach(async () => {
  uploads = await tempDir();
  store = await tempDir();
  storage = new LocalDirectoryStorage(store.path);
});
afterEach(async () => {
  await uploads.remove();
  await store.remove();
});

const refusalOf = async (promise: Promise<unknown>): Promise<UploadRefused> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadRefused) return error;
    throw error;
  }
  throw new Error('expected the upload to be refused');
};

/** Nothing in the storage directory: no file, no partial temporary file. */
const storedFiles = () => store.files();

describe('receiveUpload', () => {
  it('stores a PDF, reporting its size, real format and SHA-256', async () => {
    const bytes = pdfBytes(300_000);
    const path = await uploads.write('申报材料.pdf', bytes);
    const received = await receiveUpload(
      createReadStream(path),
      { maxBytes: 5000 * 1024, allowedFormats: ['pdf', 'zip'] },
      storage,
      'declarations/d1/a1',
    );
    expect(received).toEqual({
      sizeBytes: 300_000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'pdf',
    });
    expect(await readFile(join(store.path, 'declarations', 'd1', 'a1'))).toEqual(bytes);
    expect(await storedFiles()).toEqual(['declarations/d1/a1']);
  });

  it.each([
    ['jpg', JPG_HEAD],
    ['png', PNG_HEAD],
    ['zip', ZIP_HEAD],
    ['zip', EMPTY_ZIP],
  ] as const)('recognises %s from its magic bytes', async (format, head) => {
    const path = await uploads.write('file', fileBytes(head, Math.max(head.length, 1000)));
    const received = await receiveUpload(
      createReadStream(path),
      { maxBytes: 10_000, allowedFormats: ['pdf', 'jpg', 'png', 'zip'] },
      storage,
      'k',
    );
    expect(received.format).toBe(format);
  });

  it('accepts a file of exactly the limit', async () => {
    const path = await uploads.write('photo.jpg', fileBytes(JPG_HEAD, 2000 * 1024));
    const received = await receiveUpload(
      createReadStream(path),
      { maxBytes: 2000 * 1024, allowedFormats: ['jpg', 'png'] },
      storage,
      'photo',
    );
    expect(received.sizeBytes).toBe(2000 * 1024);
    expect(await storage.exists('photo')).toBe(true);
  });

  it('refuses a file one byte over the limit and keeps nothing', async () => {
    const path = await uploads.write('photo.jpg', fileBytes(JPG_HEAD, 2000 * 1024 + 1));
    const source = createReadStream(path);
    const refusal = await refusalOf(
      receiveUpload(source, { maxBytes: 2000 * 1024, allowedFormats: ['jpg', 'png'] }, storage, 'photo'),
    );
    expect(refusal.code).toBe('FILE_TOO_LARGE');
    expect(refusal.message).toBe('文件超过大小限制（最大 2000 KB），请压缩或拆分后重新上传');
    expect(refusal.httpStatus).toBe(413);
    expect(source.destroyed).toBe(true);
    expect(await storage.exists('photo')).toBe(false);
    expect(await storedFiles()).toEqual([]);
  });

  it('stops reading as soon as the limit is passed (an endless upload is cut short)', async () => {
    const { stream, state } = endlessSource(PDF_HEAD);
    const maxBytes = 256 * 1024;
    const refusal = await refusalOf(
      receiveUpload(stream, { maxBytes, allowedFormats: ['pdf'] }, storage, 'big'),
    );
    expect(refusal.code).toBe('FILE_TOO_LARGE');
    expect(stream.destroyed).toBe(true);
    // Only what stream buffers hold beyond the limit was ever produced (a few 64 KiB chunks).
    expect(state.produced).toBeLessThanOrEqual(maxBytes + 4 * 64 * 1024);
    expect(await storedFiles()).toEqual([]);
  });

  it('only pauses the source when asked to, so an HTTP handler can still answer', async () => {
    const { stream } = endlessSource(PDF_HEAD);
    const refusal = await refusalOf(
      receiveUpload(stream, { maxBytes: 100_000, allowedFormats: ['pdf'] }, storage, 'big', {
        destroySourceOnRefusal: false,
      }),
    );
    expect(refusal.code).toBe('FILE_TOO_LARGE');
    expect(stream.destroyed).toBe(false);
    expect(stream.isPaused()).toBe(true);
    stream.destroy();
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a PDF renamed .jpg, naming the real type, before storage sees a byte', async () => {
    const path = await uploads.write('身份证.jpg', fileBytes(PDF_HEAD, 50_000));
    const put = jest.fn();
    const spy: FileStorage = { put, get: jest.fn(), delete: jest.fn(), exists: jest.fn() };
    const source = createReadStream(path);
    const refusal = await refusalOf(
      receiveUpload(source, { maxBytes: 2000 * 1024, allowedFormats: ['jpg', 'png'] }, spy, 'id-card'),
    );
    expect(refusal.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(refusal.message).toBe(
      '文件实际类型为 PDF，与允许的格式（JPG、PNG）不符，请上传 JPG、PNG 格式的文件',
    );
    expect(refusal.httpStatus).toBe(415);
    expect(put).not.toHaveBeenCalled();
    expect(source.destroyed).toBe(true);
  });

  it.each([
    ['setup.pdf', EXE_HEAD, '可执行程序（EXE）'],
    ['run.pdf', ELF_HEAD, '可执行程序（ELF）'],
  ])('refuses an executable renamed %s', async (name, head, label) => {
    const path = await uploads.write(name, fileBytes(head, 40_000));
    const refusal = await refusalOf(
      receiveUpload(createReadStream(path), { maxBytes: 5_000_000, allowedFormats: ['pdf'] }, storage, 'x'),
    );
    expect(refusal.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(refusal.message).toContain(`文件实际类型为 ${label}`);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses bytes of no known type with a message that says renaming does not help', async () => {
    const path = await uploads.write('notes.pdf', Buffer.from('只是一段文字，不是 PDF'));
    const refusal = await refusalOf(
      receiveUpload(
        createReadStream(path),
        { maxBytes: 5_000, allowedFormats: ['pdf', 'zip'] },
        storage,
        'x',
      ),
    );
    expect(refusal.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(refusal.message).toBe('无法识别文件类型，仅允许上传 PDF、ZIP 格式的文件（请勿仅修改文件扩展名）');
  });

  it('refuses an empty file', async () => {
    const path = await uploads.write('empty.pdf', Buffer.alloc(0));
    const refusal = await refusalOf(
      receiveUpload(createReadStream(path), { maxBytes: 5_000, allowedFormats: ['pdf'] }, storage, 'x'),
    );
    expect(refusal.code).toBe('FILE_EMPTY');
    expect(refusal.message).toBe('文件内容为空，请选择正确的文件后重新上传');
    expect(await storedFiles()).toEqual([]);
  });

  it('reads the head across small chunks', async () => {
    const bytes = fileBytes(PNG_HEAD, 100);
    const source = Readable.from([...bytes].map((b) => Buffer.from([b])));
    const received = await receiveUpload(source, { maxBytes: 100, allowedFormats: ['png'] }, storage, 'p');
    expect(received).toMatchObject({ sizeBytes: 100, format: 'png' });
    expect(received.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps nothing when the sender breaks off half-way', async () => {
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent >= 3) return this.destroy(new Error('socket hang up'));
        this.push(fileBytes(sent === 0 ? ZIP_HEAD : Buffer.alloc(0), 32 * 1024));
        sent++;
      },
    });
    const refusal = await refusalOf(
      receiveUpload(source, { maxBytes: 10_000_000, allowedFormats: ['zip'] }, storage, 'z'),
    );
    expect(refusal.code).toBe('UPLOAD_INTERRUPTED');
    expect(await storedFiles()).toEqual([]);
  });

  it('passes a storage failure through and keeps nothing', async () => {
    const path = await uploads.write('a.pdf', fileBytes(PDF_HEAD, 10_000));
    await expect(
      receiveUpload(createReadStream(path), { maxBytes: 20_000, allowedFormats: ['pdf'] }, storage, '../x'),
    ).rejects.toThrow('invalid storage key');
    expect(await storedFiles()).toEqual([]);
  });
});

describe('the real format and the name', () => {
  const pdfSlot = { maxBytes: 100_000, allowedFormats: ['pdf', 'jpg'] as const };

  it('refuses a PDF whose name says another type (scan.html), before storing anything', async () => {
    const refusal = await refusalOf(
      receiveUpload(
        Readable.from([pdfBytes(4000)]),
        { ...pdfSlot, allowedFormats: ['pdf'], fileName: 'scan.html' },
        storage,
        'k1',
      ),
    );
    expect([refusal.code, refusal.httpStatus]).toEqual(['FILE_NAME_MISMATCH', 415]);
    expect(refusal.message).toMatch(/scan\.html.*PDF/);
    expect(await storedFiles()).toEqual([]);
    // .jpeg names a JPG, .PDF a PDF (case does not matter).
    await expect(
      receiveUpload(
        Readable.from([pdfBytes(4000)]),
        { ...pdfSlot, allowedFormats: ['pdf'], fileName: '扫描件.PDF' },
        storage,
        'k2',
      ),
    ).resolves.toMatchObject({ format: 'pdf' });
  });

  it('refuses bytes that only start like a PDF (an HTML page behind %PDF-): nothing kept', async () => {
    const polyglot = Buffer.from(
      '%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n',
    );
    const refusal = await refusalOf(
      receiveUpload(
        Readable.from([polyglot]),
        { ...pdfSlot, allowedFormats: ['pdf'], fileName: 'scan.pdf' },
        storage,
        'k3',
      ),
    );
    expect([refusal.code, refusal.httpStatus]).toEqual(['FILE_CORRUPT', 400]);
    const filler = await refusalOf(
      receiveUpload(
        Readable.from([fileBytes(PDF_HEAD, 5000)]),
        { ...pdfSlot, allowedFormats: ['pdf'] },
        storage,
        'k4',
      ),
    );
    expect(filler.code).toBe('FILE_CORRUPT');
    expect(await storedFiles()).toEqual([]);
  });

  it('the download name carries the real format', () => {
    expect(downloadNameFor('scan.html', 'pdf')).toBe('scan.html.pdf');
    expect(downloadNameFor('照片.JPEG', 'jpg')).toBe('照片.JPEG');
    expect(downloadNameFor('证明', 'png')).toBe('证明.png');
    expect(formatOfFileName('a.tar.zip')).toBe('zip');
    expect(formatOfFileName('a.exe')).toBeNull();
  });
});
