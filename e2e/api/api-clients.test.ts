// Third-party systems through the real gateway (issue 12 items 1–4): the unit's legal person
// creates a client, the system gets a token at /oauth/token (no captcha), lists the unit's
// declarations, receives signed webhooks (verified with the `standardwebhooks` package) on a local
// receiver (allowed by WEBHOOK_ALLOW_LOOPBACK, a non-production setting), and is refused what its
// scopes, its unit and its rate limit do not allow.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { makeCreditCode } from '@zhicheng/domain-codes';
import {
  bindToDemoUnit,
  demoAgent,
  DEMO_UNIT_CREDIT_CODE,
  Followed,
  liveClient,
  ok,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import { codeOf, GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

const RATE_LIMIT = 40;

let stack: Stack;
let receiver: Receiver;
beforeAll(async () => {
  stack = await startStack('gw_api_clients', {
    demoData: true,
    identityEnv: {
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      // Two quick retries, then failed; a receiver that hangs is cut after one second.
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0',
      WEBHOOK_TIMEOUT_MS: '1000',
      // The test sends due deliveries itself (identity.webhooks.runOnce), not on a timer.
      WEBHOOK_POLL_MS: '600000',
    },
    gatewayEnv: { CLIENT_RATE_LIMIT: String(RATE_LIMIT), CLIENT_RATE_LIMIT_WINDOW_SECONDS: '60' },
  });
  await stack.settleEvents();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

// ---- a local webhook receiver -------------------------------------------------------------------

interface Received {
  headers: Record<string, string>;
  body: string;
}
interface Receiver {
  url: string;
  received: Received[];
  /** What it answers next: a status, or 'hang' (never answers). */
  mode: number | 'hang';
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const state: Receiver = { url: '', received: [], mode: 200, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.received.push({
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (state.mode === 'hang') return;
      res.statusCode = state.mode;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zhicheng`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

// ---- helpers ------------------------------------------------------------------------------------

const CREATE = `mutation($input: CreateApiClientInput!) {
  createApiClient(input: $input) { clientSecret client { id name scopes secretHint lastUsedAt active } } }`;
interface Created {
  createApiClient: { clientSecret: string; client: { id: string; scopes: string[]; secretHint: string } };
}

async function createClient(owner: GraphQLSession, name: string, scopes: string[]) {
  const { createApiClient } = await ok<Created>(owner, CREATE, { input: { name, scopes } });
  return { id: createApiClient.client.id, secret: createApiClient.clientSecret };
}

async function tokenRequest(
  body: Record<string, string>,
  basic?: { id: string; secret: string },
): Promise<{ status: number; headers: Headers; json: Record<string, string> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic)
    headers.authorization = `Basic ${Buffer.from(
      `${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`,
    ).toString('base64')}`;
  const response = await fetch(`${stack.origin}/oauth/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(body).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, string>,
  };
}

async function clientSession(
  client: { id: string; secret: string },
  scope?: string,
): Promise<GraphQLSession> {
  const answer = await tokenRequest(
    { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
    client,
  );
  if (answer.status !== 200) throw new Error(`token refused: ${JSON.stringify(answer.json)}`);
  const session = new GraphQLSession(stack.graphqlUrl);
  session.token = answer.json.access_token;
  return session;
}

const legalPerson = (creditCode = DEMO_UNIT_CREDIT_CODE) =>
  signedIn(stack, { kind: 'LEGAL_PERSON', account: creditCode });

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the WebSocket answers a client that follows the declaration's status (it expects a refusal). */
async function statusRefusal(token: string): Promise<string> {
  const live = liveClient(stack, token);
  const followed = new Followed(
    live,
    `subscription($id: ID!) { declarationStatusChanged(id: $id) { status } }`,
    {
      id: declarationId,
    },
  );
  try {
    await until(async () => followed.error ?? followed.results.find((r) => r.errors) ?? null);
    return JSON.stringify(followed.error ?? followed.results);
  } finally {
    followed.stop();
    await live.dispose();
  }
}

const DELIVERIES = `query($e: ID!) { webhookDeliveries(endpointId: $e, first: 50) {
  id eventType status attemptCount body attempts { statusCode error } } }`;
interface DeliveriesJson {
  webhookDeliveries: Array<{
    id: string;
    eventType: string;
    status: string;
    attemptCount: number;
    body: string;
    attempts: Array<{ statusCode: number | null; error: string | null }>;
  }>;
}

// ---- the done-when path -------------------------------------------------------------------------

let declarationId: string;

test('a legal person’s client gets a token without a captcha, lists the unit’s declarations and receives signed webhooks', async () => {
  const owner = await legalPerson();
  const client = await createClient(owner, '人事管理系统', ['declarations:read', 'bindings:read']);
  expect(client.secret).toMatch(/^zcs_[A-Za-z0-9_-]{40,}$/);
  const { createWebhookEndpoint } = await ok<{
    createWebhookEndpoint: { signingSecret: string; endpoint: { id: string; events: string[] } };
  }>(
    owner,
    `mutation($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) { signingSecret endpoint { id url events } } }`,
    {
      input: {
        clientId: client.id,
        url: receiver.url,
        events: ['declaration.status_changed', 'binding.decided'],
      },
    },
  );
  expect(createWebhookEndpoint.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);

  // The secret is shown once: the list says only its last four characters, never the hash.
  const { apiClients } = await ok<{ apiClients: Array<Record<string, unknown>> }>(
    owner,
    `{ apiClients { id secretHint lastUsedAt webhookEndpoints { id } } }`,
  );
  expect(apiClients).toEqual([
    {
      id: client.id,
      secretHint: client.secret.slice(-4),
      lastUsedAt: null,
      webhookEndpoints: [{ id: createWebhookEndpoint.endpoint.id }],
    },
  ]);

  // client_secret_basic, no captcha; the token names the client, its unit and its scopes.
  const token = await tokenRequest({ grant_type: 'client_credentials' }, client);
  expect(token.status).toBe(200);
  expect(token.headers.get('cache-control')).toBe('no-store');
  expect(token.json).toMatchObject({ token_type: 'Bearer', scope: 'bindings:read declarations:read' });
  expect(Number(token.json.expires_in)).toBeLessThanOrEqual(3600);
  const claims = JSON.parse(
    Buffer.from(token.json.access_token.split('.')[1], 'base64url').toString(),
  ) as Record<string, unknown>;
  const { unitByCreditCode: unit } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    owner,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  expect(claims).toMatchObject({ sub: client.id, knd: 'CLIENT', nam: '人事管理系统', unt: unit.id, rol: [] });
  expect(claims.scp).toEqual(['bindings:read', 'declarations:read']);
  const system = new GraphQLSession(stack.graphqlUrl);
  system.token = token.json.access_token;

  // An applicant binds (binding.decided) and submits (declaration.status_changed).
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  await bindToDemoUnit(stack, applicant, await demoAgent(stack));
  declarationId = await submittedTitleDeclaration(stack, applicant, unit.name);

  const { unitDeclarations } = await ok<{
    unitDeclarations: Array<{ id: string; status: string; statusText: string }>;
  }>(system, `{ unitDeclarations { id status statusText } }`);
  expect(unitDeclarations).toEqual([{ id: declarationId, status: 'SUBMITTED', statusText: '已申报' }]);
  const { unitBindingRequests } = await ok<{ unitBindingRequests: Array<{ status: string }> }>(
    system,
    `{ unitBindingRequests { status } }`,
  );
  expect(unitBindingRequests.map((b) => b.status)).toEqual(['APPROVED']);

  // Reading the declaration's contents is a read of the applicant's data: in their access log.
  await ok(system, `query($id: ID!) { declaration(id: $id) { id modules { basicInfo { name } } } }`, {
    id: declarationId,
  });
  await stack.settleEvents();
  const { myDataAccessLog } = await ok<{
    myDataAccessLog: {
      edges: Array<{ node: { viewerRole: string; organisationName: string; items: string[] } }>;
    };
  }>(applicant, `{ myDataAccessLog(first: 20) { edges { node { viewerRole organisationName items } } } }`);
  expect(myDataAccessLog.edges.map((e) => e.node)).toContainEqual({
    viewerRole: 'THIRD_PARTY',
    organisationName: unit.name,
    items: ['DECLARATION_CONTENTS'],
  });

  // The deliveries leave from identity's outbox, signed as Standard Webhooks says.
  await stack.identity.webhooks.runOnce();
  const received = await until(async () => (receiver.received.length >= 2 ? receiver.received : null));
  const verifier = new Webhook(createWebhookEndpoint.signingSecret);
  const bodies = received.map(
    (r) => verifier.verify(r.body, r.headers) as { type: string; data: Record<string, unknown> },
  );
  expect(bodies.map((b) => b.type).sort()).toEqual(['binding.decided', 'declaration.status_changed']);
  expect(bodies.find((b) => b.type === 'declaration.status_changed')!.data).toMatchObject({
    declarationId,
    change: 'SUBMITTED',
  });
  expect(bodies.find((b) => b.type === 'binding.decided')!.data).toMatchObject({ outcome: 'APPROVED' });
  // A tampered body or another secret fails verification.
  expect(() => verifier.verify(`${received[0].body} `, received[0].headers)).toThrow();
  expect(() =>
    new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
      received[0].body,
      received[0].headers,
    ),
  ).toThrow();

  const log = await ok<DeliveriesJson>(owner, DELIVERIES, { e: createWebhookEndpoint.endpoint.id });
  expect(log.webhookDeliveries.map((d) => [d.status, d.attemptCount, d.attempts[0].statusCode])).toEqual([
    ['DELIVERED', 1, 200],
    ['DELIVERED', 1, 200],
  ]);
  expect(received.map((r) => r.headers['webhook-id']).sort()).toEqual(
    log.webhookDeliveries.map((d) => d.id).sort(),
  );

  // Last use is the last token.
  const after = await ok<{ apiClients: Array<{ lastUsedAt: string | null }> }>(
    owner,
    `{ apiClients { lastUsedAt } }`,
  );
  expect(after.apiClients[0].lastUsedAt).not.toBeNull();
});

test('a client is refused a scope it lacks: at the token endpoint, in queries and on a subscription', async () => {
  const owner = await legalPerson();
  const client = await createClient(owner, '档案系统', ['declarations:read']);

  const asked = await tokenRequest(
    { grant_type: 'client_credentials', scope: 'declarations:read notices:read' },
    client,
  );
  expect(asked.status).toBe(400);
  expect(asked.json.error).toBe('invalid_scope');
  expect(asked.json.error_description).toMatch(/notices:read/);

  const system = await clientSession(client);
  const notices = await system.request(`{ notices { id } }`);
  expect(codeOf(notices)).toBe('FORBIDDEN');
  expect(notices.errors?.[0].extensions).toMatchObject({
    reason: 'INSUFFICIENT_SCOPE',
    scope: 'notices:read',
  });
  expect(notices.errors?.[0].message).toMatch(/notices:read/);
  const verify = await system.request(
    `{ verifyCertificate(number: "JL202600000001", holderName: "张伟") { valid } }`,
  );
  expect(verify.errors?.[0].extensions).toMatchObject({
    reason: 'INSUFFICIENT_SCOPE',
    scope: 'certificates:verify',
  });
  expect(codeOf(await system.request(`{ unitBindingRequests { id } }`))).toBe('FORBIDDEN');
  // A narrower token than the client's scopes is narrower everywhere.
  const narrow = await clientSession(await createClient(owner, '公告系统', ['notices:read']));
  expect(codeOf(await narrow.request(`{ unitDeclarations { id } }`))).toBe('FORBIDDEN');

  // Live status needs declarations:subscribe.
  const refusal = await statusRefusal(system.token!);
  expect(refusal).toMatch(/FORBIDDEN/);
  expect(refusal).toMatch(/declarations:subscribe/);

  // Roles stay with people: a client cannot manage clients or decide anything.
  expect(codeOf(await system.request(`{ apiClients { id } }`))).toBe('FORBIDDEN');
  expect(codeOf(await system.request(`{ reviewQueue(first: 5) { totalCount } }`))).toBe('FORBIDDEN');
});

test('another unit’s client sees nothing of this unit: its declarations answer NOT_FOUND', async () => {
  const other = await legalPerson(makeCreditCode('12220000MB0000002'));
  const client = await createClient(other, '其他单位系统', ['declarations:read', 'declarations:subscribe']);
  const system = await clientSession(client);
  expect(
    (await ok<{ unitDeclarations: unknown[] }>(system, `{ unitDeclarations { id } }`)).unitDeclarations,
  ).toEqual([]);
  const answer = await system.request(`query($id: ID!) { declaration(id: $id) { id } }`, {
    id: declarationId,
  });
  expect(codeOf(answer)).toBe('NOT_FOUND');
  // Nor may it follow the declaration's status.
  expect(await statusRefusal(system.token!)).toMatch(/NOT_FOUND/);
  // Nor manage the first unit's clients.
  const { apiClients } = await ok<{ apiClients: unknown[] }>(other, `{ apiClients { id } }`);
  expect(apiClients).toHaveLength(1);
});

test('wrong secrets, unknown and revoked clients and malformed requests get RFC 6749 errors; revocation is immediate', async () => {
  const owner = await legalPerson();
  const client = await createClient(owner, '待吊销系统', ['declarations:read']);

  const wrong = await tokenRequest(
    { grant_type: 'client_credentials' },
    { id: client.id, secret: `${client.secret}x` },
  );
  expect(wrong.status).toBe(401);
  expect(wrong.json.error).toBe('invalid_client');
  expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
  const unknown = await tokenRequest({
    grant_type: 'client_credentials',
    client_id: '00000000-0000-4000-8000-000000000000',
    client_secret: client.secret,
  });
  expect([unknown.status, unknown.json.error]).toEqual([401, 'invalid_client']);
  expect(unknown.json.error_description).toBe(wrong.json.error_description);
  // client_secret_post works; both methods at once do not.
  const posted = await tokenRequest({
    grant_type: 'client_credentials',
    client_id: client.id,
    client_secret: client.secret,
  });
  expect(posted.status).toBe(200);
  const both = await tokenRequest(
    { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
    client,
  );
  expect([both.status, both.json.error]).toEqual([400, 'invalid_request']);
  const grant = await tokenRequest({ grant_type: 'password' }, client);
  expect([grant.status, grant.json.error]).toEqual([400, 'unsupported_grant_type']);
  const json = await fetch(`${stack.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
  });
  expect(json.status).toBe(400);

  // Rotation: the old secret stops at once.
  const { rotateApiClientSecret } = await ok<{ rotateApiClientSecret: { clientSecret: string } }>(
    owner,
    `mutation($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }`,
    { id: client.id },
  );
  expect((await tokenRequest({ grant_type: 'client_credentials' }, client)).status).toBe(401);
  const rotated = { id: client.id, secret: rotateApiClientSecret.clientSecret };
  const system = await clientSession(rotated);
  expect(codeOf(await system.request(`{ unitDeclarations { id } }`))).toBeUndefined();

  // Revocation: no more tokens, and the token it holds stops working at once.
  await ok(owner, `mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt active } }`, { id: client.id });
  const revoked = await tokenRequest({ grant_type: 'client_credentials' }, rotated);
  expect([revoked.status, revoked.json.error]).toEqual([401, 'invalid_client']);
  expect(revoked.json.error_description).toMatch(/吊销/);
  await until(
    async () => codeOf(await system.request(`{ unitDeclarations { id } }`)) === 'UNAUTHENTICATED',
    3000,
  );

  // Management input: every problem at once; others' clients do not exist.
  const bad = await owner.request(CREATE, {
    input: { name: ' ', scopes: ['declarations:write', 'notices:read'] },
  });
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  expect(
    (bad.errors?.[0].extensions?.fields as Array<{ field: string; code: string }>).map((f) => [
      f.field,
      f.code,
    ]),
  ).toEqual([
    ['name', 'REQUIRED'],
    ['scopes.0', 'UNKNOWN_SCOPE'],
  ]);
  const agent = await demoAgent(stack);
  expect(
    codeOf(await agent.request(CREATE, { input: { name: '经办人系统', scopes: ['notices:read'] } })),
  ).toBe('FORBIDDEN');
  const other = await legalPerson(makeCreditCode('12220000MB0000003'));
  expect(
    codeOf(await other.request(`mutation($id: ID!) { revokeApiClient(id: $id) { id } }`, { id: client.id })),
  ).toBe('NOT_FOUND');
});

test('webhook receivers must be public https; a failing receiver is retried, marked failing and redelivered by hand', async () => {
  const owner = await legalPerson();
  const client = await createClient(owner, '回调系统', ['declarations:read', 'bindings:read']);
  const register = (url: string, events = ['declaration.status_changed']) =>
    owner.request<{ createWebhookEndpoint: { endpoint: { id: string }; signingSecret: string } }>(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { signingSecret endpoint { id } } }`,
      { input: { clientId: client.id, url, events } },
    );
  const problems = async (url: string, events?: string[]) =>
    (
      ((await register(url, events)).errors?.[0].extensions?.fields ?? []) as Array<{
        field: string;
        code: string;
      }>
    ).map((f) => `${f.field}:${f.code}`);
  expect(await problems('http://hr.example.com/hook')).toEqual(['url:HTTPS_REQUIRED']);
  expect(await problems('https://10.1.2.3/hook')).toEqual(['url:PRIVATE_ADDRESS']);
  expect(await problems('https://192.168.0.10/hook')).toEqual(['url:PRIVATE_ADDRESS']);
  expect(await problems('https://169.254.169.254/latest/meta-data')).toEqual(['url:PRIVATE_ADDRESS']);
  expect(await problems('https://[fd00::1]/hook')).toEqual(['url:PRIVATE_ADDRESS']);
  expect(await problems('https://[::ffff:10.0.0.1]/hook')).toEqual(['url:PRIVATE_ADDRESS']);
  expect(await problems('https://user:pw@hr.example.com/hook')).toEqual(['url:CREDENTIALS_IN_URL']);
  expect(await problems('not a url', ['nothing.happened'])).toEqual([
    'url:INVALID_URL',
    'events.0:UNKNOWN_EVENT',
  ]);
  expect(await problems(receiver.url, ['certificate.issued', 'binding.decided'])).toEqual([]);

  const created = await register(receiver.url, ['declaration.status_changed']);
  const endpointId = created.data!.createWebhookEndpoint.endpoint.id;
  const secret = created.data!.createWebhookEndpoint.signingSecret;

  // The applicant's declaration comes back to it: review returns it (declaration.status_changed RETURNED).
  const agent = await demoAgent(stack);
  const { reviewCase } = await ok<{ reviewCase: { currentTask: { sequence: number } } }>(
    agent,
    `query($id: ID!) { reviewCase(declarationId: $id) { currentTask { sequence } } }`,
    { id: declarationId },
  );
  receiver.mode = 500;
  receiver.received.length = 0;
  await ok(
    agent,
    `mutation($id: ID!, $seq: Int!) {
      decideReview(declarationId: $id, taskSequence: $seq, decision: RETURN, opinion: "毕业证书不清晰，请重新上传。",
        modules: [EDUCATION], target: APPLICANT) { statusText } }`,
    { id: declarationId, seq: reviewCase.currentTask.sequence },
  );
  await stack.settleEvents();

  // 500, then two retries (schedule 0,0), then failed: kept, endpoint marked failing.
  for (let round = 0; round < 3; round++) await stack.identity.webhooks.runOnce();
  const failed = await ok<DeliveriesJson>(owner, DELIVERIES, { e: endpointId });
  expect(failed.webhookDeliveries).toHaveLength(1);
  expect(failed.webhookDeliveries[0]).toMatchObject({ status: 'FAILED', attemptCount: 3 });
  expect(failed.webhookDeliveries[0].attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
  expect(failed.webhookDeliveries[0].attempts[0].error).toMatch(/HTTP 500/);
  const { apiClients } = await ok<{
    apiClients: Array<{ id: string; webhookEndpoints: Array<{ id: string; failing: boolean }> }>;
  }>(owner, `{ apiClients { id webhookEndpoints { id failing } } }`);
  expect(
    apiClients.find((c) => c.id === client.id)!.webhookEndpoints.find((e) => e.id === endpointId)!.failing,
  ).toBe(true);
  // Every attempt carried the same webhook-id (receivers deduplicate on it).
  const firstId = failed.webhookDeliveries[0].id;
  expect(receiver.received.filter((r) => r.headers['webhook-id'] === firstId)).toHaveLength(3);

  // A receiver that hangs is cut at the timeout and the attempt says so.
  receiver.mode = 'hang';
  await ok(owner, `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: firstId });
  await stack.identity.webhooks.runOnce();
  const hung = await ok<DeliveriesJson>(owner, DELIVERIES, { e: endpointId });
  expect(hung.webhookDeliveries[0].attempts.at(-1)).toMatchObject({ statusCode: null });
  expect(hung.webhookDeliveries[0].attempts.at(-1)!.error).toMatch(/超时/);

  // 重新投递 once the receiver is fixed: the same message (id, body), delivered; failing cleared.
  receiver.mode = 200;
  receiver.received.length = 0;
  await ok(owner, `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: firstId });
  for (let round = 0; round < 3 && receiver.received.length === 0; round++)
    await stack.identity.webhooks.runOnce();
  const delivered = await ok<DeliveriesJson>(owner, DELIVERIES, { e: endpointId });
  expect(delivered.webhookDeliveries[0].status).toBe('DELIVERED');
  const last = receiver.received.filter((r) => r.headers['webhook-id'] === firstId).at(-1)!;
  expect(last.headers['webhook-id']).toBe(firstId);
  expect(
    (new Webhook(secret).verify(last.body, last.headers) as { data: { change: string } }).data.change,
  ).toBe('RETURNED');

  // Another unit cannot read or redeliver this log.
  const other = await legalPerson(makeCreditCode('12220000MB0000002'));
  expect(codeOf(await other.request(DELIVERIES, { e: endpointId }))).toBe('NOT_FOUND');
  expect(
    codeOf(
      await other.request(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`, { id: firstId }),
    ),
  ).toBe('NOT_FOUND');
});

test('a client over its rate limit gets 429 with Retry-After and RateLimit headers', async () => {
  const owner = await legalPerson();
  const system = await clientSession(await createClient(owner, '高频系统', ['notices:read']));
  const send = () =>
    fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${system.token}` },
      body: JSON.stringify({ query: '{ notices { id } }' }),
    });
  const first = await send();
  expect(first.status).toBe(200);
  expect(first.headers.get('ratelimit-policy')).toBe(`"client";q=${RATE_LIMIT};w=60`);
  expect(first.headers.get('ratelimit')).toMatch(new RegExp(`^"client";r=${RATE_LIMIT - 1};t=\\d+$`));
  for (let i = 1; i < RATE_LIMIT; i++) expect((await send()).status).toBe(200);
  const over = await send();
  expect(over.status).toBe(429);
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(over.headers.get('ratelimit')).toMatch(/^"client";r=0;t=\d+$/);
  const body = (await over.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
  expect(body.errors[0].message).toMatch(/秒后再试/);
  // Another client, and people, are not affected.
  const other = await clientSession(await createClient(owner, '低频系统', ['notices:read']));
  expect(codeOf(await other.request('{ notices { id } }'))).toBeUndefined();
  expect(codeOf(await owner.request('{ apiClients { id } }'))).toBeUndefined();
});
