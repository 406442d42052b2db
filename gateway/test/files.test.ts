import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDirectoryStorage, receiveUpload, sendUploadRefusal, UploadRefused } from '@zhicheng/files';
import { minimalPdf } from '@zhicheng/testing';
import type { RunningGateway } from '../src';
import { matchFileRoute } from '../src/files';
import { startTestGateway, startUpstream, type Upstream } from './helpers';

let upstream: Upstream;
let gateway: RunningGateway;
let storeDir: string;
/** What the upstream saw of each request, by path. */
const seen = new Map<
  string,
  { headers: http.IncomingHttpHeaders; completed: boolean; closedEarly: boolean }
>();
let firstChunkAt: Record<string, number> = {};

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'zc-gw-files-'));
  const storage = new LocalDirectoryStorage(storeDir);
  upstream = await startUpstream((app) => {
    app.post('/files/uploads/:ticket', (req, res) => {
      const record = { headers: req.headers, completed: false, closedEarly: false };
      seen.set(req.path, record);
      req.once('data', () => (firstChunkAt[req.path] = Date.now()));
      req.on('close', () => (record.closedEarly = !req.complete));
      receiveUpload(req, { maxBytes: 1024 * 1024, allowedFormats: ['pdf'] }, storage, req.params.ticket, {
        destroySourceOnRefusal: false,
      }).then(
        (file) => {
          record.completed = true;
          res.status(201).json({ attachment: { id: 'a-1', fileName: '申报材料.pdf', ...file } });
        },
        (error) =>
          error instanceof UploadRefused ? sendUploadRefusal(req, res, error) : res.status(500).end(),
      );
    });
    app.get('/files/downloads/:name', (req, res, next) => {
      if (['slow.x', 'missing.x'].includes(req.params.name)) return next();
      seen.set(req.path, { headers: req.headers, completed: false, closedEarly: false });
      res.status(200);
      res.set({
        'content-type': 'application/pdf',
        'content-disposition': `${req.query.preview === '1' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent('公示表.pdf')}`,
        'x-content-type-options': 'nosniff',
        'x-upstream-server': 'internal-host:4103',
        'set-cookie': 'upstream=1',
      });
      res.end(Buffer.from(`%PDF-1.7 ${req.url}`));
    });
    app.get('/files/downloads/slow.x', (req, res) => {
      const record = { headers: req.headers, completed: false, closedEarly: false };
      seen.set(req.path, record);
      res.setHeader('content-type', 'application/octet-stream');
      let sent = 0;
      const timer = setInterval(() => {
        res.write(Buffer.alloc(1024, 1));
        if (++sent === 200) {
          clearInterval(timer);
          record.completed = true;
          res.end();
        }
      }, 10);
      res.on('close', () => {
        clearInterval(timer);
        record.closedEarly = !record.completed;
      });
    });
    app.get('/files/certificates/:token', (req, res) => {
      res.type('application/pdf').end(Buffer.from(`%PDF-1.7 certificate ${req.url}`));
    });
    app.get('/files/downloads/missing.x', (_req, res) => {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: '文件不存在或您无权查看' } });
    });
  });
  gateway = await startTestGateway({
    SUBGRAPH_URLS: JSON.stringify({ declaration: `${upstream.url}/graphql` }),
  });
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
  rmSync(storeDir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.clear();
  firstChunkAt = {};
});

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('/files/* through the gateway', () => {
  it('passes an upload to the file service with the headers it needs and returns its answer', async () => {
    const body = minimalPdf(300_000);
    const answer = await fetch(`${gateway.origin}/files/uploads/ticket.one`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer abc.def.ghi',
        'content-type': 'application/pdf',
        'x-request-id': 'req-12345678',
        cookie: 'refresh=secret',
      },
      body,
    });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({
      attachment: {
        id: 'a-1',
        fileName: '申报材料.pdf',
        sizeBytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        format: 'pdf',
      },
    });
    const { headers } = seen.get('/files/uploads/ticket.one')!;
    // The ticket in the path is the only credential a file route takes.
    expect(headers.authorization).toBeUndefined();
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-length']).toBe(String(body.length));
    expect(headers['x-request-id']).toBe('req-12345678');
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers.cookie).toBeUndefined();
  });

  it('streams the body upstream as it arrives, not after the client finished', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A real PDF (uploads are parsed), sent in two halves.
    const whole = minimalPdf(128 * 1024);
    async function* slowBody() {
      yield whole.subarray(0, 64 * 1024);
      await held; // the rest only after the upstream has seen the first part
      yield whole.subarray(64 * 1024);
    }
    const sending = fetch(`${gateway.origin}/files/uploads/ticket.stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Readable.toWeb(Readable.from(slowBody())) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    await until(() => firstChunkAt['/files/uploads/ticket.stream'] !== undefined);
    release();
    const answer = await sending;
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { attachment: { sizeBytes: number } }).attachment.sizeBytes).toBe(
      128 * 1024,
    );
  });

  it('passes a refusal that the file service answers before the body is complete', async () => {
    const answer = await fetch(`${gateway.origin}/files/uploads/ticket.big`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: pdf(8 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({
      error: { code: 'FILE_TOO_LARGE', message: '文件超过大小限制（最大 1024 KB），请压缩或拆分后重新上传' },
    });
  });

  it('passes a download back with its status, headers and query', async () => {
    const answer = await fetch(`${gateway.origin}/files/downloads/form.x?download=1&token=t1`, {
      headers: { accept: 'text/html' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent('公示表.pdf'));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    // Only `download=1` goes on: the path and query are rebuilt from the checked parts.
    expect(await answer.text()).toBe('%PDF-1.7 /files/downloads/form.x?download=1');
    // Only the headers a browser needs of the answer come back.
    expect(answer.headers.get('x-upstream-server')).toBeNull();
    expect(answer.headers.get('set-cookie')).toBeNull();
    const notFound = await fetch(`${gateway.origin}/files/downloads/missing.x`);
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('an inline preview may be framed by our own pages only; a download by none', async () => {
    const preview = await fetch(`${gateway.origin}/files/downloads/form.x?preview=1&x=1`);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toBe('%PDF-1.7 /files/downloads/form.x?preview=1');
    expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(preview.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    const download = await fetch(`${gateway.origin}/files/downloads/form.x`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-frame-options')).toBe('DENY');
    expect(download.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    // download=1 wins over preview=1.
    const both = await fetch(`${gateway.origin}/files/downloads/form.x?preview=1&download=1`);
    expect(await both.text()).toBe('%PDF-1.7 /files/downloads/form.x?download=1');
  });

  it('aborts the upstream request when the client goes away', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${gateway.origin}/files/downloads/slow.x`, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    });
    await until(() => seen.get('/files/downloads/slow.x')?.closedEarly === true);
    expect(seen.get('/files/downloads/slow.x')?.completed).toBe(false);
  });

  it('aborts a half-sent upload upstream, which keeps nothing', async () => {
    await new Promise<void>((resolve) => {
      const request = http.request(`${gateway.origin}/files/uploads/ticket.half`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', 'content-length': String(512 * 1024) },
      });
      request.on('error', () => resolve());
      request.write(pdf(100 * 1024));
      void until(() => firstChunkAt['/files/uploads/ticket.half'] !== undefined).then(() => {
        request.destroy();
        resolve();
      });
    });
    await until(() => seen.get('/files/uploads/ticket.half')?.closedEarly === true);
    expect(seen.get('/files/uploads/ticket.half')?.completed).toBe(false);
    expect(await new LocalDirectoryStorage(storeDir).exists('ticket.half')).toBe(false);
  });
});

