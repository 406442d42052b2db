import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  contentDisposition,
  LocalDirectoryStorage,
  receiveUpload,
  sendUploadRefusal,
  serveDownload,
  UploadRefused,
} from '../src';
import { fileBytes, PDF_HEAD, tempDir, type TempDir } from './fixtures';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('contentDisposition', () => {
  it('encodes a Chinese name per RFC 5987 and keeps an ASCII fallback with the extension', () => {
    const header = contentDisposition('职称评审一览表（张伟）.pdf');
    expect(header).toBe(
      `attachment; filename="${'_'.repeat(11)}.pdf"; filename*=UTF-8''${encodeURIComponent('职称评审一览表（张伟）.pdf')}`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('职称评审一览表（张伟）.pdf');
  });

  it('percent-encodes characters RFC 5987 does not allow and drops header-breaking ones', () => {
    const header = contentDisposition('a b\'(1)*"x";\r\nSet-Cookie: y.pdf', 'inline');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('inline; filename="a b\'(1)*_x__Set-Cookie: y.pdf"; ')).toBe(true);
    expect(header).toContain("filename*=UTF-8''a%20b%27%281%29%2A%22x%22%3BSet-Cookie%3A%20y.pdf");
  });
});

describe('serveDownload', () => {
  it('streams the file with a Chinese name, nosniff and no caching', async () => {
    const bytes = fileBytes(PDF_HEAD, 70_000);
    const server = await serve((_req, res) => {
      void serveDownload(res, {
        stream: Readable.from([bytes]),
        fileName: '公示表-李娜.pdf',
        contentType: 'application/pdf',
        sizeBytes: bytes.length,
      });
    });
    const answer = await fetch(`${server.origin}/x`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-length')).toBe(String(bytes.length));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(answer.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('公示表-李娜.pdf')}`,
    );
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(bytes);
    await server.close();
  });
});

describe('sendUploadRefusal', () => {
  it('answers a too-large upload with 413 JSON while the client is still sending', async () => {
    const storage = new LocalDirectoryStorage(dir.path);
    const server = await serve((req, res) => {
      receiveUpload(req, { maxBytes: 64 * 1024, allowedFormats: ['pdf'] }, storage, 'u', {
        destroySourceOnRefusal: false,
      }).then(
        () => res.end('stored'),
        (error) => sendUploadRefusal(req, res, error as UploadRefused),
      );
    });
    const body = fileBytes(PDF_HEAD, 4 * 1024 * 1024);
    const answer = await fetch(`${server.origin}/files/uploads/t`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body,
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({
      error: { code: 'FILE_TOO_LARGE', message: '文件超过大小限制（最大 64 KB），请压缩或拆分后重新上传' },
    });
    expect(await dir.files()).toEqual([]);
    await server.close();
  });
});
