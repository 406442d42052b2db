// 统计分析: the reporting read model fed by events (its own consumer), its figures through GraphQL,
// who may read them (bureau staff, each within its area) and bad filters.
import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '@zhicheng/server-kit';
import {
  committeeResult,
  decide,
  event,
  expectError,
  fieldCodes,
  GraphQLClient,
  passAndForward,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
const notice = randomUUID();
const timedNotice = randomUUID();
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const STATISTICS = `query($filter: StatisticsFilter) { declarationStatistics(filter: $filter) {
  from to regionCode regionName total passRate returnRate terminateRate passed returned terminated
  byStatus { key label count } byChannel { key label count } bySeries { key label count }
  byLevel { key label count } byRegion { key label count } byUnit { key label count }
  submissionsPerDay { day count } reviewTimes { level label stays medianHours p90Hours }
  committeeOutcomes { committeeId committeeName outcome label count } regionOptions { code name } } }`;

interface Figures {
  from: string;
  to: string;
  regionCode: string;
  total: number;
  passRate: number;
  returnRate: number;
  terminateRate: number;
  byStatus: Array<{ key: string; label: string; count: number }>;
  byRegion: Array<{ key: string | null; label: string; count: number }>;
  byUnit: Array<{ key: string; label: string; count: number }>;
  byLevel: Array<{ key: string; label: string; count: number }>;
  bySeries: Array<{ key: string; label: string; count: number }>;
  byChannel: Array<{ key: string; label: string; count: number }>;
  submissionsPerDay: Array<{ day: string; count: number }>;
  reviewTimes: Array<{ level: string; stays: number; medianHours: number | null; p90Hours: number | null }>;
  committeeOutcomes: Array<{ committeeName: string; outcome: string; label: string; count: number }>;
  regionOptions: Array<{ code: string; name: string }>;
}

async function bureauStaff(
  regionCode: string | undefined,
  role: Role = Role.BUREAU_REVIEWER,
): Promise<Actor> {
  const principal: Principal = {
    accountId: randomUUID(),
    kind: 'STAFF',
    roles: [role],
    displayName: '统计员',
    organisationId: randomUUID(),
    regionCode,
  };
  return { principal, client: new GraphQLClient(t.server.url, await t.tokenFor(principal)) };
}

async function figures(actor: Actor, filter: Record<string, unknown>): Promise<Figures> {
  return (await actor.client.ok<{ declarationStatistics: Figures }>(STATISTICS, { filter }))
    .declarationStatistics;
}

const countOf = (list: Array<{ key: string | null; count: number }>, key: string | null) =>
  list.find((c) => c.key === key)?.count ?? 0;

/** Lets review's outcome events reach the bus and the statistics consumer handle them. */
async function settle() {
  await t.server.relay.flush();
  await t.server.statisticsConsumer.catchUp();
}

let changchun: TestUnit;
let jilin: TestUnit;
let chaoyang: TestUnit;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestReview();
  changchun = await t.readyUnit('长春第一机械有限公司'); // credit code 91220101…: 长春市
  jilin = { unitId: randomUUID(), name: '吉林市化工有限公司' };
  chaoyang = { unitId: randomUUID(), name: '朝阳区实验学校' };
  await t.publish(
    event(
      'UnitReady',
      { unitId: jilin.unitId, creditCode: '91220201MA00000019', name: jilin.name },
      'identity',
    ),
    // An explicit area wins over the credit code's.
    event(
      'UnitReady',
      {
        unitId: chaoyang.unitId,
        creditCode: '12220000MB00000021',
        name: chaoyang.name,
        regionCode: '220104',
      },
      'identity',
    ),
  );
  const agents = {
    cc: await t.agent(changchun),
    jl: await t.agent(jilin),
    cy: await t.agent(chaoyang),
  };
  const department = await t.department();
  const bureau = await t.bureau();
  const committee = await t.committee();
  const applicants: Record<string, Actor> = {};
  const submit = async (name: string, unit: TestUnit, title?: Record<string, string>) => {
    applicants[name] = await t.applicant(name);
    ids[name] = (await t.submit(applicants[name], unit, { noticeId: notice, title })).declarationId;
  };

  await submit('waits', changchun); // 已申报 at the unit
  await submit('returned', changchun);
  await decide(agents.cc, ids.returned, 'RETURN', { modules: ['PAPERS'], target: 'APPLICANT' });
  await submit('resubmitted', changchun);
  await decide(agents.cc, ids.resubmitted, 'RETURN', { modules: ['PAPERS'], target: 'APPLICANT' });
  // As in production, the applicant resubmits after the return is on the bus (declaration hears it).
  await t.server.relay.flush();
  await t.submit(applicants.resubmitted, changchun, {
    declarationId: ids.resubmitted,
    noticeId: notice,
    resubmission: true,
  });
  await submit('terminated', chaoyang, { levelCode: 'INTERMEDIATE', levelName: '中级', titleName: '工程师' });
  await passAndForward(t, agents.cy, [ids.terminated]);
  await decide(department, ids.terminated, 'TERMINATE', { opinion: '不符合申报条件，终止审核。' });
  for (const name of ['approved', 'deferred', 'failed']) await submit(name, jilin);
  await passAndForward(t, agents.jl, [ids.approved, ids.deferred, ids.failed]);
  for (const name of ['approved', 'deferred', 'failed']) {
    await decide(department, ids[name], 'PASS');
    await decide(bureau, ids[name], 'PASS');
  }
  await committeeResult(committee, ids.approved, 'PASS');
  await committeeResult(committee, ids.deferred, 'DEFER');
  await committeeResult(committee, ids.failed, 'FAIL');
  await settle();
});
afterAll(() => t?.close());