describe('/files/* when the file service is down', () => {
  it('answers 502 with a Chinese message', async () => {
    const down = await startTestGateway({
      SUBGRAPH_URLS: JSON.stringify({ declaration: 'http://127.0.0.1:9/graphql' }),
    });
    try {
      const answer = await fetch(`${down.origin}/files/uploads/t.t`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: pdf(10_000),
      });
      expect(answer.status).toBe(502);
      expect(await answer.json()).toEqual({
        error: { code: 'UPSTREAM_UNAVAILABLE', message: '文件服务暂不可用，请稍后重试' },
      });
    } finally {
      await down.close();
    }
  });

  it('prefers FILES_UPSTREAM_URL over the declaration subgraph', async () => {
    const explicit = await startTestGateway({
      SUBGRAPH_URLS: JSON.stringify({ declaration: 'http://127.0.0.1:9/graphql' }),
      FILES_UPSTREAM_URL: upstream.url,
    });
    try {
      const answer = await fetch(`${explicit.origin}/files/downloads/x.x`);
      expect(answer.status).toBe(200);
    } finally {
      await explicit.close();
    }
  });

  it('sends /files/review/* to the review subgraph and the rest to declaration', async () => {
    const split = await startTestGateway({
      SUBGRAPH_URLS: JSON.stringify({
        declaration: 'http://127.0.0.1:9/graphql',
        review: `${upstream.url}/graphql`,
      }),
    });
    try {
      const review = await fetch(`${split.origin}/files/review/downloads/x.x`);
      expect(review.status).not.toBe(502);
      const declaration = await fetch(`${split.origin}/files/downloads/x.x`);
      expect(declaration.status).toBe(502);
    } finally {
      await split.close();
    }
  });

  it('sends /files/certificates/* to the certificate subgraph, on its fixed origin', async () => {
    const split = await startTestGateway({
      SUBGRAPH_URLS: JSON.stringify({
        declaration: 'http://127.0.0.1:9/graphql',
        certificate: `${upstream.url}/graphql`,
      }),
    });
    try {
      const pdf = await fetch(`${split.origin}/files/certificates/abc.def`);
      expect(pdf.status).toBe(200);
      expect(await pdf.text()).toBe('%PDF-1.7 certificate /files/certificates/abc.def');
      expect((await fetch(`${split.origin}/files/downloads/x.x`)).status).toBe(502);
      // Only GET: a certificate link is never an upload.
      expect((await fetch(`${split.origin}/files/certificates/abc.def`, { method: 'POST' })).status).toBe(
        405,
      );
    } finally {
      await split.close();
    }
  });

  it('answers 502 for a certificate PDF when no certificate subgraph is configured', async () => {
    const answer = await fetch(`${gateway.origin}/files/certificates/abc.def`);
    expect(answer.status).toBe(502);
  });
});

