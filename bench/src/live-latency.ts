import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { EntitySchema } from '@mikro-orm/core';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import WebSocket from 'ws';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  buildFederatedSchema,
  createLogger,
  createOrm,
  createTokenVerifier,
  notFound,
  printSubgraphSdl,
  requirePrincipal,
  startSubgraphServer,
  type RequestContext,
} from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import { createLivePubSub, isResync, publishLive, type LiveMessage, type LivePubSub } from '@zhicheng/live';
import { loadGatewayEnv, startGateway } from '@zhicheng/gateway';

/**
 * Event-to-client latency of live status through ONE gateway process holding many open
 * subscriptions (default 1,000: one socket and one token per subscriber, as browsers would), and
 * the memory the gateway spends on them.
 *
 * The gateway runs in a child process (so its memory is its own: RSS and heap after GC, before
 * and after the subscriptions open, and after they close). This process plays the subgraph that
 * owns the subscription (server-kit's graphql-ws + @zhicheng/live on real PostgreSQL), the
 * publisher and the clients. Latency runs from just before the publishing transaction commits to
 * the client's `next`:
 *   1. sequential: one status change at a time, to a random subscriber, waiting for it;
 *   2. burst: one transaction announcing a change to every subscriber's declaration at once.
 */
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);

// --- the gateway child ----------------------------------------------------------------------------

type ChildMessage =
  { type: 'ready'; url: string } | { type: 'memory'; rss: number; heapUsed: number; subs: number };

async function gatewayChild(): Promise<void> {
  const gateway = await startGateway(loadGatewayEnv(process.env), {
    logger: createLogger('bench-gateway', 'error'),
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'memory') {
      gc?.();
      gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({
        type: 'memory',
        rss,
        heapUsed,
        subs: gateway.live.subscriptions(),
      } satisfies ChildMessage);
    }
    if (message.type === 'stop') void gateway.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: gateway.url } satisfies ChildMessage);
}

