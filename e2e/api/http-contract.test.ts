// Issue 12 items 5 and 6: the HTTP contract of the public origin, through the real gateway.
// - the GraphQL-over-HTTP audit of graphql-http against the gateway and a bare Apollo Server;
// - one status rule for application/json and application/graphql-response+json, coded errors
//   (which query limit, variable coercion with fields in Chinese, `invalid` tokens), no internal
//   service names in any answer;
// - the published schema and token keys, queries over GET, persisted (trusted) documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, parse, validate } from 'graphql';
import { createClient } from 'graphql-ws';
import { auditServer, type AuditResult } from 'graphql-http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import WebSocket from 'ws';
import { createLogger, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@zhicheng/server-kit';
import { startTestTokenIssuer, type TestTokenIssuer } from '@zhicheng/testing';
import { loadGatewayEnv, startGateway, type RunningGateway } from '@zhicheng/gateway';
import { signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const root = path.resolve(__dirname, '..', '..');
const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  type: string;
  text: string;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }>;
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    body: text.startsWith('{') ? JSON.parse(text) : {},
  };
}

async function get(url: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  const response = await fetch(target, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text.startsWith('{') ? JSON.parse(text) : {}) as Answer['body'],
  };
}

const first = (answer: { body: Answer['body'] }) => answer.body.errors?.[0];

/** The manifests the front-end builds wrote (the gateway reads the same files). */
function frontEndDocuments(): Map<string, string> {
  const files = [
    path.join(root, 'libs/web-kit/dist/persisted-documents.json'),
    path.join(root, 'shell/dist/persisted-documents.json'),
    ...['applicant-wizard', 'bureau-dashboard', 'certificate-center', 'unit-audit'].map((app) =>
      path.join(root, 'frontends', app, 'dist', 'persisted-documents.json'),
    ),
  ];
  return new Map(files.flatMap((file) => Object.entries(JSON.parse(readFileSync(file, 'utf8')) as object)));
}

const documentNamed = (documents: Map<string, string>, operation: string) => {
  const found = [...documents].find(([, text]) => new RegExp(`\\b${operation}\\b[ ({]`).test(text));
  if (!found) throw new Error(`no persisted document for ${operation}`);
  return { hash: found[0], text: found[1] };
};

let stack: Stack;
let bare: { url: string; stop(): Promise<void> };
let issuer: TestTokenIssuer;
/** A production gateway (only persisted documents, except for client credentials) on a test key. */
let strict: RunningGateway;

beforeAll(async () => {
  stack = await startStack('gw_http_contract', { demoData: true });
  const server = new ApolloServer({ typeDefs: 'type Query { hello: String }' });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  bare = { url, stop: () => server.stop() };
  issuer = await startTestTokenIssuer();
  strict = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: '0',
      ALLOW_ARBITRARY_DOCUMENTS: 'false',
      SUBGRAPH_URLS: JSON.stringify({
        identity: stack.identity.url,
        binding: stack.binding.url,
        declaration: stack.declaration.url,
        review: stack.review.url,
        certificate: stack.certificate.url,
      }),
      IDENTITY_JWKS_URL: issuer.jwksUrl,
    }),
    { logger: createLogger('e2e', 'silent') },
  );
});
afterAll(async () => {
  await strict?.close();
  await issuer?.close();
  await bare?.stop();
  await stack?.stop();
});

const summary = (results: AuditResult[], status: AuditResult['status']) =>
  results.filter((r) => r.status === status).map((r) => `${r.id} ${r.name}`);

describe('GraphQL over HTTP (graphql-http server audit)', () => {
  it('has no errors and no warnings, where a bare Apollo Server has warnings', async () => {
    const gateway = await auditServer({ url: stack.graphqlUrl });
    const reference = await auditServer({ url: bare.url });
    expect(summary(gateway, 'error')).toEqual([]);
    expect(summary(gateway, 'warn')).toEqual([]);
    expect(summary(reference, 'error')).toEqual([]);
    // The bar of the issue: never more warnings than a bare Apollo Server.
    expect(summary(gateway, 'warn').length).toBeLessThanOrEqual(summary(reference, 'warn').length);
  });
});

