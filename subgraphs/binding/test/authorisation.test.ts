// Who may do and see what (ARCHITECTURE §6): every role against every operation, including
// other people's bindings and other units' requests. Someone else's binding does not exist for
// the caller (NOT_FOUND, null, empty list), so ids reveal nothing.
import { randomUUID } from 'node:crypto';
import {
  CANCEL,
  DECIDE,
  decide,
  expectError,
  GraphQLClient,
  MY_BINDINGS,
  MY_CURRENT,
  request,
  REQUEST,
  startTestBinding,
  UNBIND,
  UNIT_REQUESTS,
  type Actor,
  type BindingJson,
  type TestBinding,
  type TestUnit,
} from './helpers';

let t: TestBinding;
let unit: TestUnit;
let otherUnit: TestUnit;
let owner: Actor;
let stranger: Actor;
let ownAgent: Actor;
let otherAgent: Actor;
let otherLegalPerson: Actor;
let staff: Actor;
let pending: BindingJson;
let approved: BindingJson;

beforeAll(async () => {
  t = await startTestBinding();
  [unit, otherUnit] = [await t.readyUnit('本单位'), await t.readyUnit('别的单位')];
  owner = await t.applicant('张伟');
  stranger = await t.applicant('李娜');
  ownAgent = await t.agent(unit);
  otherAgent = await t.agent(otherUnit);
  otherLegalPerson = await t.legalPerson(otherUnit);
  staff = await t.staff();
  approved = await decide(ownAgent, (await request(owner, unit)).id, true);
  pending = await request(stranger, unit);
});
afterAll(() => t?.close());

const decideVars = () => ({ id: pending.id, approve: true, opinion: '同意' });

describe('signed out', () => {
  it.each([
    ['myBindings', MY_BINDINGS, {}],
    ['myCurrentBinding', MY_CURRENT, {}],
    ['unitBindingRequests', UNIT_REQUESTS, {}],
    ['requestBinding', REQUEST, { unitId: randomUUID() }],
    ['decideBinding', DECIDE, { id: randomUUID(), approve: true, opinion: '同意' }],
    ['unbind', UNBIND, {}],
    ['cancelBindingRequest', CANCEL, { id: randomUUID() }],
  ])('%s answers UNAUTHENTICATED', async (_name, query, variables) => {
    expectError(await t.client().request(query, variables), 'UNAUTHENTICATED', /请先登录/);
  });

  it('a forged or expired token is refused as such', async () => {
    const forged = new GraphQLClient(t.server.url, 'eyJhbGciOiJFZERTQSJ9.e30.c2ln');
    expectError(await forged.request(MY_BINDINGS), 'UNAUTHENTICATED', /登录凭证无效/);
    const expired = new GraphQLClient(t.server.url, await t.tokenFor(owner.principal, -60));
    expectError(await expired.request(MY_BINDINGS), 'UNAUTHENTICATED', /登录已过期/);
  });
});

describe('roles', () => {
  it('only applicants request, unbind, withdraw and read their own bindings', async () => {
    for (const actor of [ownAgent, otherLegalPerson, staff]) {
      for (const [query, variables] of [
        [REQUEST, { unitId: unit.unitId }],
        [UNBIND, {}],
        [CANCEL, { id: pending.id }],
        [MY_BINDINGS, {}],
        [MY_CURRENT, {}],
      ] as const) {
        expectError(await actor.client.request(query, variables), 'FORBIDDEN', /无权/);
      }
    }
  });

  it('only legal persons and agents decide and list requests', async () => {
    for (const actor of [owner, stranger, staff]) {
      expectError(await actor.client.request(DECIDE, decideVars()), 'FORBIDDEN', /无权/);
      expectError(await actor.client.request(UNIT_REQUESTS), 'FORBIDDEN', /无权/);
    }
  });
});

describe("another unit's accounts", () => {
  it('cannot decide this unit’s request: NOT_FOUND, and the request stays pending', async () => {
    for (const actor of [otherAgent, otherLegalPerson]) {
      expectError(
        await actor.client.request(DECIDE, decideVars()),
        'NOT_FOUND',
        /绑定申请不存在或不属于本单位/,
      );
    }
    const { rows } = await t.sql.query('select status from binding.binding where id = $1', [pending.id]);
    expect(rows[0].status).toBe('PENDING');
  });

  it('do not see this unit’s requests in their list', async () => {
    const { unitBindingRequests } = await otherAgent.client.ok<{ unitBindingRequests: BindingJson[] }>(
      UNIT_REQUESTS,
    );
    expect(unitBindingRequests).toEqual([]);
  });
});

