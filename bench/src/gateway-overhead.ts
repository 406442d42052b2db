import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createLogger } from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import { createIdentityOrm, loadDemoData, loadIdentityEnv, startIdentity } from '@zhicheng/identity';

import { loadGatewayEnv, startGateway } from '@zhicheng/gateway';

/**
 * Loads one query (the organisation tree, two levels, batched) through the gateway and the same
 * query straight from the identity subgraph, one after the other on the same data, and prints
 * requests/s, p50/p99 latency and the gateway's overhead as ratios.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const QUERY = '{ organisations { id name kind regionCode parent { name } children { id name } } }';

async function load(title: string, url: string) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const failures = result.errors + result.non2xx;
  if (failures > 0) throw new Error(`${title}: ${failures} failed requests`);
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  // The embedded server initialises a directory that does not exist yet, inside one its OS user
  // (postgres, when we run as root) may enter.
  const scratch = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'zc-bench-'));
  if (scratch) chmodSync(scratch, 0o755);
  const dataDir = scratch && join(scratch, 'pg');
  const pg = dataDir
    ? await startEmbeddedPostgres({ dataDir, port: await findFreePort(), ephemeral: true })
    : null;
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench'));
  const logger = createLogger('bench', 'warn');
  const identity = await startIdentity(
    loadIdentityEnv({
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      // Production refuses to start without a data key (it seals the signing key).
      IDENTITY_DATA_KEY: randomBytes(32).toString('base64'),
    }),
    {
      logger,
      migrateOnStart: true,
    },
  );
  const orm = await createIdentityOrm(databaseUrl, 2);
  await loadDemoData(orm.em.fork());
  await orm.close();
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUBGRAPH_URLS: JSON.stringify({ identity: identity.url }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
    }),
    { logger },
  );
  try {
    // Warm both paths (JIT, connection pools, query plans) before measuring.
    await load('warm-up', gateway.url).catch(() => undefined);
    const direct = await load('subgraph direct', identity.url);
    const through = await load('through gateway', gateway.url);
    console.log(
      `\nQuery: ${QUERY}\n${CONNECTIONS} connections, ${DURATION}s each, Node ${process.version}\n`,
    );
    console.log('| path | requests/s | p50 ms | p99 ms |\n|---|---:|---:|---:|');
    for (const r of [direct, through])
      console.log(`| ${r.title} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |`);
    console.log(
      `\ngateway overhead: throughput ×${(through.rps / direct.rps).toFixed(2)} of direct, p50 ×${(through.p50 / Math.max(direct.p50, 1)).toFixed(2)}, p99 ×${(through.p99 / Math.max(direct.p99, 1)).toFixed(2)}`,
    );
  } finally {
    await gateway.close();
    await identity.close();
    await pg?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