describe('declarationStatistics', () => {
  it('counts every status, channel, series, level, area and unit of the cohort, as review left them', async () => {
    const f = await figures(await bureauStaff('220000'), { noticeId: notice, from: today, to: today });
    expect(f.total).toBe(7);
    expect(f.byStatus.map((c) => [c.key, c.label, c.count])).toEqual([
      ['SUBMITTED', '已申报', 2],
      ['RETURNED', '被退回', 1],
      ['MATERIALS_APPROVED', '材料审核通过', 1],
      ['FINALLY_APPROVED', '终审通过', 1],
      ['TERMINATED', '审核不通过终止审核', 2],
    ]);
    expect(countOf(f.byChannel, 'TITLE_NORMAL')).toBe(7);
    expect(f.bySeries).toEqual([{ key: 'ENG', label: '工程系列', count: 7 }]);
    expect(f.byLevel).toEqual([
      { key: 'SENIOR', label: '副高级', count: 6 },
      { key: 'INTERMEDIATE', label: '中级', count: 1 },
    ]);
    // The province sees its cities: 长春市 (two units, one named by its UnitReady) and 吉林市.
    expect(f.byRegion).toEqual([
      { key: '220100', label: '长春市', count: 4 },
      { key: '220200', label: '吉林市', count: 3 },
    ]);
    expect(f.byUnit).toHaveLength(3);
    expect(f.byUnit).toEqual(
      expect.arrayContaining([
        { key: changchun.unitId, label: changchun.name, count: 3 },
        { key: jilin.unitId, label: jilin.name, count: 3 },
        { key: chaoyang.unitId, label: chaoyang.name, count: 1 },
      ]),
    );
    expect(f.submissionsPerDay).toEqual([{ day: today, count: 7 }]);
    // Rates over the cohort: 1 of 7 passed, 2 returned at least once, 2 terminated.
    expect([f.passRate, f.returnRate, f.terminateRate]).toEqual([0.1429, 0.2857, 0.2857]);
    expect(f.committeeOutcomes.map((c) => [c.outcome, c.label, c.count])).toEqual([
      ['DEFER', '暂缓', 1],
      ['FAIL', '不通过', 1],
      ['PASS', '通过', 1],
    ]);
    expect(f.regionOptions.map((r) => r.code)).toEqual(['220000', '220100', '220200']);
  });

  it('agrees with a direct count of review’s own cases', async () => {
    const f = await figures(await bureauStaff('220000'), { noticeId: notice, from: today, to: today });
    const { rows } = await t.sql.query<{ phase: string; count: string }>(
      `select phase, count(*) as count from review.review_case where notice_id = $1 group by phase`,
      [notice],
    );
    const direct = Object.fromEntries(rows.map((r) => [r.phase, Number(r.count)]));
    expect(f.total).toBe(Object.values(direct).reduce((a, b) => a + b, 0));
    expect(countOf(f.byStatus, 'FINALLY_APPROVED')).toBe(direct.FINALLY_APPROVED);
    expect(countOf(f.byStatus, 'TERMINATED')).toBe(direct.TERMINATED);
    expect(countOf(f.byStatus, 'RETURNED')).toBe(direct.RETURNED);
    // In review, the deferred one is still IN_REVIEW (at the committee): 材料审核通过 for applicants.
    expect(countOf(f.byStatus, 'SUBMITTED') + countOf(f.byStatus, 'MATERIALS_APPROVED')).toBe(
      direct.IN_REVIEW,
    );
  });

  it('gives a city bureau its own city only, by district, and refuses another city', async () => {
    const city = await bureauStaff('220100');
    const f = await figures(city, { noticeId: notice, from: today, to: today });
    expect(f.total).toBe(4);
    expect(f.regionCode).toBe('220100');
    expect(f.byRegion).toEqual([
      { key: '220101', label: '长春市市辖区', count: 3 },
      { key: '220104', label: '朝阳区', count: 1 },
    ]);
    expect(
      (await figures(city, { noticeId: notice, regionCode: '220104', from: today, to: today })).total,
    ).toBe(1);
    expectError(
      await city.client.request(STATISTICS, { filter: { regionCode: '220200' } }),
      'FORBIDDEN',
      'REGION_OUT_OF_SCOPE',
    );
    // A county bureau elsewhere sees none of them.
    expect(
      (await figures(await bureauStaff('220602'), { noticeId: notice, from: today, to: today })).total,
    ).toBe(0);
  });

  it('measures review time per level from events: median and 90th percentile of finished stays', async () => {
    const unit = await t.readyUnit();
    const base = Date.parse('2026-03-02T01:00:00Z');
    const hoursAfter = (h: number) => new Date(base + h * 3_600_000).toISOString();
    for (const h of [1, 2, 3, 4, 10]) {
      const { declarationId } = await t.submit(await t.applicant(), unit, {
        noticeId: timedNotice,
        submittedAt: hoursAfter(0),
      });
      await t.publish(
        event(
          'DeclarationAdvanced',
          {
            declarationId,
            fromLevel: 'UNIT',
            level: 'DEPARTMENT',
            organisationId: t.orgs.department,
            organisationName: '吉林省教育厅',
            advancedAt: hoursAfter(h),
          },
          'review',
        ),
      );
    }
    const f = await figures(await bureauStaff('220000'), {
      noticeId: timedNotice,
      from: '2026-03-01',
      to: '2026-03-03',
    });
    expect(f.submissionsPerDay).toEqual([
      { day: '2026-03-01', count: 0 },
      { day: '2026-03-02', count: 5 },
      { day: '2026-03-03', count: 0 },
    ]);
    expect(f.reviewTimes.find((r) => r.level === 'UNIT')).toEqual({
      level: 'UNIT',
      label: '推荐单位',
      stays: 5,
      medianHours: 3,
      p90Hours: 7.6,
    });
    expect(f.reviewTimes.find((r) => r.level === 'DEPARTMENT')).toMatchObject({
      stays: 0,
      medianHours: null,
    });
  });

  it('changes nothing when an event is delivered twice', async () => {
    const unit = await t.readyUnit();
    const { event: submitted } = await t.submit(await t.applicant(), unit, { noticeId: timedNotice });
    const before = (
      await figures(await bureauStaff('220000'), { noticeId: timedNotice, from: today, to: today })
    ).total;
    await t.publish(submitted);
    expect(
      (await figures(await bureauStaff('220000'), { noticeId: timedNotice, from: today, to: today })).total,
    ).toBe(before);
  });

  it('answers bureau staff only', async () => {
    expectError(await t.client().request(STATISTICS, {}), 'UNAUTHENTICATED');
    for (const actor of [
      await t.applicant(),
      await t.agent(changchun),
      await t.legalPerson(changchun),
      await t.department(),
      await t.committee(),
      await bureauStaff('220000', Role.DEPARTMENT_REVIEWER),
    ])
      expectError(await actor.client.request(STATISTICS, {}), 'FORBIDDEN');
    // A bureau token without its area (issued before areas were carried) must sign in again.
    expectError(
      await (await bureauStaff(undefined)).client.request(STATISTICS, {}),
      'FORBIDDEN',
      'NO_REGION',
    );
  });

  it('names every bad filter at once', async () => {
    const staff = await bureauStaff('220000');
    const bad = expectError(
      await staff.client.request(STATISTICS, {
        filter: { noticeId: 'not-an-id', regionCode: '22', from: '2026-02-30', to: 'yesterday' },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(bad).sort()).toEqual(
      [
        'filter.from:INVALID_DATE',
        'filter.noticeId:INVALID_ID',
        'filter.regionCode:INVALID_REGION',
        'filter.to:INVALID_DATE',
      ].sort(),
    );
    const reversed = expectError(
      await staff.client.request(STATISTICS, { filter: { from: '2026-03-02', to: '2026-03-01' } }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(reversed)).toEqual(['filter.to:DATE_RANGE']);
    const long = expectError(
      await staff.client.request(STATISTICS, { filter: { from: '2025-01-01', to: '2026-03-01' } }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(long)).toEqual(['filter.from:PERIOD_TOO_LONG']);
  });

  it('covers the last 30 days by default', async () => {
    const f = await figures(await bureauStaff('220000'), {});
    expect(f.to).toBe(today);
    expect(f.submissionsPerDay).toHaveLength(30);
    expect(f.total).toBeGreaterThanOrEqual(7);
  });
});
