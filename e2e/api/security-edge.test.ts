// Issue 8, the HTTP edge: the file proxy (hole 1), coded answers to bad requests (hole 4), query
// limits on every subgraph (hole 7), control characters and personal data in logs (hole 5), and
// security headers (hole 11). Raw node:http requests: fetch() would normalise the targets tried.
import http from 'node:http';
import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger } from '@zhicheng/server-kit';
import { startStack, type Stack } from '../support/stack';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): {
    errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
  } & {
    error?: { code: string; message: string };
    data?: unknown;
    keys?: unknown;
  };
}

/** One request with the target exactly as given (absolute-form, dots and escapes untouched). */
function raw(
  url: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method: options.method ?? 'GET', path: target, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

// With application/graphql-response+json a request refused before execution keeps its 4xx (with
// application/json the gateway answers such GraphQL responses with 200: http-contract.test.ts).
const post = (url: string, body: string | Buffer, contentType = 'application/json') =>
  raw(url, new URL(url).pathname, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/graphql-response+json' },
    body,
  });

const graphql = (url: string, query: string, variables?: Record<string, unknown>) =>
  post(url, JSON.stringify({ query, variables }));

/** A JSON GraphQL error with this code: never HTML, never a stack or a file path. */
function expectCoded(answer: RawAnswer, status: number, code: string) {
  expect(answer.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
  expect(answer.text).not.toMatch(/<html|<pre|\bat .+\(|\/work\/|node_modules|stacktrace/i);
  const body = answer.json();
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(body.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(answer.status).toBe(status);
}

const logLines: string[] = [];
let stack: Stack;
let subgraphs: Array<[string, string]>;

beforeAll(async () => {
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  stack = await startStack('gw_security_edge', { logger: createLogger('e2e', 'debug', capture) });
  subgraphs = [
    ['identity', stack.identity.url],
    ['binding', stack.binding.url],
    ['declaration', stack.declaration.url],
    ['review', stack.review.url],
  ];
});
afterAll(async () => {
  await stack?.stop();
});

describe('hole 1: /files is no open proxy', () => {
  it('refuses an absolute-form target that names another service', async () => {
    const identity = new URL(stack.identity.url);
    const answer = await raw(stack.origin, `http://${identity.host}/files/../.well-known/jwks.json`);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('"keys"');
    expect(answer.json().errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it.each([
    ['GET', '/files/../.well-known/jwks.json'],
    ['GET', '/files/downloads/../../.well-known/jwks.json'],
    ['POST', '/files/%2e%2e/graphql'],
    ['POST', '/files/%2E%2E/graphql'],
    ['POST', '/files/uploads/..%2f..%2fgraphql'],
    ['GET', '/files/downloads/a%5c..%5cgraphql'],
    ['GET', '/files/review/..\\..\\graphql'],
    ['GET', '/files/./downloads/x.y'],
    ['GET', '/files//downloads/x.y'],
  ])('refuses %s %s before any service sees it', async (method, target) => {
    const answer = await raw(stack.origin, target, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
    });
    expect([400, 404]).toContain(answer.status);
    expect(answer.text).not.toMatch(/"keys"|__typename|"data"/);
    expect(answer.json().error?.code).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
  });

  it('answers 404 with a code for a path shape no service serves', async () => {
    for (const target of [
      '/files',
      '/files/',
      '/files/graphql',
      '/files/health/ready',
      '/files/review/graphql',
    ]) {
      const answer = await raw(stack.origin, target);
      expect(answer.status).toBe(404);
      expect(answer.json().error?.code).toBe('NOT_FOUND');
    }
  });

  it('answers 405 for a method the path shape does not take', async () => {
    const answer = await raw(stack.origin, '/files/downloads/abc.def', { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.json().error?.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('still passes each served shape to its owner, which judges the link', async () => {
    for (const target of [
      '/files/downloads/abc.def',
      '/files/forms/abc.def?download=1',
      '/files/review/downloads/abc.def',
    ]) {
      const answer = await raw(stack.origin, target);
      expect(answer.status).toBe(403);
      expect(answer.json().error?.code).toBe('TOKEN_INVALID');
    }
    for (const target of ['/files/uploads/abc.def', '/files/review/uploads/abc.def']) {
      const answer = await raw(stack.origin, target, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: '%PDF-1.7',
      });
      expect(answer.status).toBe(403);
      expect(answer.json().error?.code).toBe('TOKEN_INVALID');
    }
  });
});

describe('hole 4: every bad request is a coded JSON answer, at the gateway and every subgraph', () => {
  const endpoints = () => [['gateway', stack.graphqlUrl] as [string, string], ...subgraphs];

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    for (const [, url] of endpoints())
      expectCoded(await post(url, '{"query":"{"}'), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('answers a persisted-query hash that does not match its query with 400 BAD_REQUEST (outside probe)', async () => {
    const body = JSON.stringify({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
    });
    for (const [, url] of endpoints()) expectCoded(await post(url, body), 400, 'BAD_REQUEST');
  });

  it('answers two operations without operationName with 400', async () => {
    for (const [, url] of endpoints())
      expectCoded(await graphql(url, 'query A { __typename } query B { __typename }'), 400, 'BAD_REQUEST');
  });

  it('answers a subscription over HTTP with 400', async () => {
    expectCoded(
      await graphql(stack.graphqlUrl, 'subscription { reviewQueueChanged { __typename } }'),
      400,
      'BAD_REQUEST',
    );
    expectCoded(
      await graphql(stack.review.url, 'subscription { reviewQueueChanged { __typename } }'),
      400,
      'BAD_REQUEST',
    );
  });

  it('answers malformed JSON and bodies that are no request with 400 BAD_REQUEST', async () => {
    for (const [, url] of endpoints()) {
      expectCoded(await post(url, '{"query":'), 400, 'BAD_REQUEST');
      expectCoded(await post(url, '"a string"'), 400, 'BAD_REQUEST');
      expectCoded(await post(url, '42'), 400, 'BAD_REQUEST');
      expectCoded(await post(url, '[]'), 400, 'BAD_REQUEST');
      expectCoded(await post(url, '{"query":42}'), 400, 'BAD_REQUEST');
      expectCoded(await post(url, '{}'), 400, 'BAD_REQUEST');
    }
  });

  it('answers variables nested deeper than any input with 400, not a stack overflow', async () => {
    const depth = 200_000;
    const body = `{"query":"query($x: String!) { __type(name: $x) { name } }","variables":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    for (const [, url] of endpoints()) expectCoded(await post(url, body), 400, 'BAD_REQUEST');
  });

  it('answers a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` });
    for (const [, url] of endpoints()) expectCoded(await post(url, big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a charset other than UTF-8 and a foreign media type with 415', async () => {
    for (const [, url] of endpoints()) {
      expectCoded(
        await post(url, '{"query":"{ __typename }"}', 'application/json; charset=latin1'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectCoded(
        await post(url, '{"query":"{ __typename }"}', 'application/json; charset=klingon'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });

  it('answers a date-time the subgraph refuses as BAD_USER_INPUT at the gateway', async () => {
    const answer = await graphql(
      stack.graphqlUrl,
      'mutation($input: NoticeInput!) { createNotice(input: $input) { id } }',
      {
        input: {
          channelCode: 'X',
          title: 't',
          opensAt: 'not a date',
          closesAt: '2026-13-45T99:00:00Z',
          route: [],
        },
      },
    );
    expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
    expect(answer.json().errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('answers unknown routes and methods with JSON, not an HTML page', async () => {
    for (const [, url] of endpoints()) {
      const origin = new URL(url).origin;
      const answer = await raw(origin, '/graphql', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(answer.text).not.toMatch(/<html|<pre/i);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      const missing = await raw(origin, '/nothing-here', { headers: { accept: 'application/json' } });
      expect(missing.text).not.toMatch(/<html|<pre/i);
      expect(missing.status).toBe(404);
    }
  });
});

describe('hole 7: every subgraph keeps the query limits', () => {
  it('refuses 1000 aliases directly on a subgraph', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: _service { sdl }`).join(' ');
    for (const [, url] of subgraphs)
      expectCoded(await graphql(url, `{ ${aliases} }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('counts aliased __typename too', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    for (const [, url] of [['gateway', stack.graphqlUrl], ...subgraphs])
      expectCoded(await graphql(url, `{ ${aliases} }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('refuses a query over the token limit without a 500', async () => {
    // Over the gateway's 5000 and a subgraph's 10000 (its headroom for the gateway's fetches).
    const fields = Array.from({ length: 12000 }, () => '__typename').join(' ');
    for (const [, url] of [['gateway', stack.graphqlUrl], ...subgraphs])
      expectCoded(await graphql(url, `{ ${fields} }`), 400, 'QUERY_TOO_COMPLEX');
  });
});

describe('hole 5: control characters and broken Unicode are refused at the edge', () => {
  const mutation = 'mutation($input: SendSmsCodeInput!) { sendSmsCode(input: $input) { mobileMasked } }';

  it.each([
    ['a NUL byte', '138\u00000000001'],
    ['a lone surrogate', '1380000\ud8000001'],
    ['an escape character', '1380000\u001b0001'],
  ])('refuses %s in a variable with the field path', async (_what, mobile) => {
    for (const url of [stack.graphqlUrl, stack.identity.url]) {
      const answer = await graphql(url, mutation, {
        input: { mobile, purpose: 'REGISTER_PERSON', captchaId: 'x', captchaAnswer: 'y' },
      });
      expectCoded(answer, 400, 'BAD_USER_INPUT');
      expect(answer.json().errors?.[0]?.extensions?.fields).toEqual([
        expect.objectContaining({ field: 'input.mobile', code: 'INVALID_CHARACTERS' }),
      ]);
    }
  });

  it('refuses a NUL written as an escape in the query text', async () => {
    const answer = await graphql(
      stack.graphqlUrl,
      'mutation { sendSmsCode(input: { mobile: "138\\u00000000001", purpose: REGISTER_PERSON, captchaId: "x", captchaAnswer: "y" }) { mobileMasked } }',
    );
    expectCoded(answer, 400, 'BAD_USER_INPUT');
    expect(answer.json().errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'sendSmsCode.input.mobile' }),
    ]);
  });

  it('keeps tabs and line breaks', async () => {
    const answer = await graphql(stack.graphqlUrl, '{ __typename }', { note: 'a\tb\r\nc' });
    expect(answer.status).toBe(200);
  });

  it('keeps ID numbers, mobiles, tokens and file links out of the log', async () => {
    const idNumber = '220102198808080118';
    const mobile = '13912345678';
    const secret = 'eyJwIjp7ImEiOiJzZWNyZXQtdGlja2V0In19.c2lnbmF0dXJlLW9mLXRoZS1saW5r';
    logLines.length = 0;
    await raw(stack.origin, `/files/downloads/${secret}`);
    await raw(stack.origin, `/files/uploads/${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: '%PDF-1.7',
    });
    await raw(new URL(stack.declaration.url).origin, `/files/downloads/${secret}?download=1`);
    await raw(stack.origin, '/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${secret}`,
        cookie: `zc_refresh=${secret}`,
      },
      body: JSON.stringify({
        query: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { name } }',
        variables: {
          input: {
            name: '王\u0000小明',
            idType: 'RESIDENT_ID',
            idNumber,
            mobile,
            smsCode: '123456',
            password: 'Strong#Pass1',
          },
        },
      }),
    });
    await graphql(
      stack.identity.url,
      'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { name } }',
      {
        input: { name: '王小明', idType: 'RESIDENT_ID', idNumber, mobile, smsCode: '123456', password: 'x' },
      },
    );
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(idNumber);
    expect(log).not.toContain(mobile);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(secret.split('.')[1]);
  });
});

/** The errors a subscription over graphql-ws ends with (none: it was accepted). */
async function subscriptionErrors(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Array<{ message: string; extensions?: Record<string, unknown> }>> {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve([]), 3000);
      client.subscribe(
        { query, variables },
        {
          next: () => undefined,
          error: (error) => {
            clearTimeout(timer);
            resolve(Array.isArray(error) ? error : [{ message: String(error) }]);
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('holes 5 and 7 over graphql-ws', () => {
  const statusChanged = 'subscription($id: ID!) { declarationStatusChanged(id: $id) { __typename } }';

  it('refuses control characters in a subscription’s variables, at the gateway and the subgraph', async () => {
    for (const url of [stack.graphqlUrl, stack.declaration.url]) {
      const errors = await subscriptionErrors(url, statusChanged, { id: 'a\u0000b' });
      expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'id' })]);
    }
  });

  it('answers a subgraph socket’s parse, validation and operation errors with their codes, not INTERNAL_SERVER_ERROR (outside probe)', async () => {
    const cases: Array<[string, string]> = [
      ['subscription { nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['subscription {', 'GRAPHQL_PARSE_FAILED'],
      ['mutation { __typename }', 'BAD_REQUEST'],
    ];
    for (const url of [stack.graphqlUrl, stack.declaration.url])
      for (const [query, code] of cases) {
        const errors = await subscriptionErrors(url, query);
        expect({ url, query, code: errors[0]?.extensions?.code }).toEqual({ url, query, code });
      }
  });

  it('applies the query limits to subscriptions sent to a subgraph directly', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    const errors = await subscriptionErrors(
      stack.declaration.url,
      `subscription { declarationStatusChanged(id: "x") { ${aliases} } }`,
    );
    expect(errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('hole 11: security headers', () => {
  it('sends a CSP that allows the shell page’s import map, nosniff and a permissions policy', async () => {
    const page = await raw(stack.origin, '/', { headers: { accept: 'text/html' } });
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['permissions-policy']).toBeDefined();
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    if (page.status === 200) {
      // The inline import map is allowed by its hash or by the nonce the page carries.
      const nonce = /<script[^>]*nonce="([^"]+)"/.exec(page.text)?.[1];
      expect(nonce ? csp.includes(`'nonce-${nonce}'`) : /script-src[^;]*'sha256-/.test(csp)).toBe(true);
    }
    const api = await graphql(stack.graphqlUrl, '{ __typename }');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBeDefined();
    for (const [, url] of subgraphs) {
      const answer = await graphql(url, '{ __typename }');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses TRACE', async () => {
    const answer = await raw(stack.origin, '/graphql', { method: 'TRACE' });
    expect(answer.status).toBe(405);
  });
});
