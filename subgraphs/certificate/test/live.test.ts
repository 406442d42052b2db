// certificateIssued on the subgraph's own graphql-ws: the holder hears their new certificate
// after the issuing commits; nobody hears another's, and anonymous may not subscribe.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { approved, startTestCertificate, submitted, type TestCertificate } from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate();
  await t.server.deps.live.ready();
});
afterAll(async () => {
  await t?.close();
});

const ISSUED = `subscription { certificateIssued { resync certificate { number holderName } } }`;

function follow(token?: string) {
  const client: Client = createClient({
    url: t.server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const results: Array<{
    data?: { certificateIssued: { certificate: { number: string } | null } } | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  }> = [];
  let error: unknown = null;
  client.subscribe(
    { query: ISSUED },
    { next: (r) => void results.push(r as never), error: (e) => void (error = e), complete: () => undefined },
  );
  return { client, results, error: () => error };
}

const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

test('the holder hears their certificate; another person does not; anonymous is refused', async () => {
  const holder = await t.applicant('周八');
  const other = await t.applicant();
  const mine = follow(holder.client.accessToken);
  const theirs = follow(other.client.accessToken);
  const anonymous = follow();
  // Refused in the subscribe phase: graphql-ws answers the error as the only result, or fails.
  await until(() => anonymous.error() !== null || anonymous.results.length > 0);
  if (!anonymous.error()) expect(anonymous.results[0].errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  await new Promise((resolve) => setTimeout(resolve, 300)); // both subscriptions registered

  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, holder.principal.accountId, '周八'), approved(declarationId));
  await until(() => mine.results.length > 0);
  expect(mine.results[0].data?.certificateIssued.certificate).toMatchObject({
    number: expect.stringMatching(/^JL/),
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(theirs.results).toEqual([]);
  for (const f of [mine, theirs, anonymous]) await f.client.dispose();
});