describe('matchFileRoute', () => {
  it.each([
    ['/files/uploads/abc.def', 'declaration', '/files/uploads/abc.def'],
    ['/files/downloads/abc.def?download=1', 'declaration', '/files/downloads/abc.def?download=1'],
    [
      '/files/downloads/abc.def?download=1&x=http://evil',
      'declaration',
      '/files/downloads/abc.def?download=1',
    ],
    ['/files/forms/abc.def?x=1', 'declaration', '/files/forms/abc.def'],
    ['/files/downloads/abc.def?preview=1', 'declaration', '/files/downloads/abc.def?preview=1'],
    ['/files/downloads/abc.def?preview=2', 'declaration', '/files/downloads/abc.def'],
    ['/files/review/uploads/a-b_c.d-e', 'review', '/files/review/uploads/a-b_c.d-e'],
    ['/files/review/downloads/abc.def', 'review', '/files/review/downloads/abc.def'],
    ['/files/certificates/abc.def', 'certificate', '/files/certificates/abc.def'],
    ['/files/certificates/abc.def?x=http://evil', 'certificate', '/files/certificates/abc.def'],
    ['/files/certificates/uploads/abc.def', 'certificate', '/files/certificates/uploads/abc.def'],
    ['/files/certificates/materials/abc.def', 'certificate', '/files/certificates/materials/abc.def'],
  ])('maps %s to %s as %s', (target, owner, upstreamPath) => {
    expect(matchFileRoute(target)).toMatchObject({ kind: 'route', owner, upstreamPath });
  });

  it.each([
    'http://127.0.0.1:4101/files/../.well-known/jwks.json',
    '//127.0.0.1:4101/files/x.y',
    '/files/../.well-known/jwks.json',
    '/files/%2e%2e/graphql',
    '/files/downloads/abc%2edef',
    '/files/uploads/..%2f..%2fgraphql',
    '/files/downloads/a\\b',
    '/files/./downloads/a.b',
    '/files//downloads/a.b',
    '/files/downloads/../uploads/a.b',
  ])('refuses %s', (target) => {
    expect(matchFileRoute(target)).toEqual({ kind: 'invalid' });
  });

  it.each([
    '/files',
    '/files/',
    '/files/graphql',
    '/files/downloads/',
    '/files/downloads/nodot',
    '/files/review/graphql',
    '/files/certificates/nodot',
    '/files/certificates/a.b/graphql',
    '/files/certificates/uploads/nodot',
    '/files/certificates/materials/a.b/c.d',
  ])('knows no route at %s', (target) => {
    expect(matchFileRoute(target)).toEqual({ kind: 'unknown' });
  });
});
