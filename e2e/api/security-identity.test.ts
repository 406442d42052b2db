// Regression tests for the identity and session holes of issue 8, through the real gateway (and,
// where the probe went around it, straight at a subgraph as an attacker on the network would).
import { GraphQLSession, codeOf } from '../support/graphql';
import { DEMO_PASSWORD, demoAgent, ok, signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_sec_identity', { demoData: true });
});
afterAll(async () => {
  await stack?.stop();
});

const applicant = () => signedIn(stack, { kind: 'PERSON', account: '13800000001' });

/** A sign-in attempt with a freshly solved captcha, from `address` (the gateway forwards it). */
async function attempt(input: Record<string, unknown>, address?: string) {
  const tab = new GraphQLSession(stack.graphqlUrl);
  if (address) tab.headers['x-forwarded-for'] = address;
  await tab.request('mutation { createCaptcha { id } }');
  const captcha = await stack.latestCaptcha();
  return tab.request<{ signIn: { accessToken: string } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { ...input, captchaId: captcha.id, captchaAnswer: captcha.answer } },
  );
}

const observed = (answer: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => ({
  code: answer.errors?.[0]?.extensions?.code,
  message: answer.errors?.[0]?.message,
  retryAfterSeconds: answer.errors?.[0]?.extensions?.retryAfterSeconds,
});

describe('hole 9: entity reads need a token in every subgraph', () => {
  const IDENTITY_ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { id name idNumberMasked } } }`;
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { id } } }`;

  it('no subgraph answers _entities without a token; with one, the gateway still joins across subgraphs', async () => {
    const me = await applicant();
    const { me: viewer } = await ok<{ me: { accountId: string } }>(me, '{ me { accountId } }');
    const representations = [{ __typename: 'Person', id: viewer.accountId }];
    for (const subgraph of [stack.identity, stack.binding, stack.declaration, stack.review]) {
      const anonymous = new GraphQLSession(subgraph.url);
      const query = subgraph === stack.identity ? IDENTITY_ENTITIES : ENTITIES;
      const answer = await anonymous.request(query, { r: representations });
      expect({ url: subgraph.url, code: codeOf(answer) }).toEqual({
        url: subgraph.url,
        code: 'UNAUTHENTICATED',
      });
      expect(JSON.stringify(answer)).not.toContain('张伟');
    }
    // Person.name (identity) with bindings and declarations (other subgraphs): entity fetches.
    const joined = await me.request<{
      me: { person: { name: string; bindings: unknown[]; declarations: unknown[] } };
    }>('{ me { person { name bindings { id } declarations { id } } } }');
    expect(joined.errors).toBeUndefined();
    expect(joined.data?.me.person).toEqual({ name: '张伟', bindings: [], declarations: [] });
    const agent = await demoAgent(stack);
    expect(await ok(agent, '{ me { displayName } }')).toEqual({ me: { displayName: '林晓' } });
  });
});

describe('hole 8: sign-in neither locks accounts nor tells which exist', () => {
  it('a known and an unknown account answer alike, attempt after attempt, delays included', async () => {
    const known = [];
    const unknown = [];
    for (let i = 0; i < 7; i++) {
      known.push(
        observed(await attempt({ kind: 'STAFF', account: 'dept.health', password: 'Wrong#guess1' })),
      );
      unknown.push(
        observed(await attempt({ kind: 'STAFF', account: 'dept.nobody', password: 'Wrong#guess1' })),
      );
    }
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.code)).toEqual([
      ...Array(5).fill('INVALID_CREDENTIALS'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    expect(known[4].retryAfterSeconds).toBeGreaterThan(0);
    expect(known[6].retryAfterSeconds).toBeGreaterThan(0);
  });

  it('an attacker guessing a staff password from elsewhere cannot lock the staff member out', async () => {
    for (let i = 0; i < 8; i++) {
      const answer = await attempt(
        { kind: 'STAFF', account: 'bureau.city', password: 'Wrong#guess1' },
        '203.0.113.9',
      );
      expect(codeOf(answer)).not.toBe('ACCOUNT_LOCKED');
    }
    const owner = await attempt(
      { kind: 'STAFF', account: 'bureau.city', password: DEMO_PASSWORD },
      '198.51.100.20',
    );
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.signIn.accessToken).toBeTruthy();
  });
});
