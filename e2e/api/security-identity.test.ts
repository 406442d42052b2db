// Regression tests for the identity and session holes of issue 8, through the real gateway (and,
// where the probe went around it, straight at a subgraph as an attacker on the network would).
import { GraphQLSession, codeOf } from '../support/graphql';
import { demoAgent, ok, signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_sec_identity', { demoData: true });
});
afterAll(async () => {
  await stack?.stop();
});

const applicant = () => signedIn(stack, { kind: 'PERSON', account: '13800000001' });

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
