// Federation and costs: review extends declaration's Declaration and refers to Person, Unit and
// Notice by id (no query for those); every list and nested field batches through a loader, so a
// page of a queue or N entity references cost a fixed number of queries, however many rows.
import {
  decide,
  passAndForward,
  recordSql,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
let department: Actor;
let owner: Actor;
let declarationIds: string[];

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  agent = await t.agent(unit);
  department = await t.department();
  owner = await t.applicant();
  declarationIds = [];
  for (let i = 0; i < 9; i += 1) declarationIds.push((await t.submit(owner, unit)).declarationId);
  // Six reach the department (with 有误 marks and a batch); three stay at the unit.
  await passAndForward(t, agent, declarationIds.slice(0, 6));
  for (const id of declarationIds.slice(0, 6))
    await department.client.ok(
      `mutation($id: ID!) { saveModuleFlags(declarationId: $id, taskSequence: 2, flags: [{ module: EDUCATION, hasErrors: true }, { module: PAPERS, hasErrors: false }]) { declarationId } }`,
      { id },
    );
});
afterAll(() => t?.close());

/** Statements a request sent to review's own tables (not the relay's or consumer's polling). */
const reviewTables = (statements: string[]) =>
  statements.filter((s) =>
    /"review"\."(review_case|timeline_entry|module_flag|batch|case_participant|reviewer_opinion)"/i.test(s),
  );

const QUEUE_PAGE = `query($first: Int) { reviewQueue(first: $first) { totalCount edges { node {
  declarationId applicant { id } unit { id } notice { id } declaration { id }
  timeline { step actorName } currentTask { sequence moduleFlags { module hasErrors } }
  moduleFlags { module } batch { id attachment { fileName } } allowedActions { type }
  tasks { sequence moduleFlags { module } } } } } }`;

describe('no N+1', () => {
  it('a queue page with timelines, tasks, marks and batches costs the same for 2 rows as for 6', async () => {
    const costOf = async (first: number) => {
      let rows = 0;
      const sql = await recordSql(async () => {
        const data = await department.client.ok<{ reviewQueue: { edges: unknown[] } }>(QUEUE_PAGE, { first });
        rows = data.reviewQueue.edges.length;
      });
      return { rows, queries: reviewTables(sql).length };
    };
    const small = await costOf(2);
    const large = await costOf(6);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(6);
    expect(large.queries).toBe(small.queries);
    // page, count, timelines, cases (for the marks' visibility), marks, batches.
    expect(large.queries).toBeLessThanOrEqual(6);
  });

  it('N Declaration references with their timeline and current task cost two queries', async () => {
    const representations = declarationIds.map((id) => ({ __typename: 'Declaration', id }));
    let entities: Array<{ id: string; timeline: unknown[]; currentTask: { level: string } | null }> = [];
    const sql = await recordSql(async () => {
      ({ _entities: entities } = await owner.client.ok<{ _entities: typeof entities }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Declaration { id timeline { step } currentTask { level } reviewProgress { level node } } } }`,
        { r: representations },
      ));
    });
    expect(entities.map((e) => e.id)).toEqual(declarationIds);
    expect(entities.map((e) => e.currentTask?.level)).toEqual([
      ...Array(6).fill('DEPARTMENT'),
      ...Array(3).fill('UNIT'),
    ]);
    expect(reviewTables(sql)).toHaveLength(2);
  });

  it('Person, Unit and Notice references need no query at all', async () => {
    const sql = await recordSql(() =>
      owner.client.ok(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } ... on Unit { id } ... on Notice { id } } }`,
        {
          r: [
            { __typename: 'Person', id: owner.principal.accountId },
            { __typename: 'Unit', id: unit.unitId },
            { __typename: 'Notice', id: '7c1e9a52-4b0d-4c8e-9f3a-2d6b1e0c5a11' },
          ],
        },
      ),
    );
    expect(reviewTables(sql)).toEqual([]);
  });

  it('a batch with its cases: one query for the batch, one for its cases', async () => {
    const id = declarationIds[6];
    await decide(agent, id, 'PASS');
    const sql = await recordSql(() =>
      department.client.ok(
        `query($id: ID!) { reviewCase(declarationId: $id) { batch { id cases { declarationId timeline { step } } } } }`,
        {
          id: declarationIds[0],
        },
      ),
    );
    // The case, its batch, the batch's cases, their timelines.
    expect(reviewTables(sql)).toHaveLength(4);
  });
});
