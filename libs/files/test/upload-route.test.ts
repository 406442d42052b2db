import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  handleUpload,
  LocalDirectoryStorage,
  TokenRejected,
  UploadNotRecorded,
  type UploadHandling,
} from '../src';
import { EXE_HEAD, fileBytes, PDF_HEAD, pdfBytes, tempDir, type TempDir } from './fixtures';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

const silent = { error: () => undefined, warn: () => undefined };

/** A server whose every request is an upload handled with `handling` (token = the URL path). */
async function serveUploads(handling: (token: string) => Partial<UploadHandling<{ owner: string }>>) {
  const storage = new LocalDirectoryStorage(dir.path);
  const server = http.createServer((req, res) => {
    const token = (req.url ?? '').slice(1);
    void handleUpload(req, res, {
      verify: () => {
        if (token === 'expired') throw new TokenRejected('TOKEN_EXPIRED');
        if (token === 'forged') throw new TokenRejected('TOKEN_INVALID');
        return { owner: token };
      },
      check: async () => ({
        limits: { maxBytes: 10_000, allowedFormats: ['pdf'], fileName: 'a.pdf' },
        tooLargeMessage: '文件不能超过10KB',
      }),
      storageKey: (claims, attachmentId) => `${claims.owner}/${attachmentId}`,
      record: async (_claims, file) => ({ id: file.attachmentId, fileName: 'a.pdf', ...file }),
      storage,
      logger: silent,
      what: 'a test upload',
      ...handling(token),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    post: async (token: string, bytes: Buffer) => {
      const answer = await fetch(`${origin}/${token}`, { method: 'POST', body: bytes });
      return {
        status: answer.status,
        body: (await answer.json()) as Record<string, Record<string, unknown>>,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('handleUpload', () => {
  it('stores, records and answers 201 with the attachment', async () => {
    const server = await serveUploads(() => ({}));
    const answer = await server.post('u1', pdfBytes(4096));
    await server.close();
    expect(answer.status).toBe(201);
    expect(answer.body.attachment).toMatchObject({ fileName: 'a.pdf', sizeBytes: 4096, format: 'pdf' });
    expect(await dir.files()).toEqual([`u1/${answer.body.attachment.id}`]);
  });

  it('answers 410 for an expired ticket and 403 for a forged one', async () => {
    const server = await serveUploads(() => ({}));
    const expired = await server.post('expired', fileBytes(PDF_HEAD, 100));
    const forged = await server.post('forged', fileBytes(PDF_HEAD, 100));
    await server.close();
    expect([expired.status, expired.body.error.code]).toEqual([410, 'TOKEN_EXPIRED']);
    expect([forged.status, forged.body.error.code]).toEqual([403, 'TOKEN_INVALID']);
  });

  it("answers the service's refusal from check, and a declared size over the limit, storing nothing", async () => {
    const server = await serveUploads((token) =>
      token === 'used'
        ? {
            check: async () => {
              throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用', 409);
            },
          }
        : {},
    );
    const used = await server.post('used', fileBytes(PDF_HEAD, 100));
    const large = await server.post('u2', fileBytes(PDF_HEAD, 20_000));
    const exe = await server.post('u3', fileBytes(EXE_HEAD, 100));
    await server.close();
    expect([used.status, used.body.error.code]).toEqual([409, 'TICKET_USED']);
    expect([large.status, large.body.error]).toEqual([
      413,
      { code: 'FILE_TOO_LARGE', message: '文件不能超过10KB' },
    ]);
    expect(exe.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await dir.files()).filter((f) => !f.startsWith('.tmp'))).toEqual([]);
  });

  it('removes the stored bytes when recording fails', async () => {
    const server = await serveUploads(() => ({
      record: async () => {
        throw new UploadNotRecorded('SLOT_FULL', '该材料已达上限', 422);
      },
    }));
    const answer = await server.post('u4', pdfBytes(4096));
    const crash = await serveUploads(() => ({
      record: async () => {
        throw new Error('database down');
      },
    }));
    const crashed = await crash.post('u5', pdfBytes(4096));
    await server.close();
    await crash.close();
    expect([answer.status, answer.body.error.code]).toEqual([422, 'SLOT_FULL']);
    expect([crashed.status, crashed.body.error.code]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    expect((await dir.files()).filter((f) => !f.startsWith('.tmp'))).toEqual([]);
  });
});
