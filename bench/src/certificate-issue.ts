import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import { createPostgresTransport, type EventEnvelope } from '@zhicheng/events';
import { approved, submitted } from './support/certificate-events';
import { Certificate, certificatePdf, loadCertificateEnv, startCertificate } from '@zhicheng/certificate';

/**
 * The cost of a certificate, on the real certificate service over real PostgreSQL, its events
 * arriving on the real transport as other services' relays publish them:
 *   1. issuing one: DeclarationSubmitted + DeclarationFinallyApproved published → the certificate
 *      committed (fact rows, number from the year's sequence, status list entry, the Ed25519 JWS,
 *      the outbox event), sequentially, ISSUE_ONE times;
 *   2. its PDF as the holder downloads it: rendered (Noto Sans SC subset, the QR code, the
 *      credential attached) and PDF-signed (PKCS#7, RSA 2048), PDFS times;
 *   3. a burst: BURST final approvals published at once → all certificates committed
 *      (certificates per second).
 * Figures, not a test: nothing here fails on a threshold.
 */
const ISSUE_ONE = Number(process.env.BENCH_ISSUE_ONE ?? 50);
const PDFS = Number(process.env.BENCH_PDFS ?? 50);
const BURST = Number(process.env.BENCH_BURST ?? 1000);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return `${label.padEnd(44)} n=${String(times.length).padStart(4)}  mean ${ms(mean)}  p50 ${ms(pct(sorted, 50))}  p99 ${ms(pct(sorted, 99))}`;
};

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'zc-bench-cert-'));
  chmodSync(scratch, 0o755);
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: join(scratch, 'pg'),
        port: await findFreePort(),
        ephemeral: true,
      });
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench_certificate'));
  const logger = createLogger('bench', 'warn');
  const server = await startCertificate(
    loadCertificateEnv({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      CERTIFICATE_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      FILES_SIGNING_SECRET: randomUUID() + randomUUID(),
    }),
    { logger, migrateOnStart: true },
  );
  const bus = createPostgresTransport(databaseUrl, logger);
  const count = async () =>
    Number(
      (
        await server.orm.em
          .fork()
          .getConnection()
          .execute<Array<{ n: string }>>('select count(*) as n from certificate.certificate')
      )[0].n,
    );
  try {
    console.log(`certificate issuing (PostgreSQL ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`);

    // 1. One at a time.
    const issueTimes: number[] = [];
    for (let i = 0; i < ISSUE_ONE; i++) {
      const declarationId = randomUUID();
      const started = performance.now();
      await bus.publish([submitted(declarationId, randomUUID(), i), approved(declarationId)]);
      await server.consumer.catchUp();
      issueTimes.push(performance.now() - started);
    }
    if ((await count()) !== ISSUE_ONE) throw new Error('not every approval issued a certificate');
    console.log(summary('issue one (events → certificate committed)', issueTimes));

    // 2. The PDF of each, rendered and signed.
    const rows = await server.orm.em.fork().find(Certificate, {}, { limit: PDFS });
    const first = performance.now();
    await certificatePdf(server.orm.em.fork(), rows[0], server.deps);
    console.log(
      `${'first PDF in the process (font, signer key)'.padEnd(44)} ${ms(performance.now() - first)}`,
    );
    const pdfTimes: number[] = [];
    let bytes = 0;
    for (let i = 0; i < PDFS; i++) {
      const started = performance.now();
      const pdf = await certificatePdf(server.orm.em.fork(), rows[i % rows.length], server.deps);
      pdfTimes.push(performance.now() - started);
      bytes += pdf.length;
    }
    console.log(summary('PDF (render + QR + attach + PDF signature)', pdfTimes));
    console.log(`${'PDF size'.padEnd(44)} ${(bytes / PDFS / 1024).toFixed(0)} KiB`);

    // 3. A burst of final approvals.
    const burst: EventEnvelope[] = [];
    for (let i = 0; i < BURST; i++) {
      const declarationId = randomUUID();
      burst.push(submitted(declarationId, randomUUID(), i), approved(declarationId));
    }
    const started = performance.now();
    await bus.publish(burst);
    await server.consumer.catchUp();
    const seconds = (performance.now() - started) / 1000;
    const issued = (await count()) - ISSUE_ONE;
    if (issued !== BURST) throw new Error(`burst issued ${issued} of ${BURST}`);
    console.log(
      `${`burst of ${BURST} final approvals`.padEnd(44)} ${seconds.toFixed(2)} s  ${(BURST / seconds).toFixed(0)} certificates/s`,
    );
  } finally {
    await bus.close();
    await server.close();
    await pg?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
