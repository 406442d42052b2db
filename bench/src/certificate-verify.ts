/// <reference lib="dom" />
// (The page-side timing below runs in Chromium: page.evaluate.)
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { createLogger } from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import { createPostgresTransport, type EventEnvelope } from '@zhicheng/events';
import { loadIdentityEnv, startIdentity } from '@zhicheng/identity';
import { Certificate, loadCertificateEnv, startCertificate } from '@zhicheng/certificate';
import { loadGatewayEnv, startGateway } from '@zhicheng/gateway';
import { approved, submitted } from './support/certificate-events';

/**
 * 证书查询验证 by number + name, as anyone asks it (no token), through the real gateway to the real
 * certificate service over real PostgreSQL, CERTIFICATES certificates on record, each request a
 * different certificate (numbers and names cycled); beside it, `{ __typename }` on the same
 * gateway, the cheapest request the gateway answers (parse, validate, plan-free), as the peer.
 * The per-address limit (VERIFY_LIMIT_PER_IP) is lifted for the run: every request comes from one
 * address here, and the limiter's own statement is still paid on each request.
 * Then the /verify page in Debian's chromium (CHROMIUM_PATH or /usr/bin/chromium): the QR code's
 * link `/verify#<JWS>` opened BROWSER_RUNS times online (the page, then verifyCredential through
 * the API) and, with the network cut, offline (the page from its service worker, the signature
 * checked in the page with jose against the kept did.json): from the navigation to the answer shown.
 * Figures, not a test: nothing here fails on a threshold.
 */
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 500);