describe('one status rule for both media types', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a parse error', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a variable that cannot be coerced',
      { query: 'query($n: String!) { verifyCertificate(number: $n, holderName: "x") { valid } }' },
      'BAD_USER_INPUT',
    ],
    [
      'two operations without operationName',
      { query: 'query A { __typename } query B { __typename }' },
      'BAD_REQUEST',
    ],
    [
      'a query over a limit',
      { query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
      'QUERY_TOO_COMPLEX',
    ],
  ];

  it.each(cases)(
    '%s: 200 with application/json (or no Accept), 400 with graphql-response+json',
    async (_what, body, code) => {
      for (const accept of [undefined, JSON_TYPE, '*/*']) {
        const answer = await post(stack.graphqlUrl, body, accept ? { accept } : {});
        expect([accept, answer.status, answer.type, first(answer)?.extensions?.code]).toEqual([
          accept,
          200,
          expect.stringMatching(/^application\/json/),
          code,
        ]);
        expect(answer.body).not.toHaveProperty('data');
      }
      const strictAnswer = await post(stack.graphqlUrl, body, { accept: GRAPHQL_RESPONSE });
      expect([strictAnswer.status, strictAnswer.type, first(strictAnswer)?.extensions?.code]).toEqual([
        400,
        expect.stringMatching(/^application\/graphql-response\+json/),
        code,
      ]);
    },
  );

  it('keeps 200 for a field error under either type (data is there, null or not)', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const answer = await post(
        stack.graphqlUrl,
        { query: '{ myDataAccessLog { totalCount } }' },
        { accept },
      );
      expect([answer.status, first(answer)?.extensions?.code]).toEqual([200, 'UNAUTHENTICATED']);
      expect(answer.body).toHaveProperty('data');
    }
  });

  it('answers what is no GraphQL request with its 4xx under either type', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      expect((await post(stack.graphqlUrl, '{"query":', { accept })).status).toBe(400);
      expect((await post(stack.graphqlUrl, {}, { accept })).status).toBe(400);
      const media = await post(stack.graphqlUrl, '{}', { accept, 'content-type': 'text/plain' });
      expect([media.status, first(media)?.extensions?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
  });

  it('answers an Accept header it cannot satisfy with 406 NOT_ACCEPTABLE', async () => {
    const answer = await post(stack.graphqlUrl, { query: '{ __typename }' }, { accept: 'application/xml' });
    expect([answer.status, first(answer)?.extensions?.code]).toEqual([406, 'NOT_ACCEPTABLE']);
    expect(first(answer)?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('coded errors', () => {
  it('names the query limit that was hit (`limit`, `max`)', async () => {
    const nest = (depth: number): string => (depth === 0 ? 'name' : `children { ${nest(depth - 1)} }`);
    const limits: Array<[string, string, number]> = [
      ['aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 15],
      ['depth', `{ organisations { ${nest(14)} } }`, 12],
      ['tokens', `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`, 5000],
      ['directives', `{ ${'... on Query @skip(if: false) { __typename } '.repeat(60)} }`, 50],
    ];
    for (const [limit, query, max] of limits) {
      const error = first(await post(stack.graphqlUrl, { query }));
      expect({
        limit,
        code: error?.extensions?.code,
        got: error?.extensions?.limit,
        max: error?.extensions?.max,
      }).toEqual({
        limit,
        code: 'QUERY_TOO_COMPLEX',
        got: limit,
        max,
      });
      expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers variable-coercion errors with every field in `fields` and a Chinese message, without the value', async () => {
    const answer = await post(stack.graphqlUrl, {
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      variables: {
        input: { kind: 'NOBODY', account: 13800000001, password: 'secret-value-1', captchaId: 'x' },
      },
    });
    const errors = answer.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.extensions?.fields).toEqual([
        expect.objectContaining({ field: expect.stringMatching(/^input/), code: expect.any(String) }),
      ]);
    }
    const fields = errors.flatMap((e) =>
      (e.extensions?.fields as Array<{ field: string }>).map((f) => f.field),
    );
    expect(fields).toEqual(expect.arrayContaining(['input.kind', 'input.captchaAnswer']));
    expect(answer.text).not.toContain('secret-value-1');
  });

  it('answers a forged token with UNAUTHENTICATED `invalid`, and never names a subgraph', async () => {
    const forged = await issuer.sign(
      { accountId: 'x', kind: 'PERSON', roles: ['APPLICANT'], displayName: 'x' },
      600,
    );
    const answer = await post(
      stack.graphqlUrl,
      { query: '{ myDataAccessLog { totalCount } myDeclarations { id } myCertificates { number } }' },
      { authorization: `Bearer ${forged}` },
    );
    expect(first(answer)?.extensions).toEqual(
      expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'invalid' }),
    );
    expect(answer.text).not.toMatch(/serviceName|identity|declaration\b|subgraph|127\.0\.0\.1/);
  });
});

describe('the published contract', () => {
  it('serves the public schema at /graphql/schema.graphql, as committed', async () => {
    const response = await fetch(`${stack.origin}/graphql/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(readFileSync(path.join(root, 'gateway/api-schema.graphql'), 'utf8'));
  });

  it('serves identity’s token keys at /.well-known/jwks.json: a signed-in token verifies with them', async () => {
    const response = await fetch(`${stack.origin}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const set = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(set.keys.length).toBeGreaterThan(0);
    for (const key of set.keys) expect(key).not.toHaveProperty('d');
    const session = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
    const keys = createRemoteJWKSet(new URL(`${stack.origin}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(session.token!, keys, {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    expect(payload.knd).toBe('PERSON');
  });

  it('runs queries over GET with the CSRF header, and refuses mutations over GET with 405', async () => {
    const query = '{ verifyCertificate(number: "JL202600000099", holderName: "张伟") { outcome } }';
    const ok = await get(stack.graphqlUrl, { query }, { 'apollo-require-preflight': 'true' });
    expect([
      ok.status,
      (ok.body.data as { verifyCertificate: { outcome: string } }).verifyCertificate.outcome,
    ]).toEqual([200, 'NOT_FOUND']);
    const withVariables = await get(
      stack.graphqlUrl,
      {
        query: 'query($n: String!) { verifyCertificate(number: $n, holderName: "张伟") { outcome } }',
        variables: JSON.stringify({ n: 'JL202600000099' }),
      },
      { 'apollo-require-preflight': 'true' },
    );
    expect(withVariables.status).toBe(200);
    const simple = await get(stack.graphqlUrl, { query });
    expect([simple.status, first(simple)?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    const mutation = await get(
      stack.graphqlUrl,
      { query: 'mutation { createCaptcha { id } }' },
      {
        'apollo-require-preflight': 'true',
      },
    );
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('allow')).toBe('POST');
  });
});

describe('persisted (trusted) documents', () => {
  it('runs a front end’s document by its hash (extensions.persistedQuery, documentId, GET)', async () => {
    const documents = frontEndDocuments();
    const verify = documentNamed(documents, 'VerifyCertificate');
    const variables = { number: 'JL202600000099', holderName: '张伟' };
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: verify.hash } }, variables },
      { documentId: `sha256:${verify.hash}`, variables },
      { documentId: verify.hash, variables },
    ]) {
      const answer = await post(stack.graphqlUrl, body);
      expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
      expect(answer.body.data).toHaveProperty('verifyCertificate.outcome', 'NOT_FOUND');
    }
    const byGet = await get(
      stack.graphqlUrl,
      { documentId: `sha256:${verify.hash}`, variables: JSON.stringify(variables) },
      { 'apollo-require-preflight': 'true' },
    );
    expect([byGet.status, byGet.body.errors]).toEqual([200, undefined]);
  });

  it('holds only documents valid on the public schema (subscriptions with one root field)', () => {
    const schema = buildSchema(readFileSync(path.join(root, 'gateway/api-schema.graphql'), 'utf8'));
    const documents = frontEndDocuments();
    expect(documents.size).toBeGreaterThan(20);
    const invalid = [...documents.values()].flatMap((text) =>
      validate(schema, parse(text)).map((error) => `${text.slice(0, 80)}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND (200 under either type, as APQ clients expect)', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const answer = await post(stack.graphqlUrl, { documentId: `sha256:${'0'.repeat(64)}` }, { accept });
      expect([answer.status, first(answer)?.extensions?.code]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
      expect(first(answer)?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('with ALLOW_ARBITRARY_DOCUMENTS=false refuses other documents, except from client credentials', async () => {
    const documents = frontEndDocuments();
    const verify = documentNamed(documents, 'VerifyCertificate');
    const variables = { number: 'JL202600000099', holderName: '张伟' };
    const known = await post(strict.url, { documentId: `sha256:${verify.hash}`, variables });
    expect(known.body.data).toHaveProperty('verifyCertificate.outcome', 'NOT_FOUND');
    // The same text sent in full is the same document.
    const sameText = await post(strict.url, { query: verify.text, variables });
    expect(sameText.body.errors).toBeUndefined();

    const person = await issuer.sign(
      { accountId: 'p', kind: 'PERSON', roles: ['APPLICANT'], displayName: 'p' },
      600,
    );
    const client = await issuer.sign(
      { accountId: 'c', kind: 'CLIENT', roles: [], displayName: 'c', scopes: [] },
      600,
    );
    const callers: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${person}` },
      { accept: GRAPHQL_RESPONSE },
    ];
    for (const headers of callers) {
      const refused = await post(strict.url, { query: '{ __typename }' }, headers);
      expect(first(refused)?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      expect(refused.body).not.toHaveProperty('data');
      expect(refused.status).toBe('accept' in headers ? 400 : 200);
    }
    const allowed = await post(
      strict.url,
      { query: '{ __typename }' },
      { authorization: `Bearer ${client}` },
    );
    expect(allowed.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('with ALLOW_ARBITRARY_DOCUMENTS=false takes subscriptions by hash and refuses other text', async () => {
    const token = await issuer.sign(
      { accountId: 'p', kind: 'PERSON', roles: ['APPLICANT'], displayName: 'p' },
      600,
    );
    const ws = createClient({
      url: strict.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const firstError = (payload: Record<string, unknown>) =>
      new Promise<{ extensions?: { code?: string } } | undefined>((resolve) => {
        ws.subscribe(payload as { query: string }, {
          next: () => undefined,
          error: (error) => resolve((error as Array<{ extensions?: { code?: string } }>)[0]),
          complete: () => resolve(undefined),
        });
      });
    try {
      const text = 'subscription { certificateIssued { resync } }';
      expect((await firstError({ query: text }))?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      expect(
        (
          await firstError({
            query: '',
            extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
          })
        )?.extensions?.code,
      ).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await ws.dispose();
    }
  });
});
