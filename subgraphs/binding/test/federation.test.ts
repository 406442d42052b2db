// Federation costs: N Binding references cost one query, Person and Unit references cost none
// (binding knows them by id), and nested fields batch per request (no N+1).
import {
  decide,
  recordSql,
  request,
  startTestBinding,
  type Actor,
  type TestBinding,
  type TestUnit,
} from './helpers';

let t: TestBinding;
let unit: TestUnit;
let agent: Actor;
let applicants: Actor[];
let bindingIds: string[];
let historyOwner: Actor;

beforeAll(async () => {
  t = await startTestBinding();
  unit = await t.readyUnit();
  agent = await t.agent(unit);
  applicants = [];
  bindingIds = [];
  for (let i = 0; i < 6; i += 1) {
    const applicant = await t.applicant();
    applicants.push(applicant);
    bindingIds.push((await request(applicant, unit)).id);
  }
  // One applicant with a long history: refused four times, then pending.
  historyOwner = await t.applicant();
  for (let i = 0; i < 4; i += 1) await decide(agent, (await request(historyOwner, unit)).id, false);
  await request(historyOwner, unit);
});
afterAll(() => t?.close());

const bindingTable = (statements: string[]) => statements.filter((s) => /from "binding"\."binding"/i.test(s));

describe('federation entities', () => {
  it('resolves N Binding references in order, with one query', async () => {
    const representations = [...bindingIds].reverse().map((id) => ({ __typename: 'Binding', id }));
    let entities: Array<{ id: string; status: string } | null> = [];
    const sql = await recordSql(async () => {
      ({ _entities: entities } = await agent.client.ok<{
        _entities: Array<{ id: string; status: string } | null>;
      }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Binding { id status } } }`, {
        r: representations,
      }));
    });
    expect(entities.map((e) => e?.id)).toEqual([...bindingIds].reverse());
    expect(bindingTable(sql)).toHaveLength(1);
  });

  it('Person and Unit references need no query at all', async () => {
    const representations = [
      ...applicants.map((a) => ({ __typename: 'Person', id: a.principal.accountId })),
      { __typename: 'Unit', id: unit.unitId },
    ];
    const sql = await recordSql(() =>
      applicants[0].client.ok(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } ... on Unit { id } } }`,
        {
          r: representations,
        },
      ),
    );
    // (The outbox relay polls binding.outbox_event on its own schedule; that is not the request's.)
    expect(sql.filter((s) => /"binding"\."(binding|bindable_unit)"/.test(s))).toEqual([]);
  });

  it("a history's nested person fields cost one query each, however long the history", async () => {
    const sql = await recordSql(() =>
      historyOwner.client.ok(`{ myBindings { id person { id currentBinding { id } bindings { id } } } }`),
    );
    // myBindings, then one batch for currentBinding and one for bindings over all five rows.
    expect(bindingTable(sql)).toHaveLength(3);
  });

  it("the unit's list with each request's unit and its pending requests: one query per level", async () => {
    const sql = await recordSql(() =>
      agent.client.ok(`{ unitBindingRequests { id unit { id bindingRequests(status: PENDING) { id } } } }`),
    );
    expect(bindingTable(sql)).toHaveLength(2);
  });
});
