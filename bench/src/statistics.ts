import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import {
  createIdentityOrm,
  DEMO_PASSWORD,
  loadDemoData,
  loadIdentityEnv,
  startIdentity,
} from '@zhicheng/identity';
import {
  createReviewOrm,
  figuresQueries,
  loadReviewEnv,
  startReviewService,
  type Cohort,
} from '@zhicheng/review';
import { loadGatewayEnv, startGateway } from '@zhicheng/gateway';
import { signIn } from './support/platform';

/**
 * 统计分析 with DECLARATIONS declarations in review's reporting read model (stat_declaration, with
 * 1–4 finished stays at review levels each, 2,000 units in 15 areas, submissions spread over a
 * year): the page's `declarationStatistics` through the real gateway to the real review service,
 * signed in for real as the province's and the city's bureau staff; beside each, the same three
 * SQL statements (figuresQueries, the breakdowns, the per-day series and the review times) run
 * straight on the database through review's own ORM connection: the peer. Every request is timed
 * by CONNECTIONS workers for SECONDS each; before timing, the gateway's total is checked against
 * a direct count(*). Figures, not a test: nothing here fails on a threshold.
 */
const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);

const QUERY = `query($filter: StatisticsFilter) { declarationStatistics(filter: $filter) {
  total passRate returnRate terminateRate passed returned terminated
  byStatus { key label count } byChannel { key label count } bySeries { key label count }
  byLevel { key label count } byRegion { key label count } byUnit { key label count }
  submissionsPerDay { day count } reviewTimes { level label stays medianHours p90Hours }
  committeeOutcomes { committeeId committeeName outcome label count } regionOptions { code name } } }`;

const NOTICES = Array.from({ length: 5 }, () => randomUUID());
const AREAS = ['220102', '220103', '220104', '220105', '220106', '220112', '220182', '220202', '220203'];
AREAS.push('220302', '220402', '220502', '220602', '220702', '222401');

/** The read model as the statistics consumer leaves it, generated in SQL (the events would take hours). */
async function seed(db: Client) {
  await db.query(`truncate review.stat_declaration, review.stat_level_stay, review.stat_unit`);
  await db.query(
    `insert into review.stat_unit (unit_id, name, region_code)
     select gen_random_uuid(), '测试单位' || i, ($1::text[])[1 + i % cardinality($1::text[])]
       from generate_series(1, 2000) i`,
    [AREAS],
  );
  await db.query(
    `with u as (select unit_id, name, region_code, row_number() over (order by unit_id) - 1 as n from review.stat_unit)
     insert into review.stat_declaration (declaration_id, notice_id, channel_code, series_code, series_name,
       level_code, level_name, unit_id, unit_name, region_code, status, current_level, returned_from_level,
       return_count, committee_id, committee_name, committee_outcome, first_submitted_at, last_submitted_at,
       decided_at, certificate_issued_at)
     select gen_random_uuid(), ($2::uuid[])[1 + i % 5],
            (array['TITLE_NORMAL','TITLE_EXCEPTIONAL','TALENT_CLASSIFICATION'])[1 + i % 3],
            'S' || (i % 8), '系列' || (i % 8), 'L' || (i % 4), (array['正高级','副高级','中级','初级'])[1 + i % 4],
            u.unit_id, u.name, u.region_code,
            (array['SUBMITTED','SUBMITTED','RETURNED','MATERIALS_APPROVED','FINALLY_APPROVED','FINALLY_APPROVED','TERMINATED'])[1 + i % 7],
            null, null, case when i % 6 = 0 then 1 else 0 end,
            case when i % 7 in (3, 4, 5, 6) then 'c' || (i % 3) end, case when i % 7 in (3, 4, 5, 6) then '评委会' || (i % 3) end,
            (array[null,null,null,'DEFER','PASS','PASS','FAIL'])[1 + i % 7],
            now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second',
            now() - (i % 365) * interval '1 day', null, null
       from generate_series(1, $1::int) i join u on u.n = i % 2000`,
    [DECLARATIONS, NOTICES],
  );
  await db.query(
    `insert into review.stat_level_stay (declaration_id, sequence, level, started_at, ended_at)
     select d.declaration_id, l.seq, l.level, d.first_submitted_at + (l.seq - 1) * interval '3 days',
            d.first_submitted_at + (l.seq - 1) * interval '3 days' + (1 + (hashtext(d.declaration_id::text || l.seq) & 255)) * interval '1 hour'
       from review.stat_declaration d
       cross join (values (1, 'UNIT'), (2, 'DEPARTMENT'), (3, 'BUREAU'), (4, 'COMMITTEE')) l(seq, level)
      where l.seq <= 1 + (hashtext(d.declaration_id::text) & 3)`,
  );
  await db.query('analyze review.stat_declaration, review.stat_level_stay, review.stat_unit');
}

interface Figures {
  title: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
}