const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
  outcome valid message certificate { number holderName titleName levelName issuerName issuedAt statusText } } }`;

interface Figures {
  title: string;
  rps: number;
  p50: number;
  p99: number;
}

async function load(title: string, url: string, bodies: string[]): Promise<Figures> {
  let next = 0;
  let wrong = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          // A verification that does not answer VALID is a failure of the run, not a figure.
          if (status !== 200 || body.includes('"errors"') || (bodies.length > 1 && !body.includes('"VALID"')))
            wrong++;
        },
      },
    ],
  });
  const failures = result.errors + result.non2xx + wrong;
  if (failures > 0) throw new Error(`${title}: ${failures} failed requests`);
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Opens the QR link RUNS times in one page and times each answer (online, then offline). */
async function browserVerification(origin: string, credential: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/verify`);
    // The service worker has kept the page, its scripts and the keys.
    await page.getByText('本页已保存到本机').waitFor({ timeout: 30_000 });
    const times = async (mode: 'online' | 'offline') => {
      const took: number[] = [];
      for (let i = 0; i < BROWSER_RUNS; i++) {
        await page.goto('about:blank');
        const started = performance.now();
        await page.goto(`${origin}/verify#${credential}`);
        await page
          .locator(`.zc-verification[data-mode="${mode}"][data-outcome="VALID"]`)
          .waitFor({ timeout: 15_000 });
        took.push(performance.now() - started);
      }
      return took.sort((a, b) => a - b);
    };
    /** The page already open: a new link in its address (hashchange) → the answer, no page load. */
    const inPage = async () => {
      const took: number[] = [];
      for (let i = 0; i < BROWSER_RUNS; i++) {
        took.push(
          await page.evaluate(async (jws) => {
            const region = document.querySelector<HTMLElement>('.zc-verify-result');
            const before = Number(region?.dataset.answer ?? 0);
            const started = performance.now();
            // An empty fragment first, so the same link counts as a new one.
            history.replaceState(null, '', '#');
            location.hash = jws;
            while (
              Number(document.querySelector<HTMLElement>('.zc-verify-result')?.dataset.answer ?? 0) <= before
            )
              await new Promise((resolve) => requestAnimationFrame(resolve));
            return performance.now() - started;
          }, credential),
        );
      }
      return took.sort((a, b) => a - b);
    };
    const online = await times('online');
    const onlineInPage = await inPage();
    await context.setOffline(true);
    const offline = await times('offline');
    const offlineInPage = await inPage();
    return {
      'online, opening the link': online,
      'online, page already open': onlineInPage,
      'offline, opening the link': offline,
      'offline, page already open': offlineInPage,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'zc-bench-verify-'));
  chmodSync(scratch, 0o755);
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: join(scratch, 'pg'),
        port: await findFreePort(),
        ephemeral: true,
      });
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench_verify'));
  const logger = createLogger('bench', 'warn');
  const production = { NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl };
  const identity = await startIdentity(
    loadIdentityEnv({ ...production, IDENTITY_DATA_KEY: randomBytes(32).toString('base64') }),
    { logger, migrateOnStart: true },
  );
  const certificate = await startCertificate(
    loadCertificateEnv({
      ...production,
      IDENTITY_JWKS_URL: identity.jwksUrl,
      CERTIFICATE_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      FILES_SIGNING_SECRET: randomUUID() + randomUUID(),
      VERIFY_LIMIT_PER_IP: String(1e9),
    }),
    { logger, migrateOnStart: true },
  );
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUBGRAPH_URLS: JSON.stringify({ identity: identity.url, certificate: certificate.url }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
    }),
    { logger },
  );
  const bus = createPostgresTransport(databaseUrl, logger);
  try {
    const events: EventEnvelope[] = [];
    for (let i = 0; i < CERTIFICATES; i++) {
      const declarationId = randomUUID();
      events.push(submitted(declarationId, randomUUID(), i), approved(declarationId));
    }
    await bus.publish(events);
    await certificate.consumer.catchUp();
    const rows = await certificate.orm.em
      .fork()
      .find(Certificate, {}, { fields: ['number', 'holderName', 'credential'] });
    if (rows.length !== CERTIFICATES) throw new Error(`issued ${rows.length} of ${CERTIFICATES}`);
    const verifyBodies = rows.map((row) =>
      JSON.stringify({ query: VERIFY, variables: { n: row.number, h: row.holderName } }),
    );
    const typename = [JSON.stringify({ query: '{ __typename }' })];

    // Warm both (JIT, pools, the plan cache) before measuring.
    await load('warm-up', gateway.url, verifyBodies).catch(() => undefined);
    const peer = await load('{ __typename } (peer)', gateway.url, typename);
    const verify = await load('verifyCertificate(number, holderName)', gateway.url, verifyBodies);
    console.log(
      `\n证书查询验证 through the gateway: ${CERTIFICATES} certificates, ${CONNECTIONS} connections, ${SECONDS}s each, Node ${process.version}, PostgreSQL ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}\n`,
    );
    console.log('| request | requests/s | p50 ms | p99 ms |\n|---|---:|---:|---:|');
    for (const r of [peer, verify]) console.log(`| ${r.title} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |`);
    console.log(
      `\nverification vs the peer: throughput ×${(verify.rps / peer.rps).toFixed(2)}, p50 ×${(verify.p50 / Math.max(peer.p50, 1)).toFixed(2)}, p99 ×${(verify.p99 / Math.max(peer.p99, 1)).toFixed(2)}`,
    );

    const browser = await browserVerification(new URL(gateway.url).origin, rows[0].credential);
    console.log(
      `\n/verify in Chromium: the QR link opened ${BROWSER_RUNS} times, navigation → answer shown\n`,
    );
    console.log('| mode | p50 ms | p99 ms | min ms |\n|---|---:|---:|---:|');
    for (const [mode, took] of Object.entries(browser))
      console.log(
        `| ${mode} | ${percentile(took, 50).toFixed(1)} | ${percentile(took, 99).toFixed(1)} | ${took[0].toFixed(1)} |`,
      );
    const p50 = (key: keyof typeof browser) => percentile(browser[key], 50);
    console.log(
      `\noffline vs online: opening the link p50 ×${(p50('offline, opening the link') / p50('online, opening the link')).toFixed(2)}, page already open p50 ×${(p50('offline, page already open') / Math.max(p50('online, page already open'), 0.1)).toFixed(2)}`,
    );
  } finally {
    await bus.close();
    await gateway.close();
    await certificate.close();
    await identity.close();
    await pg?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
