import http from 'node:http';
import type { RunningGateway } from '../src';
import { startTestGateway, staticRoot } from './helpers';

// The gateway in production: no coded answer depends on NODE_ENV (express's own error page
// shows a stack outside production), and HSTS is sent.
let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ NODE_ENV: 'production', STATIC_ROOT: staticRoot() });
});
afterAll(async () => {
  await gateway.close();
});

function send(
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const { hostname, port } = new URL(gateway.origin);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      const request = http.request(
        { host: hostname, port, path: target, method: options.method ?? 'GET', headers: options.headers },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
          );
        },
      );
      request.on('error', reject);
      request.end(options.body);
    },
  );
}

const json = { 'content-type': 'application/json' };

describe('the gateway edge in production', () => {
  it.each([
    ['malformed JSON', '{"query":', json, 400, 'BAD_REQUEST'],
    ['a JSON string', '"x"', json, 400, 'BAD_REQUEST'],
    // A GraphQL response: 200 with application/json, 400 with graphql-response+json.
    ['a syntax error', '{"query":"{"}', json, 200, 'GRAPHQL_PARSE_FAILED'],
    [
      'a syntax error (graphql-response+json)',
      '{"query":"{"}',
      { ...json, accept: 'application/graphql-response+json' },
      400,
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'a foreign charset',
      '{"query":"{ __typename }"}',
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a foreign media type',
      'query=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a body over 1 MB', JSON.stringify({ query: ' '.repeat(1_100_000) }), json, 413, 'PAYLOAD_TOO_LARGE'],
  ])('answers %s with a coded JSON error', async (_what, body, headers, status, code) => {
    const answer = await send('/graphql', { method: 'POST', headers, body });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/json/);
    expect(answer.text).not.toMatch(/<html|<pre|node_modules|\bat /);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe(code);
  });

  it('refuses absolute-form targets, TRACE and unknown paths with JSON', async () => {
    const absolute = await send('http://127.0.0.1:9/graphql');
    expect(absolute.status).toBe(400);
    expect(JSON.parse(absolute.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    const trace = await send('/graphql', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    const missing = await send('/nothing', { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('sends HSTS, nosniff, a permissions policy and a nonce CSP for the shell page', async () => {
    const page = await send('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Every feature off but the camera for our own origin (/verify scans QR codes with it).
    expect(page.headers['permissions-policy']).toContain('camera=(self)');
    expect(page.headers['permissions-policy']).toContain('microphone=()');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /<script nonce="([^"]+)" type="importmap">/.exec(page.text)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const again = await send('/', { headers: { accept: 'text/html' } });
    expect(again.text).not.toContain(nonce);
  });
});