function ask(child: ChildProcess, type: 'memory'): Promise<Extract<ChildMessage, { type: 'memory' }>> {
  return new Promise((resolve) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

// --- the owning subgraph --------------------------------------------------------------------------

interface Row {
  id: string;
  ownerId: string;
  status: string;
}
const RowSchema = new EntitySchema<Row>({
  name: 'BenchDeclaration',
  tableName: 'bench_live_declaration',
  properties: {
    id: { type: 'string', primary: true },
    ownerId: { type: 'string', fieldName: 'owner_id' },
    status: { type: 'string' },
  },
});

interface BenchContext extends RequestContext {
  pubSub: LivePubSub;
}

@ObjectType('BenchStatusEvent')
class BenchStatusEvent {
  @Field(() => ID) declarationId!: string;
  @Field() status!: string;
  @Field() at!: string;
}

async function own(ctx: BenchContext, id: string): Promise<Row> {
  const principal = requirePrincipal(ctx.auth);
  const row = await ctx.em.findOne(RowSchema, { id });
  if (!row || row.ownerId !== principal.accountId) throw notFound();
  return row;
}

@Resolver()
class BenchResolver {
  @Query(() => String)
  benchVersion(): string {
    return '1';
  }

  @Subscription(() => BenchStatusEvent, {
    subscribe: async ({ args, context }) => {
      const ctx = context as BenchContext;
      await own(ctx, String(args.id));
      return ctx.pubSub.subscribe('DECLARATION_STATUS', args.id);
    },
  })
  async benchStatusChanged(
    @Root() message: LiveMessage<'DECLARATION_STATUS'>,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BenchContext,
  ): Promise<BenchStatusEvent> {
    if (isResync(message)) {
      const row = await ctx.em.findOneOrFail(RowSchema, { id });
      return { declarationId: id, status: row.status, at: message.at };
    }
    return { declarationId: message.declarationId, status: message.status, at: message.at };
  }
}

// --- helpers ---------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);

async function eventually(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function summary(title: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    title,
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

// --- main ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const scratch = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'zc-bench-live-'));
  if (scratch) chmodSync(scratch, 0o755);
  const dataDir = scratch && join(scratch, 'pg');
  const pg = dataDir
    ? await startEmbeddedPostgres({ dataDir, port: await findFreePort(), ephemeral: true })
    : null;
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench_live'));
  const logger = createLogger('bench', 'warn');

  // Tokens: a key pair of our own, its JWKS served for the gateway.
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] };
  const jwksServer = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  const token = (accountId: string) =>
    new SignJWT({ knd: 'PERSON', rol: ['APPLICANT'], nam: '测试' })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setSubject(accountId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

  // The owning subgraph, its rows and its pub/sub.
  const orm = await createOrm({
    databaseUrl,
    schema: 'public',
    entities: [RowSchema],
    migrations: [],
    poolMax: 20,
  });
  await orm.em
    .getConnection()
    .execute(
      'create table if not exists bench_live_declaration (id text primary key, owner_id text not null, status text not null)',
    );
  await orm.em.getConnection().execute('truncate bench_live_declaration');
  const pubSub = createLivePubSub(databaseUrl, logger, { maxQueue: 1000 });
  await pubSub.ready();
  const schema = await buildFederatedSchema<BenchContext>({ resolvers: [BenchResolver], pubSub });
  const subgraph = await startSubgraphServer<BenchContext>({
    name: 'bench',
    schema,
    orm,
    logger,
    verifier: createTokenVerifier({ jwks }),
    host: '127.0.0.1',
    port: 0,
    production: true,
    extendContext: (base) => ({ ...base, pubSub }),
    pubSub,
  });
  const composed = composeServices([
    { name: 'bench', url: 'http://bench.invalid/graphql', typeDefs: parse(printSubgraphSdl(schema)) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'zc-bench-supergraph-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const child = fork(__filename, ['--gateway'], {
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_URLS: JSON.stringify({ bench: subgraph.url }),
      IDENTITY_JWKS_URL: jwksUrl,
    },
  });
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: ChildMessage) => message.type === 'ready' && resolve(message.url));
    child.once('exit', (code) => reject(new Error(`gateway child exited with ${code}`)));
  });

  const clients: Client[] = [];
  try {
    const owners = Array.from({ length: SUBSCRIPTIONS }, () => ({ id: randomUUID(), ownerId: randomUUID() }));
    await orm.em.fork().insertMany(
      RowSchema,
      owners.map((o) => ({ ...o, status: 'SUBMITTED' })),
    );
    const tokens = await Promise.all(owners.map((o) => token(o.ownerId)));

    // Warm the gateway's paths with one subscription, then measure its idle memory.
    const memIdle = await (async () => {
      const warm = createClient({
        url: gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens[0]}` },
        retryAttempts: 0,
      });
      await new Promise<void>((resolve) => {
        const stop = warm.subscribe(
          {
            query: `subscription($id: ID!) { benchStatusChanged(id: $id) { status } }`,
            variables: { id: owners[0].id },
          },
          { next: () => undefined, error: () => resolve(), complete: () => resolve() },
        );
        void eventually(() => pubSub.stats().subscribers === 1, 'warm-up subscription').then(() => {
          stop();
          resolve();
        });
      });
      await warm.dispose();
      await eventually(() => pubSub.stats().subscribers === 0, 'warm-up subscription to end');
      return ask(child, 'memory');
    })();

    // Open the subscriptions: one socket and token each, as 1,000 browsers.
    const pending = new Map<string, number>();
    const latencies: number[] = [];
    let received = 0;
    const opened = performance.now();
    for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
      const client = createClient({
        url: gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens[i]}` },
        retryAttempts: 0,
      });
      clients.push(client);
      client.subscribe<{ benchStatusChanged: { declarationId: string; status: string } }>(
        {
          query: `subscription($id: ID!) { benchStatusChanged(id: $id) { declarationId status } }`,
          variables: { id: owners[i].id },
        },
        {
          next: (result) => {
            const id = result.data?.benchStatusChanged.declarationId;
            const sent = id ? pending.get(id) : undefined;
            if (sent !== undefined) {
              latencies.push(performance.now() - sent);
              pending.delete(id!);
            }
            received += 1;
          },
          error: (error) => console.error('subscription failed', error),
          complete: () => undefined,
        },
      );
    }
    await eventually(
      () => pubSub.stats().subscribers === SUBSCRIPTIONS,
      `${SUBSCRIPTIONS} subscriptions upstream`,
    );
    const openSeconds = (performance.now() - opened) / 1000;
    const memOpen = await ask(child, 'memory');

    const announce = async (ids: string[], status: string) => {
      await orm.em.fork().transactional(async (em) => {
        await em.nativeUpdate(RowSchema, { id: { $in: ids } }, { status });
        const at = new Date().toISOString();
        for (const id of ids) {
          await publishLive(em, 'DECLARATION_STATUS', {
            declarationId: id,
            applicantId: 'bench',
            status,
            statusText: status,
            at,
          });
        }
        // From here to the client: commit, NOTIFY, LISTEN, subgraph resolve, upstream socket,
        // gateway completion, client socket.
        const now = performance.now();
        for (const id of ids) pending.set(id, now);
      });
    };

    // 1. Sequential single notices.
    for (let i = 0; i < EVENTS; i += 1) {
      const target = owners[Math.floor(Math.random() * owners.length)].id;
      const before = latencies.length;
      await announce([target], i % 2 ? 'RETURNED' : 'SUBMITTED');
      await eventually(() => latencies.length > before, `event ${i}`, 10_000);
    }
    const sequential = summary(`sequential (${EVENTS} notices, 1 subscriber each)`, latencies.splice(0));

    // 2. A burst: every subscriber's declaration changes in one transaction.
    await announce(
      owners.map((o) => o.id),
      'FINALLY_APPROVED',
    );
    await eventually(() => latencies.length >= SUBSCRIPTIONS, 'the burst to arrive', 60_000);
    const burst = summary(`burst (${SUBSCRIPTIONS} notices in one commit)`, latencies.splice(0));

    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await eventually(() => pubSub.stats().subscribers === 0, 'subscriptions to end');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const memClosed = await ask(child, 'memory');

    console.log(
      `\nLive status through one gateway process: ${SUBSCRIPTIONS} subscriptions (one socket and token each), Node ${process.version}`,
    );
    console.log(`opened in ${openSeconds.toFixed(1)} s; ${received} events received\n`);
    console.log('| scenario | events | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|');
    for (const r of [sequential, burst])
      console.log(`| ${r.title} | ${r.n} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`);
    console.log(
      '\n| gateway process (after GC) | RSS MB | heap used MB | subscriptions |\n|---|---:|---:|---:|',
    );
    for (const [title, m] of [
      ['idle (after warm-up)', memIdle],
      [`${SUBSCRIPTIONS} open`, memOpen],
      ['all closed again', memClosed],
    ] as const) {
      console.log(`| ${title} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${m.subs} |`);
    }
    console.log(
      `\nper subscription: RSS ${((memOpen.rss - memIdle.rss) / SUBSCRIPTIONS / 1024).toFixed(1)} KB, heap ${((memOpen.heapUsed - memIdle.heapUsed) / SUBSCRIPTIONS / 1024).toFixed(1)} KB (downstream socket + upstream socket + plan + queues)`,
    );
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
    await subgraph.close();
    jwksServer.close();
    await pg?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv.includes('--gateway')) {
  gatewayChild().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
