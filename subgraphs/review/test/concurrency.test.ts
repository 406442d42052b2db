// Two reviewers acting on the same task at once: exactly one wins, the other is told
// 该申报已被处理，请刷新后查看 (CONFLICT). Real concurrent HTTP requests against real PostgreSQL.
import {
  decide,
  DECIDE,
  FORWARD,
  PASS_OPINION,
  RETURN_OPINION,
  reviewCase,
  startTestReview,
  uploadRecommendation,
  type Actor,
  type GraphQLResult,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
});
afterAll(() => t?.close());

function tally(results: GraphQLResult<unknown>[]) {
  const won = results.filter((r) => !r.errors);
  const lost = results.filter((r) => r.errors);
  return { won, lost };
}

describe('concurrent decisions', () => {
  it('of several agents deciding the same task at the same moment, exactly one wins — every time', async () => {
    const agents: Actor[] = await Promise.all([1, 2, 3, 4].map(() => t.agent(unit)));
    for (let round = 0; round < 8; round += 1) {
      const { declarationId } = await t.submit(await t.applicant(), unit);
      const results = await Promise.all(
        agents.map((agent, i) =>
          agent.client.request(DECIDE, {
            id: declarationId,
            task: 1,
            decision: i % 2 === 0 ? 'PASS' : 'RETURN',
            opinion: i % 2 === 0 ? PASS_OPINION : RETURN_OPINION,
            modules: i % 2 === 0 ? null : ['EDUCATION'],
            target: i % 2 === 0 ? null : 'APPLICANT',
          }),
        ),
      );
      const { won, lost } = tally(results);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(agents.length - 1);
      for (const loser of lost)
        expect(loser.errors![0]).toMatchObject({
          message: '该申报已被处理，请刷新后查看',
          extensions: { code: 'CONFLICT' },
        });
      // One decision in the timeline, one outcome stored, at most one event.
      const seen = await reviewCase(agents[0], declarationId);
      expect(seen.timeline.filter((e) => e.step !== 'SUBMIT')).toHaveLength(1);
      expect((await t.outbox(declarationId)).length).toBeLessThanOrEqual(1);
      const { rows } = await t.sql.query(
        'select count(*)::int as n from review.timeline_entry where declaration_id = $1',
        [declarationId],
      );
      expect(rows[0].n).toBe(2);
    }
  });

  it('two bureau reviewers of the same organisation: one passes, the other’s return is refused', async () => {
    const agent = await t.agent(unit);
    const [first, second] = [await t.bureau('审核员甲'), await t.bureau('审核员乙')];
    const { declarationId } = await t.submit(await t.applicant(), unit, { route: t.demoRoute() });
    await decide(agent, declarationId, 'PASS');
    await agent.client.ok(FORWARD, {
      ids: [declarationId],
      attachmentId: await uploadRecommendation(t, agent),
    });
    const task = (await reviewCase(first, declarationId)).currentTask!.sequence;
    const results = await Promise.all([
      first.client.request(DECIDE, { id: declarationId, task, decision: 'PASS', opinion: PASS_OPINION }),
      second.client.request(DECIDE, {
        id: declarationId,
        task,
        decision: 'RETURN',
        opinion: RETURN_OPINION,
        modules: ['PAPERS'],
        target: 'UNIT',
      }),
    ]);
    const { won, lost } = tally(results);
    expect(won).toHaveLength(1);
    expect(lost[0].errors![0].extensions?.code).toBe('CONFLICT');
  });

  it('two batches racing for the same declaration: one forwards it, the other moves nothing', async () => {
    const [a, b] = [await t.agent(unit), await t.agent(unit)];
    const { declarationId } = await t.submit(await t.applicant(), unit);
    const other = await t.submit(await t.applicant(), unit);
    await decide(a, declarationId, 'PASS');
    await decide(a, other.declarationId, 'PASS');
    const [attachmentA, attachmentB] = [await uploadRecommendation(t, a), await uploadRecommendation(t, b)];
    const results = await Promise.all([
      a.client.request(FORWARD, { ids: [declarationId, other.declarationId], attachmentId: attachmentA }),
      b.client.request(FORWARD, { ids: [other.declarationId, declarationId], attachmentId: attachmentB }),
    ]);
    const { won, lost } = tally(results);
    expect(won).toHaveLength(1);
    expect(lost[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BATCH_REFUSED' });
    const { rows } = await t.sql.query(
      `select count(*)::int as forwarded from review.batch where forwarded_at is not null and attachment_id = any($1::uuid[])`,
      [[attachmentA, attachmentB]],
    );
    expect(rows[0].forwarded).toBe(1);
    expect((await t.outbox(declarationId)).map((e) => e.type)).toEqual(['DeclarationAdvanced']);
  });
});
