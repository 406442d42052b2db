// A small, honest stack for the live tests: real PostgreSQL, real HTTP and WebSockets, the real
// gateway on a supergraph composed from two test-only subgraphs started here:
// - `status` (type-graphql + buildFederatedSchema + startSubgraphServer + @zhicheng/live) owns the
//   subscription `testStatusChanged(id)` and the entity TestDeclaration { id status };
// - `notes` (plain SDL) adds TestDeclaration.note, so a subscription selecting it needs the
//   gateway to complete each event with an entity fetch.
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { EntitySchema } from '@mikro-orm/core';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import type { FormattedExecutionResult as ExecutionResult } from 'graphql';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import pino from 'pino';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
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
  type AccessTokenClaims,
  type MikroORM,
  type Principal,
  type RequestContext,
  type RunningServer,
  type TokenVerifier,
} from '@zhicheng/server-kit';
import { createLivePubSub, isResync, publishLive, type LiveMessage, type LivePubSub } from '@zhicheng/live';
import { loadGatewayEnv, startGateway, type RunningGateway } from '../src';

export const silent = pino({ level: 'silent' });

// --- tokens -----------------------------------------------------------------------------------

export interface Issuer {
  jwksUrl: string;
  verifier: TokenVerifier;
  token(principal: Principal, ttlSeconds?: number): Promise<string>;
  /** Signed with a key nobody published. */
  forged(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const sign = (principal: Principal, ttlSeconds: number, key: KeyLike) => {
    const claims: Omit<AccessTokenClaims, 'sub'> = {
      knd: principal.kind,
      rol: principal.roles,
      nam: principal.displayName,
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setSubject(principal.accountId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(key);
  };
  return {
    jwksUrl,
    verifier: createTokenVerifier({ jwks }),
    token: (principal, ttlSeconds = 600) => sign(principal, ttlSeconds, privateKey),
    forged: (principal) => sign(principal, 600, stranger.privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const person = (name: string): Principal => ({
  accountId: randomUUID(),
  kind: 'PERSON',
  roles: ['APPLICANT'],
  displayName: name,
});

// --- the `status` subgraph ------------------------------------------------------------------------

interface DeclarationRow {
  id: string;
  ownerId: string;
  status: string;
}

export const DeclarationRowSchema = new EntitySchema<DeclarationRow>({
  name: 'LiveTestDeclaration',
  tableName: 'live_test_declaration',
  properties: {
    id: { type: 'string', primary: true },
    ownerId: { type: 'string', fieldName: 'owner_id' },
    status: { type: 'string' },
  },
});

const STATUS_WORDS: Record<string, string> = {
  SUBMITTED: '已申报',
  RETURNED: '被退回',
  FINALLY_APPROVED: '终审通过',
};

interface StatusContext extends RequestContext {
  pubSub: LivePubSub;
}

@ObjectType('TestDeclaration')
@Directive('@key(fields: "id")')
class TestDeclaration {
  @Field(() => ID) id!: string;
  @Field() status!: string;
}

@ObjectType('TestStatusEvent')
class TestStatusEvent {
  @Field(() => ID) declarationId!: string;
  @Field() status!: string;
  @Field() statusText!: string;
  @Field() at!: string;
  /** True when this answers a resync (the current state read afresh), not a notice. */
  @Field() resync!: boolean;
  @Field(() => TestDeclaration) declaration!: TestDeclaration;
}

async function ownDeclaration(ctx: StatusContext, id: string): Promise<DeclarationRow> {
  const principal = requirePrincipal(ctx.auth);
  const row = await ctx.em.findOne(DeclarationRowSchema, { id });
  // Another person's declaration answers as if it did not exist.
  if (!row || row.ownerId !== principal.accountId) throw notFound('申报不存在或您无权查看');
  return row;
}

@Resolver()
class StatusResolver {
  @Query(() => TestDeclaration, { nullable: true })
  async testDeclaration(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: StatusContext,
  ): Promise<TestDeclaration> {
    const row = await ownDeclaration(ctx, id);
    return { id: row.id, status: row.status };
  }

  @Subscription(() => TestStatusEvent, {
    subscribe: async ({ args, context }) => {
      const ctx = context as StatusContext;
      await ownDeclaration(ctx, String(args.id));
      return ctx.pubSub.subscribe('DECLARATION_STATUS', args.id);
    },
  })
  async testStatusChanged(
    @Root() message: LiveMessage<'DECLARATION_STATUS'>,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: StatusContext,
  ): Promise<TestStatusEvent> {
    if (isResync(message)) {
      const row = await ctx.em.findOneOrFail(DeclarationRowSchema, { id });
      return {
        declarationId: id,
        status: row.status,
        statusText: STATUS_WORDS[row.status] ?? row.status,
        at: message.at,
        resync: true,
        declaration: { id, status: row.status },
      };
    }
    return { ...message, resync: false, declaration: { id: message.declarationId, status: message.status } };
  }
}

export interface StatusSubgraph {
  server: RunningServer;
  pubSub: LivePubSub;
  orm: MikroORM;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startStatusSubgraph(opts: {
  databaseUrl: string;
  verifier: TokenVerifier;
  port?: number;
}): Promise<StatusSubgraph> {
  const orm = await createOrm({
    databaseUrl: opts.databaseUrl,
    schema: 'public',
    entities: [DeclarationRowSchema],
    migrations: [],
  });
  await orm.em
    .getConnection()
    .execute(
      'create table if not exists live_test_declaration (id text primary key, owner_id text not null, status text not null)',
    );
  const pubSub = createLivePubSub(opts.databaseUrl, silent, { initialBackoffMs: 50, maxBackoffMs: 500 });
  await pubSub.ready();
  const schema = await buildFederatedSchema<StatusContext>(
    { resolvers: [StatusResolver], pubSub },
    {
      TestDeclaration: {
        __resolveReference: async (ref, ctx) => {
          const row = await ctx.em.findOne(DeclarationRowSchema, { id: String(ref.id) });
          return row ? { id: row.id, status: row.status } : null;
        },
      },
    },
  );
  const server = await startSubgraphServer<StatusContext>({
    name: 'status',
    schema,
    orm,
    logger: silent,
    verifier: opts.verifier,
    host: '127.0.0.1',
    port: opts.port ?? 0,
    extendContext: (base) => ({ ...base, pubSub }),
    pubSub,
  });
  return { server, pubSub, orm, url: server.url, port: server.port, close: () => server.close() };
}

/** The subgraph SDL of `status`, as `npm run sdl` would commit it. */
export async function statusSdl(): Promise<string> {
  const pubSub = { publish: () => undefined, subscribe: () => (async function* () {})() };
  return printSubgraphSdl(await buildFederatedSchema({ resolvers: [StatusResolver], pubSub }));
}

// --- the `notes` subgraph -------------------------------------------------------------------------

export const NOTES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type TestDeclaration @key(fields: "id") {
    id: ID!
    "Who asked, and about what: proves the gateway forwards the subscriber's token on completion."
    note: String
  }
  type Query { notesVersion: String }
`;

export async function startNotesSubgraph(opts: { databaseUrl: string; verifier: TokenVerifier }) {
  const schema = buildSubgraphSchema({
    typeDefs: parse(NOTES_SDL),
    resolvers: {
      Query: { notesVersion: () => '1' },
      TestDeclaration: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext) => ({
          id: ref.id,
          note: `${ctx.auth.principal?.displayName ?? '匿名'}的备注:${ref.id}`,
        }),
      },
    } as never,
  });
  const orm = await createOrm({
    databaseUrl: opts.databaseUrl,
    schema: 'public',
    entities: [DeclarationRowSchema],
    migrations: [],
  });
  return startSubgraphServer({
    name: 'notes',
    schema,
    orm,
    logger: silent,
    verifier: opts.verifier,
    host: '127.0.0.1',
    port: 0,
  });
}

export async function writeSupergraph(): Promise<string> {
  const result = composeServices([
    { name: 'notes', url: 'http://notes.invalid/graphql', typeDefs: parse(NOTES_SDL) },
    { name: 'status', url: 'http://status.invalid/graphql', typeDefs: parse(await statusSdl()) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const path = join(mkdtempSync(join(tmpdir(), 'zc-live-')), 'supergraph.graphql');
  writeFileSync(path, result.supergraphSdl);
  return path;
}

export function startLiveGateway(env: Record<string, string>): Promise<RunningGateway> {
  return startGateway(
    loadGatewayEnv({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env }),
    { logger: createLogger('gateway-live-test', 'silent') },
  );
}

// --- a client ----------------------------------------------------------------------------------

export function wsClient(
  url: string,
  token?: string,
  extra: Partial<Parameters<typeof createClient>[0]> = {},
): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
}

/** A subscription whose events, errors and completion a test reads in order. */
export class Collected<T = Record<string, unknown>> {
  readonly results: ExecutionResult<T, unknown>[] = [];
  error: unknown = null;
  completed = false;
  private waiters: Array<() => void> = [];
  readonly unsubscribe: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          this.results.push(result);
          this.wake();
        },
        error: (error) => {
          this.error = error;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  /** Waits until `count` results arrived (or an error/completion), at most `ms`. */
  async waitFor(count: number, ms = 2000): Promise<ExecutionResult<T, unknown>[]> {
    const deadline = Date.now() + ms;
    while (this.results.length < count && !this.error && !this.completed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.results;
  }

  /** Waits for an error or completion, at most `ms`. */
  async settled(ms = 2000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.error && !this.completed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** Polls until `check` is true, at most `ms`. */
export async function eventually(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Changes a declaration's status and announces it in the same transaction (as a subgraph would). */
export async function changeStatus(
  orm: MikroORM,
  id: string,
  status: string,
  opts: { rollback?: boolean; applicantId?: string } = {},
): Promise<void> {
  const work = orm.em.fork().transactional(async (em) => {
    await em.nativeUpdate(DeclarationRowSchema, { id }, { status });
    await publishLive(em, 'DECLARATION_STATUS', {
      declarationId: id,
      applicantId: opts.applicantId ?? 'someone',
      status,
      statusText: STATUS_WORDS[status] ?? status,
      at: new Date().toISOString(),
    });
    if (opts.rollback) throw new Error('rolled back on purpose');
  });
  if (opts.rollback) await work.catch(() => undefined);
  else await work;
}
