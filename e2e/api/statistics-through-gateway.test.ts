// 统计分析 through the real gateway and every subgraph: declarations made the real way (bind,
// submit, review, committee) are counted by review's reporting read model, which agrees with a
// direct count of the declaration subgraph's own table; each bureau sees its own area only, and
// nobody else sees anything.
import { codeOf, GraphQLSession, type GraphQLAnswer } from '../support/graphql';
import {
  committeePasses,
  declarationAtCommittee,
  demoAgent,
  demoStaff,
  DEMO_APPLICANTS,
  ok,
  signedIn,
  submittedTitleDeclaration,
  bindToDemoUnit,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_statistics', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const STATISTICS = `query($filter: StatisticsFilter) { declarationStatistics(filter: $filter) {
  regionCode total passed passRate byStatus { key count } byRegion { key label count }
  byUnit { label count } byChannel { key count } reviewTimes { level stays medianHours }
  committeeOutcomes { committeeName outcome count } } }`;

interface Figures {
  regionCode: string;
  total: number;
  passed: number;
  passRate: number;
  byStatus: Array<{ key: string; count: number }>;
  byRegion: Array<{ key: string; label: string; count: number }>;
  byUnit: Array<{ label: string; count: number }>;
  byChannel: Array<{ key: string; count: number }>;
  reviewTimes: Array<{ level: string; stays: number; medianHours: number | null }>;
  committeeOutcomes: Array<{ committeeName: string; outcome: string; count: number }>;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test('the figures agree with a direct count, per area, for bureau staff only', async () => {
  // 张伟: at the committee, then 终审通过. 李娜: submitted, waiting at the unit.
  const zhang = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.张伟.mobile });
  const approved = await declarationAtCommittee(stack, zhang);
  await committeePasses(stack, approved);
  const li = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.李娜.mobile });
  const unit = await bindToDemoUnit(stack, li, await demoAgent(stack));
  const waiting = await submittedTitleDeclaration(stack, li, unit.name, DEMO_APPLICANTS.李娜);
  const { rows: notices } = await stack.sql(
    'select distinct notice_id from declaration.declaration where id = any($1)',
    [[approved, waiting]],
  );
  expect(notices).toHaveLength(1);
  const noticeId = notices[0].notice_id as string;
  const filter = { noticeId, from: today(), to: today() };

  const province = await demoStaff(stack, 'bureau.province');
  const f = (await ok<{ declarationStatistics: Figures }>(province, STATISTICS, { filter }))
    .declarationStatistics;

  // The direct count: the declaration subgraph's own rows (not the read model, not review's).
  const { rows } = await stack.sql(
    `select status, count(*)::int as count from declaration.declaration
      where notice_id = $1 and status <> 'DRAFT' and deleted_at is null group by status`,
    [noticeId],
  );
  const direct = Object.fromEntries(rows.map((r) => [r.status as string, r.count as number]));
  expect(direct).toEqual({ FINALLY_APPROVED: 1, SUBMITTED: 1 });
  expect(f.total).toBe(2);
  for (const { key, count } of f.byStatus) expect([key, count]).toEqual([key, direct[key] ?? 0]);
  expect(f.passed).toBe(1);
  expect(f.passRate).toBe(0.5);
  expect(f.byChannel).toEqual([{ key: 'TITLE_NORMAL', count: 2 }]);
  // The demo unit's credit code names 长春市 (220101): the province sees it under 长春市.
  expect(f.byRegion).toEqual([{ key: '220100', label: '长春市', count: 2 }]);
  expect(f.byUnit).toEqual([{ label: unit.name, count: 2 }]);
  expect(f.committeeOutcomes).toEqual([
    { committeeName: '吉林省工程系列高级职称评审委员会', outcome: 'PASS', count: 1 },
  ]);
  expect(f.reviewTimes.find((r) => r.level === 'UNIT')?.stays).toBe(1);
  expect(f.reviewTimes.find((r) => r.level === 'COMMITTEE')?.stays).toBe(1);

  // 长春市's bureau sees the same two; 朝阳区's bureau (another district) none.
  const city = await demoStaff(stack, 'bureau.city');
  const cityFigures = (await ok<{ declarationStatistics: Figures }>(city, STATISTICS, { filter }))
    .declarationStatistics;
  expect([cityFigures.regionCode, cityFigures.total]).toEqual(['220100', 2]);
  const county = await demoStaff(stack, 'bureau.county');
  expect(
    (await ok<{ declarationStatistics: Figures }>(county, STATISTICS, { filter })).declarationStatistics
      .total,
  ).toBe(0);

  // Hostile: another city's area, other roles, no token, bad filters.
  const elsewhere = await city.request(STATISTICS, { filter: { ...filter, regionCode: '220200' } });
  expect(codeOf(elsewhere)).toBe('FORBIDDEN');
  expect(elsewhere.errors?.[0]?.extensions?.reason).toBe('REGION_OUT_OF_SCOPE');
  expect(elsewhere.data).toBeNull();
  for (const session of [
    zhang,
    await demoAgent(stack),
    await demoStaff(stack, 'dept.education'),
    await demoStaff(stack, 'committee.engineering'),
  ]) {
    const answer: GraphQLAnswer = await session.request(STATISTICS, { filter });
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(answer.data).toBeNull();
  }
  const anonymous = new GraphQLSession(stack.graphqlUrl);
  expect(codeOf(await anonymous.request(STATISTICS, { filter }))).toBe('UNAUTHENTICATED');
  const bad = await province.request(STATISTICS, {
    filter: { noticeId: 'x', regionCode: '2201', from: '2026-13-01', to: '2026-01-01' },
  });
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  const fields = (bad.errors?.[0]?.extensions?.fields as Array<{ field: string; code: string }>).map(
    (p) => `${p.field}:${p.code}`,
  );
  expect(fields.sort()).toEqual([
    'filter.from:INVALID_DATE',
    'filter.noticeId:INVALID_ID',
    'filter.regionCode:INVALID_REGION',
  ]);
});
