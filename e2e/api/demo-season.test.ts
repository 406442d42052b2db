// `npm start`'s demo season through every subgraph: identity's units and applicants, declaration's
// submitted declarations and review's decisions, each made by its owner from the one description
// (server-kit demo-season.ts), then carried by the events. Every status and every area shows; the
// declaration subgraph, review's cases, the certificates and 统计分析 all say the same; a second
// load changes nothing.
import { createDeclarationOrm, loadDemoSeason as loadDeclarationSeason } from '@zhicheng/declaration';
import {
  createIdentityOrm,
  DEMO_PASSWORD,
  hashPassword,
  loadDemoSeason as loadIdentitySeason,
} from '@zhicheng/identity';
import { createReviewOrm, decideDemoSeason } from '@zhicheng/review';
import { SEASON_SIZE, SEASON_UNITS } from '@zhicheng/server-kit';
import { demoStaff, ok } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_demo_season', { demoData: true });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function loadSeason() {
  const identityOrm = await createIdentityOrm(stack.databaseUrl, 2);
  await loadIdentitySeason(identityOrm.em.fork(), await hashPassword(DEMO_PASSWORD));
  await identityOrm.close();
  await stack.settleEvents();
  const declarationOrm = await createDeclarationOrm(stack.databaseUrl);
  await loadDeclarationSeason(declarationOrm.em.fork());
  await declarationOrm.close();
  await stack.settleEvents();
  const reviewOrm = await createReviewOrm(stack.databaseUrl);
  const decided = await decideDemoSeason(reviewOrm, stack.review.deps.storage, new Date(), 5_000);
  await reviewOrm.close();
  await stack.settleEvents();
  return decided;
}

const counts = async (sql: string) =>
  Object.fromEntries((await stack.sql(sql)).rows.map((r) => [r.key as string, Number(r.count)]));

test('a season of declarations in every status and area, the same in every subgraph', async () => {
  // Every case but the 30 left 待审 at their unit is decided.
  expect(await loadSeason()).toBe(SEASON_SIZE - 30);

  const declarations = await counts(
    `select status as key, count(*) from declaration.declaration where status <> 'DRAFT' group by status`,
  );
  expect(declarations).toEqual({
    SUBMITTED: 60,
    RETURNED: 60,
    MATERIALS_APPROVED: 60,
    FINALLY_APPROVED: 60,
    TERMINATED: 60,
  });
  const certificates = await counts(`select 'issued' as key, count(*) from certificate.certificate`);
  expect(certificates.issued).toBe(declarations.FINALLY_APPROVED);

  const province = await demoStaff(stack, 'bureau.province');
  const { declarationStatistics: f } = await ok<{
    declarationStatistics: {
      total: number;
      byStatus: Array<{ key: string; count: number }>;
      byRegion: Array<{ key: string; count: number }>;
      committeeOutcomes: Array<{ outcome: string; count: number }>;
      reviewTimes: Array<{ level: string; stays: number; medianHours: number | null }>;
    };
  }>(
    province,
    `query($f: StatisticsFilter) { declarationStatistics(filter: $f) { total byStatus { key count }
      byRegion { key count } committeeOutcomes { outcome count } reviewTimes { level stays medianHours } } }`,
    { f: { from: new Date(Date.now() - 70 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) } },
  );
  expect(f.total).toBe(SEASON_SIZE);
  for (const { key, count } of f.byStatus) expect([key, count]).toEqual([key, declarations[key]]);
  // Every area of the province (长春 has two units).
  expect(f.byRegion).toHaveLength(SEASON_UNITS.length - 1);
  expect(Object.fromEntries(f.committeeOutcomes.map((c) => [c.outcome, c.count]))).toEqual({
    PASS: 60,
    FAIL: 30,
    DEFER: 30,
  });
  expect(f.reviewTimes.find((r) => r.level === 'UNIT')!.medianHours).toBeGreaterThan(1);

  // The bureau's queue is full, and the committee's.
  const queue = await ok<{ reviewQueue: { totalCount: number } }>(
    province,
    `{ reviewQueue(state: PENDING) { totalCount } }`,
  );
  expect(queue.reviewQueue.totalCount).toBe(30);

  // Loaded again (a second npm start): nothing changes.
  expect(await loadSeason()).toBe(0);
  expect(
    await counts(
      `select status as key, count(*) from declaration.declaration where status <> 'DRAFT' group by status`,
    ),
  ).toEqual(declarations);
  // 300 declarations through five subgraphs' events, twice: volume, not waiting on a condition.
}, 300_000);
