import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningGateway } from '../src';
import { startTestGateway, staticRoot } from './helpers';

let root: string;
let gateway: RunningGateway;

beforeAll(async () => {
  root = staticRoot();
  gateway = await startTestGateway({ STATIC_ROOT: root });
});
afterAll(async () => {
  await gateway.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, accept: string) => fetch(`${gateway.origin}${path}`, { headers: { accept } });

describe('front-end assets and pages', () => {
  it('serves an existing asset and a client-side route', async () => {
    const asset = await get('/shell/shell.js', '*/*');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('export {};');
    const app = await get('/apps/unit-audit/app.js', '*/*');
    expect(app.status).toBe(200);
    const page = await get('/declarations/d-1', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('"imports"');
  });

  const missing = [
    '/vendor/react-19.js',
    '/shell/missing.js',
    '/web-kit/web-kit-abc.js',
    '/apps/unit-audit/missing.js',
    '/apps/not-built/app.js',
    '/apps/Bad_Name/app.js',
    '/apps',
  ];
  const accepts = ['text/html,application/xhtml+xml,*/*;q=0.8', '*/*', 'application/javascript'];
  it.each(missing.flatMap((path) => accepts.map((accept) => [path, accept])))(
    'answers 404, never the page, for the missing asset %s (Accept: %s)',
    async (path, accept) => {
      const answer = await get(path, accept);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toContain('text/plain');
      expect(await answer.text()).not.toContain('<!doctype html>');
    },
  );

  it('never answers /files with the page, even with no file service configured', async () => {
    const answer = await get('/files/downloads/abc.def', 'text/html');
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({
      error: { code: 'UPSTREAM_UNAVAILABLE', message: '文件服务暂不可用，请稍后重试' },
    });
  });

  it('serves the /verify service worker from the root, uncached, with a CSP of its own', async () => {
    expect((await get('/verify-sw.js', '*/*')).status).toBe(404);
    mkdirSync(join(root, 'frontends', 'certificate-center', 'dist'), { recursive: true });
    writeFileSync(join(root, 'frontends', 'certificate-center', 'dist', 'verify-sw.js'), 'self.x = 1;');
    const worker = await get('/verify-sw.js', '*/*');
    expect(worker.status).toBe(200);
    expect(await worker.text()).toBe('self.x = 1;');
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-security-policy')).toBe("default-src 'none'; connect-src 'self'");
    expect(worker.headers.get('service-worker-allowed')).toBeNull();
    // Only that file: nothing else of the app is served from the root.
    expect((await get('/certificate-center.js', 'application/javascript')).status).toBe(404);
  });
});