/** CONNECTIONS workers repeat `once` for SECONDS; each call's time is one sample. */
async function timed(title: string, once: () => Promise<void>): Promise<Figures> {
  for (let i = 0; i < 3; i++) await once(); // warm-up: plans, pools, JIT
  const samples: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        await once();
        samples.push(performance.now() - start);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { title, requests: samples.length, rps: samples.length / SECONDS, p50: at(0.5), p99: at(0.99) };
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'zc-bench-'));
  chmodSync(scratch, 0o755);
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: join(scratch, 'pg'),
        port: await findFreePort(),
        ephemeral: true,
      });
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench_statistics'));
  const logger = createLogger('bench', 'warn');
  const common = { NODE_ENV: 'production', PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  const identity = await startIdentity(
    loadIdentityEnv({
      ...common,
      SIGN_IN_LIMIT_PER_IP: '1000',
      IDENTITY_DATA_KEY: randomBytes(32).toString('base64'),
    }),
    { logger, migrateOnStart: true },
  );
  const identityOrm = await createIdentityOrm(databaseUrl, 2);
  await loadDemoData(identityOrm.em.fork());
  await identityOrm.close();
  const review = await startReviewService(
    loadReviewEnv({
      ...common,
      IDENTITY_JWKS_URL: identity.jwksUrl,
      FILES_DIR: join(scratch, 'files'),
      FILES_SIGNING_SECRET: randomUUID() + randomUUID(),
    }),
    { logger, migrateOnStart: true },
  );
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUBGRAPH_URLS: JSON.stringify({ identity: identity.url, review: review.url }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
    }),
    { logger },
  );
  const db = new Client({ connectionString: databaseUrl, application_name: 'zc-bench' });
  await db.connect();
  // The peer runs on review's own ORM connection pool, as the service does, minus HTTP and GraphQL.
  const peerOrm = await createReviewOrm(databaseUrl);
  try {
    const seeding = performance.now();
    await seed(db);
    console.log(
      `seeded ${DECLARATIONS} declarations in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const tokens = {
      province: await signIn(
        { gateway, db },
        { kind: 'STAFF', account: 'bureau.province', password: DEMO_PASSWORD },
      ),
      city: await signIn({ gateway, db }, { kind: 'STAFF', account: 'bureau.city', password: DEMO_PASSWORD }),
    };
    const chinaDay = (daysAgo: number) =>
      new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    /** The page's filter over the last `days` days, and the same cohort for the peer's statements. */
    const window = (title: string, token: string, days: number, scope: string, noticeId: string | null) => {
      const [from, to] = [chinaDay(days - 1), chinaDay(0)];
      const since = new Date(`${from}T00:00:00+08:00`);
      const until = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
      return {
        title,
        token,
        filter: { from, to, noticeId },
        cohort: { noticeId, scope, since, until } as Cohort,
      };
    };
    const cases = [
      window('province, a year', tokens.province, 366, '220000', null),
      window('province, 30 days', tokens.province, 30, '220000', null),
      window('city, a year, one notice', tokens.city, 366, '220100', NOTICES[0]),
    ];
    const rows: Figures[] = [];
    for (const c of cases) {
      const body = JSON.stringify({ query: QUERY, variables: { filter: c.filter } });
      const ask = async () => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
          body,
        });
        const answer = (await response.json()) as {
          data?: { declarationStatistics: { total: number } };
          errors?: unknown;
        };
        if (answer.errors || !answer.data) throw new Error(`${c.title}: ${JSON.stringify(answer.errors)}`);
        return answer.data.declarationStatistics.total;
      };
      // The figures must be right before they are timed: the total against a direct count.
      const queries = figuresQueries(c.cohort);
      const [{ count }] = (
        await db.query<{ count: string }>(
          `select count(*) from review.stat_declaration where first_submitted_at >= $1 and first_submitted_at < $2
             and ($3::uuid is null or notice_id = $3) and region_code like $4`,
          [c.cohort.since, c.cohort.until, c.cohort.noticeId, c.cohort.scope === '220000' ? '22%' : '2201%'],
        )
      ).rows;
      const total = await ask();
      if (total !== Number(count))
        throw new Error(`${c.title}: the gateway says ${total}, a direct count ${count}`);
      rows.push(
        await timed(`${c.title} (${total} declarations): gateway`, async () => void (await ask())),
        await timed(`${c.title}: direct SQL (peer)`, async () => {
          const em = peerOrm.em.fork();
          await Promise.all(queries.map((q) => em.getConnection().execute(q.sql, q.params)));
        }),
      );
    }
    console.log(
      `\n${DECLARATIONS} declarations in the read model, ${CONNECTIONS} workers, ${SECONDS} s each`,
    );
    console.log('| request | requests/s | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of rows)
      console.log(`| ${r.title} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} |`);
  } finally {
    await peerOrm.close();
    await db.end();
    await gateway.close();
    await review.close();
    await identity.close();
    await pg?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
