// Events in and out (ARCHITECTURE §5): DeclarationSubmitted opens a case through an idempotent
// consumer (a replayed or forged event changes nothing); a route review cannot follow keeps the
// case, visibly UNROUTABLE, instead of dropping it; review's own events leave through the outbox
// in the transaction of the change.
import { randomUUID } from 'node:crypto';
import {
  decide,
  DECIDE,
  event,
  expectError,
  QUEUE,
  REVIEW_CASE,
  reviewCase,
  RETURN_OPINION,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit('吉林大学第一医院');
  agent = await t.agent(unit);
});
afterAll(() => t?.close());

const count = async (sql: string, params: unknown[]) =>
  Number((await t.sql.query(sql, params)).rows[0].count);
const entries = (id: string) =>
  count('select count(*) from review.timeline_entry where declaration_id = $1', [id]);

describe('DeclarationSubmitted', () => {
  it('a replayed event (same id, delivered again) is handled once', async () => {
    const { declarationId, event: submitted } = await t.submit(await t.applicant(), unit);
    // Again on the bus (dropped as a repeated id), then the consumer's position rewound, as after a
    // crash before it moved: every event is delivered again.
    await t.publish(submitted);
    await t.sql.query(`update eventbus.subscription set position = 0 where consumer = 'review'`);
    await t.server.consumer.catchUp();
    expect(await entries(declarationId)).toBe(1);
    // One inbox row per consumer: review's cases and its statistics each handled it once.
    expect(
      await count("select count(*) from review.inbox_entry where event_id = $1 and consumer = 'review'", [
        submitted.id,
      ]),
    ).toBe(1);
    expect((await reviewCase(agent, declarationId)).tasks).toHaveLength(1);
  });

  it('a forged first submission under a new event id for a case under review changes nothing', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await decide(agent, declarationId, 'PASS');
    await t.submit(applicant, unit, { declarationId, eventId: randomUUID() });
    const seen = await reviewCase(agent, declarationId);
    expect(seen.currentTask).toMatchObject({ sequence: 1, state: 'AWAITING_FORWARD' });
    expect(await entries(declarationId)).toBe(2);
  });

  it('a resubmission of a declaration that was not returned is ignored (the consumer goes on)', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await t.submit(applicant, unit, { declarationId, resubmission: true });
    expect(await entries(declarationId)).toBe(1);
    // And someone else's resubmission of a returned declaration is not theirs to make.
    await decide(agent, declarationId, 'RETURN', { target: 'APPLICANT', modules: ['EDUCATION'] });
    const stranger = await t.applicant();
    await t.submit(stranger, unit, { declarationId, resubmission: true });
    expect((await reviewCase(applicant, declarationId)).phase).toBe('RETURNED');
    // The next event is handled as usual.
    const next = await t.submit(await t.applicant(), unit);
    expect(await entries(next.declarationId)).toBe(1);
  });

  it('malformed ids are logged and skipped without stopping the consumer', async () => {
    const bad = event('DeclarationSubmitted', {
      ...(await t.submit(await t.applicant(), unit)).event.payload,
      declarationId: 'not-a-uuid',
    });
    await t.publish(bad);
    const next = await t.submit(await t.applicant(), unit);
    expect(await entries(next.declarationId)).toBe(1);
  });

  it('the unit’s name comes from UnitReady; an unknown unit is shown as the route says', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    expect((await reviewCase(agent, declarationId)).currentTask?.organisationName).toBe('吉林大学第一医院');
    const unknown = { unitId: randomUUID(), name: '' };
    const other = await t.submit(await t.applicant(), unknown);
    const seen = await reviewCase(await t.agent(unknown), other.declarationId);
    expect(seen).toMatchObject({ unitName: null, currentTask: { organisationName: '推荐单位' } });
  });
});

describe('a route review cannot follow', () => {
  it('is kept as UNROUTABLE, shown to the applicant and the unit with why, and started once fixed', async () => {
    const applicant = await t.applicant();
    const broken = t.demoRoute().map((l) => (l.level === 'BUREAU' ? { ...l, organisationId: null } : l));
    const { declarationId } = await t.submit(applicant, unit, { route: broken });
    const seen = await reviewCase(applicant, declarationId);
    expect(seen).toMatchObject({
      phase: 'UNROUTABLE',
      status: 'SUBMITTED',
      currentTask: null,
      timeline: [],
      allowedActions: [],
      routingProblems: [
        {
          field: 'route.2.organisationId',
          code: 'ORGANISATION_REQUIRED',
          message:
            '审核流程中的“吉林省人力资源和社会保障厅”未指定审核机构，推荐单位的所属行政区划也没有对应的人社部门：请在通知中指定，或请单位法人设置所属行政区划',
        },
      ],
    });
    expect((await reviewCase(agent, declarationId)).phase).toBe('UNROUTABLE');
    // Nobody can act on it; no queue lists it.
    expectError(
      await agent.client.request(DECIDE, { id: declarationId, task: 1, decision: 'PASS', opinion: '同意' }),
      'NOT_FOUND',
    );
    const { reviewQueue } = await agent.client.ok<{
      reviewQueue: { totalCount: number; edges: Array<{ node: { declarationId: string } }> };
    }>(QUEUE, {});
    expect(reviewQueue.edges.map((e) => e.node.declarationId)).not.toContain(declarationId);
    expectError(await (await t.bureau()).client.request(REVIEW_CASE, { id: declarationId }), 'NOT_FOUND');

    // The notice's route fixed, the declaration submitted again: the review starts.
    await t.submit(applicant, unit, { declarationId, route: t.demoRoute() });
    expect(await reviewCase(agent, declarationId)).toMatchObject({
      phase: 'IN_REVIEW',
      routingProblems: [],
      currentTask: { level: 'UNIT', state: 'PENDING' },
    });
  });
});

describe('review’s own events', () => {
  it('a change that fails writes no event, no timeline entry and no state (one transaction)', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    const before = await t.sql.query(
      'select version, state from review.review_case where declaration_id = $1',
      [declarationId],
    );
    // A constraint added for this test makes the case's update fail inside the flush.
    await t.sql.query(
      `alter table review.review_case add constraint test_no_return check (phase <> 'RETURNED' or declaration_id <> '${declarationId}')`,
    );
    try {
      const result = await agent.client.request(DECIDE, {
        id: declarationId,
        task: 1,
        decision: 'RETURN',
        opinion: RETURN_OPINION,
        modules: ['EDUCATION'],
        target: 'APPLICANT',
      });
      expectError(result, 'INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql.query('alter table review.review_case drop constraint test_no_return');
    }
    expect(await t.outbox(declarationId)).toEqual([]);
    expect(await entries(declarationId)).toBe(1);
    expect(
      (
        await t.sql.query('select version, state from review.review_case where declaration_id = $1', [
          declarationId,
        ])
      ).rows,
    ).toEqual(before.rows);
  });

  it('are published by the relay with review as their source', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    await decide(agent, declarationId, 'RETURN', { target: 'APPLICANT', modules: ['WORK_SUMMARY'] });
    await t.server.relay.flush();
    const { rows } = await t.sql.query(
      `select type, source, payload from eventbus.event where payload->>'declarationId' = $1 and source = 'review' and type <> 'PersonalDataViewed'`,
      [declarationId],
    );
    expect(rows).toEqual([
      {
        type: 'DeclarationReturned',
        source: 'review',
        payload: expect.objectContaining({
          modules: ['WORK_SUMMARY'],
          targetLevel: 'APPLICANT',
          fromLevel: 'UNIT',
        }),
      },
    ]);
  });
});