describe("another person's binding", () => {
  it('cannot be withdrawn by someone else: NOT_FOUND', async () => {
    expectError(await owner.client.request(CANCEL, { id: pending.id }), 'NOT_FOUND', /绑定申请不存在/);
  });

  it('is not in my lists', async () => {
    const { myBindings } = await owner.client.ok<{ myBindings: BindingJson[] }>(MY_BINDINGS);
    expect(myBindings.map((b) => b.id)).toEqual([approved.id]);
  });
});

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Person { id currentBinding { id status } bindings { id } }
    ... on Unit { id bindingRequests { id } }
    ... on Binding { id status opinion }
  }
}`;

type Entity = {
  __typename: string;
  id: string;
  currentBinding?: { id: string; status: string } | null;
  bindings?: Array<{ id: string }>;
  bindingRequests?: Array<{ id: string }>;
  status?: string;
} | null;

const entities = async (actor: Actor | null, representations: object[]) =>
  (
    await (actor?.client ?? t.client()).ok<{ _entities: Entity[] }>(ENTITIES, {
      representations,
    })
  )._entities;

describe('through federation (what the gateway asks)', () => {
  const personRef = () => ({ __typename: 'Person', id: owner.principal.accountId });
  const unitRef = () => ({ __typename: 'Unit', id: unit.unitId });
  const bindingRef = () => ({ __typename: 'Binding', id: approved.id });

  it('Person.currentBinding and bindings: the person sees them', async () => {
    expect(await entities(owner, [personRef()])).toEqual([
      {
        __typename: 'Person',
        id: owner.principal.accountId,
        currentBinding: { id: approved.id, status: 'APPROVED' },
        bindings: [{ id: approved.id }],
      },
    ]);
  });

  it('… anyone else (another person, the unit, staff) reads null and []', async () => {
    for (const actor of [stranger, ownAgent, staff]) {
      expect(await entities(actor, [personRef()])).toEqual([
        { __typename: 'Person', id: owner.principal.accountId, currentBinding: null, bindings: [] },
      ]);
    }
  });

  it("Unit.bindingRequests: the unit's agents and legal person only", async () => {
    const expected = [
      { __typename: 'Unit', id: unit.unitId, bindingRequests: [{ id: pending.id }, { id: approved.id }] },
    ];
    expect(await entities(ownAgent, [unitRef()])).toEqual(expected);
    expect(await entities(await t.legalPerson(unit), [unitRef()])).toEqual(expected);
    for (const actor of [otherAgent, otherLegalPerson, owner, staff]) {
      expect(await entities(actor, [unitRef()])).toEqual([
        { __typename: 'Unit', id: unit.unitId, bindingRequests: [] },
      ]);
    }
  });

  it('a Binding reference resolves for its applicant and its unit, and to null for anyone else', async () => {
    for (const actor of [owner, ownAgent]) {
      expect(await entities(actor, [bindingRef()])).toEqual([
        { __typename: 'Binding', id: approved.id, status: 'APPROVED', opinion: '同意绑定' },
      ]);
    }
    for (const actor of [stranger, otherAgent, staff]) {
      expect(await entities(actor, [bindingRef()])).toEqual([null]);
    }
  });

  it('an anonymous caller reads no entity at all: UNAUTHENTICATED', async () => {
    const result = await t.client().request(ENTITIES, {
      representations: [personRef(), unitRef(), bindingRef()],
    });
    expectError(result, 'UNAUTHENTICATED');
    expect(result.data?._entities ?? null).toBeNull();
  });

  it('malformed and unknown ids resolve to null, not an error', async () => {
    expect(
      await entities(owner, [
        { __typename: 'Binding', id: 'x' },
        { __typename: 'Binding', id: randomUUID() },
        { __typename: 'Person', id: 'x' },
        { __typename: 'Unit', id: 'x' },
      ]),
    ).toEqual([null, null, null, null]);
  });
});
