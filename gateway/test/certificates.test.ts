// The issuer's public documents on the gateway's origin (did:web needs /.well-known/did.json
// there): fixed paths to the fixed origin of SUBGRAPH_URLS.certificate, nothing else.
import type { RunningGateway } from '../src';
import { startTestGateway, startUpstream, type Upstream } from './helpers';

let upstream: Upstream;
let gateway: RunningGateway;
const seen: string[] = [];

beforeAll(async () => {
  upstream = await startUpstream((app) => {
    app.use((req, _res, next) => {
      seen.push(req.originalUrl);
      next();
    });
    app.get('/.well-known/did.json', (_req, res) => {
      res.set('cache-control', 'public, max-age=300').set('x-internal', 'secret');
      res.type('application/did+json').send(JSON.stringify({ id: 'did:web:example' }));
    });
    app.get('/credentials/status/1', (_req, res) => void res.type('application/vc+jwt').send('a.b.c'));
  });
  gateway = await startTestGateway({
    SUBGRAPH_URLS: JSON.stringify({ certificate: `${upstream.url}/graphql` }),
  });
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

test('did.json and the status list come from the certificate subgraph, with only the headers that matter', async () => {
  const did = await fetch(`${gateway.origin}/.well-known/did.json`);
  expect(did.status).toBe(200);
  expect(did.headers.get('content-type')).toContain('application/did+json');
  expect(did.headers.get('cache-control')).toBe('public, max-age=300');
  expect(did.headers.get('access-control-allow-origin')).toBe('*');
  expect(did.headers.get('x-internal')).toBeNull();
  expect(await did.json()).toEqual({ id: 'did:web:example' });

  const list = await fetch(`${gateway.origin}/credentials/status/1`);
  expect(list.status).toBe(200);
  expect(await list.text()).toBe('a.b.c');
});

test('no other path reaches the certificate subgraph, and a query string is not passed on', async () => {
  seen.length = 0;
  for (const path of [
    '/credentials/status/0',
    '/credentials/status/x',
    '/credentials/status/1/../../graphql',
    '/.well-known/other',
  ])
    await fetch(`${gateway.origin}${path}`);
  // Not a status list: a JSON 404, even for a browser (never the shell's page).
  for (const path of [
    '/credentials/status/0',
    '/credentials/status/abc',
    '/credentials',
    '/credentials/x/1',
  ]) {
    const answer = await fetch(`${gateway.origin}${path}`, { headers: { accept: 'text/html,*/*' } });
    expect([path, answer.status, answer.headers.get('content-type')]).toEqual([
      path,
      404,
      expect.stringContaining('application/json'),
    ]);
  }
  await fetch(`${gateway.origin}/credentials/status/1?redirect=http://evil.example`);
  expect(seen).toEqual(['/credentials/status/1']);
});

test('an unreachable certificate subgraph answers 502 with a Chinese message', async () => {
  const lonely = await startTestGateway({
    SUBGRAPH_URLS: JSON.stringify({ certificate: 'http://127.0.0.1:9/graphql' }),
  });
  try {
    const answer = await fetch(`${lonely.origin}/.well-known/did.json`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({
      error: { code: 'UPSTREAM_UNAVAILABLE', message: '证书服务暂不可用，请稍后重试' },
    });
  } finally {
    await lonely.close();
  }
});
