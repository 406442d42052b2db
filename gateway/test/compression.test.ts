// Compression at the gateway (issue 10 item 14): bundles go out as the brotli/gzip copies the build
// wrote, whatever the gateway writes itself is compressed on the fly, and nothing that must not be.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { RunningGateway } from '../src';
import { startTestGateway, staticRoot } from './helpers';

let root: string;
let gateway: RunningGateway;

const bundle = `export const words = ${JSON.stringify('职称评审 '.repeat(2000))};\n`;
const appBundle = `export const app = ${JSON.stringify('单位审核 '.repeat(1000))};\n`;

beforeAll(async () => {
  root = staticRoot();
  const vendor = join(root, 'shell', 'dist', 'vendor');
  writeFileSync(join(vendor, 'antd-abc.js'), bundle);
  writeFileSync(join(vendor, 'antd-abc.js.br'), brotliCompressSync(bundle));
  writeFileSync(join(vendor, 'antd-abc.js.gz'), gzipSync(bundle));
  writeFileSync(join(vendor, 'antd-abc.js.map'), JSON.stringify({ mappings: 'AAAA;'.repeat(2000) }));
  writeFileSync(join(vendor, 'plain-abc.js'), bundle); // a bundle without copies
  const app = join(root, 'frontends', 'unit-audit', 'dist');
  writeFileSync(join(app, 'unit-audit-abc.js'), appBundle);
  writeFileSync(join(app, 'unit-audit-abc.js.br'), brotliCompressSync(appBundle));
  writeFileSync(join(app, 'unit-audit-abc.js.gz'), gzipSync(appBundle));
  // A compressed copy outside every served folder: no path may reach it.
  mkdirSync(join(root, 'shell', 'secret'), { recursive: true });
  writeFileSync(join(root, 'shell', 'secret', 'x.js.br'), brotliCompressSync('secret'));
  writeFileSync(
    join(root, 'shell', 'dist', 'index.html'),
    `<!doctype html><script type="importmap">/*IMPORT_MAP*/</script><title>职称</title>` +
      `<main>${'<p>正在加载职称评审服务平台…</p>'.repeat(60)}</main>`,
  );
  gateway = await startTestGateway({ STATIC_ROOT: root });
});
afterAll(async () => {
  await gateway.close();
  rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as curl sends it: the body exactly as it came over the wire, nothing decoded. */
function rawGet(path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // The path exactly as written (a URL object would resolve `%2e%2e` before sending).
    const { hostname, port } = new URL(gateway.origin);
    http
      .get({ hostname, port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

const decode = (raw: Raw) =>
  raw.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(raw.body).toString()
    : raw.headers['content-encoding'] === 'gzip'
      ? gunzipSync(raw.body).toString()
      : raw.body.toString();

describe('bundles: the precompressed copies', () => {
  it.each([
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
  ])('Accept-Encoding %s → %s, the same module, cached for a year', async (accept, encoding) => {
    const answer = await rawGet('/vendor/antd-abc.js', { 'accept-encoding': accept });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(bundle) / 10);
    expect(decode(answer)).toBe(bundle);
  });

  it('sends the module itself to a client that accepts no encoding', async () => {
    const answer = await rawGet('/vendor/antd-abc.js', { 'accept-encoding': 'identity' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(bundle);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it("serves a micro-frontend's copies under /apps", async () => {
    const answer = await rawGet('/apps/unit-audit/unit-audit-abc.js', { 'accept-encoding': 'gzip, br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(decode(answer)).toBe(appBundle);
  });

  it('compresses on the fly a bundle that has no copies, and a source map', async () => {
    const plain = await rawGet('/vendor/plain-abc.js', { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBe('gzip');
    expect(decode(plain)).toBe(bundle);
    const map = await rawGet('/vendor/antd-abc.js.map', { 'accept-encoding': 'br' });
    expect(map.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(map))).toHaveProperty('mappings');
  });

  it.each(['/vendor/..%2Fsecret%2Fx.js', '/vendor/%2e%2e/%2e%2e/secret/x.js', '/vendor/nothing.js'])(
    'answers 404 for %s, never a copy from elsewhere',
    async (path) => {
      const answer = await rawGet(path, { 'accept-encoding': 'br' });
      expect(answer.status).toBe(404);
      expect(decode(answer)).not.toContain('secret');
    },
  );
});

describe('what the gateway writes itself', () => {
  it('compresses the page (brotli preferred, gzip otherwise)', async () => {
    const br = await rawGet('/sign-in', { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(decode(br)).toContain('正在加载职称评审服务平台');
    const gzip = await rawGet('/sign-in', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip)).toContain('"imports"');
  });

  it('leaves /files alone (pictures and PDFs are compressed already, and streamed)', async () => {
    const answer = await rawGet('/files/downloads/abc.def', { accept: '*/*', 'accept-encoding': 'gzip, br' });
    expect(answer.status).toBe(502);
    expect(answer.headers['content-encoding']).toBeUndefined();
  });
});
