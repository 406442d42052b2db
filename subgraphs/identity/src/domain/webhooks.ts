// Webhooks for systems that cannot keep a socket open (Standard Webhooks 1.0): a client registers
// receivers for event types; identity's consumer turns other subgraphs' events into one delivery
// per receiver in the transaction of its inbox row (the outbox), and a worker sends each, signed
// (webhook-id, webhook-timestamp, webhook-signature = v1,base64 HMAC-SHA256), retrying with
// backoff; then it is marked failed, kept, and may be redelivered by hand. docs/api-guide.md.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import {
  ApiScope,
  notFound,
  Problems,
  type AuthResult,
  type EntityManager,
  type Logger,
  type MikroORM,
} from '@zhicheng/server-kit';
import type { EventEnvelope } from '@zhicheng/events';
import {
  ApiClient,
  WebhookDeclaration,
  WebhookDelivery,
  WebhookEndpoint,
  type WebhookAttempt,
} from '../entities';
import { clientOwnerOf, ownedClient, type ClientOwner } from './clients';
import { allowedAddress, checkedLookup, RefusedAddressError, resolveAll } from './receiver-address';
import type { IdentityEnv } from '../env';
import type { DataCipher } from './secrets';

/** The event types a receiver may ask for, each readable only with its scope. */
export const WEBHOOK_EVENTS = {
  'declaration.status_changed': {
    scope: ApiScope.DECLARATIONS_READ,
    zh: '申报状态变化',
    en: 'Declaration status changed',
  },
  'binding.decided': { scope: ApiScope.BINDINGS_READ, zh: '绑定申请已审核', en: 'Binding request decided' },
  'certificate.issued': { scope: ApiScope.DECLARATIONS_READ, zh: '证书已发放', en: 'Certificate issued' },
  'certificate.revoked': { scope: ApiScope.DECLARATIONS_READ, zh: '证书已作废', en: 'Certificate revoked' },
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

export const ENDPOINTS_PER_CLIENT_MAX = 10;
export const ENDPOINT_NOT_FOUND = '接收地址不存在或不属于本单位（本机构）';
export const DELIVERY_NOT_FOUND = '投递记录不存在或不属于本单位（本机构）';
const URL_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookSettings {
  allowLoopback: boolean;
  retryScheduleSeconds: number[];
  timeoutMs: number;
}

export const webhookSettingsOf = (env: IdentityEnv): WebhookSettings => ({
  allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK,
  retryScheduleSeconds: env.WEBHOOK_RETRY_SCHEDULE_SECONDS,
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
});

// ---- signing (Standard Webhooks) ------------------------------------------------------------------

/** `whsec_` + base64 of 32 random bytes, as the specification writes secrets. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The headers of one delivery: the signature covers `${id}.${timestamp}.${body}`. */
export function signedHeaders(secret: string, id: string, timestampSeconds: number, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}

// ---- receivers ------------------------------------------------------------------------------------

/** Every problem with a receiver URL, the request-forgery check included (addresses resolved now). */
async function urlProblems(problems: Problems, raw: string, allowLoopback: boolean): Promise<URL | null> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    problems.add(
      'url',
      'INVALID_URL',
      '接收地址不是有效的网址，例如 https://hr.example.com/webhooks/zhicheng',
    );
    return null;
  }
  if (raw.length > URL_MAX) problems.add('url', 'TOO_LONG', `接收地址不能超过 ${URL_MAX} 个字符`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackHost =
    host === 'localhost' || (isIP(host) !== 0 && allowedAddress(host, true) && !allowedAddress(host, false));
  const insecureAllowed = allowLoopback && loopbackHost;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureAllowed))
    problems.add('url', 'HTTPS_REQUIRED', '接收地址必须使用 https://');
  if (url.username || url.password)
    problems.add('url', 'CREDENTIALS_IN_URL', '接收地址中不能包含用户名或密码，请用签名校验来源');
  if (url.hash) problems.add('url', 'FRAGMENT', '接收地址不能包含 # 片段');
  if (problems.has('url')) return null;
  let addresses: string[];
  try {
    addresses = await resolveAll(host);
  } catch {
    problems.add('url', 'UNRESOLVABLE', `无法解析域名 ${host}，请确认接收地址已可从互联网访问`);
    return null;
  }
  if (addresses.length === 0 || addresses.some((a) => !allowedAddress(a, allowLoopback)))
    problems.add(
      'url',
      'PRIVATE_ADDRESS',
      '接收地址指向本机、内网或保留地址，平台不会向这些地址投递；请使用可从互联网访问的公网地址',
    );
  return url;
}

function eventProblems(problems: Problems, events: readonly string[], client: ApiClient): void {
  if (events.length === 0) problems.add('events', 'REQUIRED', '请至少选择一种事件');
  events.forEach((event, index) => {
    const known = WEBHOOK_EVENTS[event as WebhookEventType];
    if (!known)
      problems.add(
        `events.${index}`,
        'UNKNOWN_EVENT',
        `没有“${event}”这种事件，可选：${WEBHOOK_EVENT_TYPES.join('、')}`,
      );
    else if (!client.scopes.includes(known.scope))
      problems.add(
        `events.${index}`,
        'SCOPE_REQUIRED',
        `接收“${known.zh}”事件需要客户端拥有 ${known.scope} 权限，请先为客户端添加该权限`,
      );
  });
}

export interface CreatedEndpoint {
  endpoint: WebhookEndpoint;
  /** Shown once; the receiver verifies signatures with it. */
  signingSecret: string;
}

export async function createEndpoint(
  em: EntityManager,
  auth: AuthResult,
  cipher: DataCipher,
  settings: Pick<WebhookSettings, 'allowLoopback'>,
  input: { clientId: string; url: string; events: string[] },
): Promise<CreatedEndpoint> {
  const client = await ownedClient(em, clientOwnerOf(auth), input.clientId);
  const problems = new Problems();
  if (client.revokedAt) problems.add('clientId', 'REVOKED', '该客户端已吊销，不能再添加接收地址');
  const url = await urlProblems(problems, input.url, settings.allowLoopback);
  eventProblems(problems, input.events, client);
  const count = await em.count(WebhookEndpoint, { clientId: client.id, deletedAt: null });
  if (count >= ENDPOINTS_PER_CLIENT_MAX)
    problems.add(
      'url',
      'TOO_MANY_ENDPOINTS',
      `每个客户端最多 ${ENDPOINTS_PER_CLIENT_MAX} 个接收地址，请先删除不用的地址`,
    );
  problems.throwIfAny();
  const signingSecret = newSigningSecret();
  const endpoint = em.create(WebhookEndpoint, {
    clientId: client.id,
    url: url!.href,
    events: WEBHOOK_EVENT_TYPES.filter((type) => input.events.includes(type)),
    secretSealed: '',
  });
  endpoint.secretSealed = cipher.encrypt(signingSecret, endpoint.id);
  await em.persist(endpoint).flush();
  return { endpoint, signingSecret };
}

/** The endpoint if it belongs to one of the owner's clients; else NOT_FOUND. */
async function ownedEndpoint(em: EntityManager, owner: ClientOwner, id: string): Promise<WebhookEndpoint> {
  const endpoint = UUID.test(id) ? await em.findOne(WebhookEndpoint, { id, deletedAt: null }) : null;
  if (!endpoint) throw notFound(ENDPOINT_NOT_FOUND);
  await ownedClient(em, owner, endpoint.clientId).catch(() => {
    throw notFound(ENDPOINT_NOT_FOUND);
  });
  return endpoint;
}

/** Stops deliveries to the receiver; pending ones are kept as failed (their log stays readable). */
export async function deleteEndpoint(
  em: EntityManager,
  auth: AuthResult,
  id: string,
): Promise<WebhookEndpoint> {
  const endpoint = await ownedEndpoint(em, clientOwnerOf(auth), id);
  endpoint.deletedAt = new Date();
  await em.nativeUpdate(
    WebhookDelivery,
    { endpointId: endpoint.id, status: 'PENDING' },
    { status: 'FAILED', nextAttemptAt: null },
  );
  await em.flush();
  return endpoint;
}

export const DELIVERY_PAGE_MAX = 100;

/** The receiver's deliveries, newest first (the delivery log). */
export async function endpointDeliveries(
  em: EntityManager,
  auth: AuthResult,
  endpointId: string,
  first: number,
): Promise<WebhookDelivery[]> {
  const problems = new Problems();
  if (!Number.isInteger(first) || first < 1 || first > DELIVERY_PAGE_MAX)
    problems.add('first', 'OUT_OF_RANGE', `每页条数应为 1 到 ${DELIVERY_PAGE_MAX}`);
  problems.throwIfAny();
  const endpoint = await ownedEndpoint(em, clientOwnerOf(auth), endpointId);
  return em.find(
    WebhookDelivery,
    { endpointId: endpoint.id },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first },
  );
}

/** 重新投递: queues the delivery again now, with the same id and body (receivers deduplicate). */
export async function redeliver(
  em: EntityManager,
  auth: AuthResult,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const owner = clientOwnerOf(auth);
  const delivery = UUID.test(deliveryId) ? await em.findOne(WebhookDelivery, { id: deliveryId }) : null;
  if (!delivery) throw notFound(DELIVERY_NOT_FOUND);
  await ownedEndpoint(em, owner, delivery.endpointId).catch(() => {
    throw notFound(DELIVERY_NOT_FOUND);
  });
  delivery.status = 'PENDING';
  delivery.attemptCount = 0;
  delivery.nextAttemptAt = new Date();
  await em.flush();
  return delivery;
}

// ---- from platform events to deliveries (runs in the consumer's transaction) ----------------------

interface Audience {
  unitId?: string | null;
  organisationIds?: readonly string[];
}

/** One delivery per live receiver of a client of the audience that asked for `type` and may read it. */
export async function queueDeliveries(
  em: EntityManager,
  event: EventEnvelope,
  type: WebhookEventType,
  data: Record<string, unknown>,
  audience: Audience,
): Promise<number> {
  const owners = [
    ...(audience.unitId ? [{ unitId: audience.unitId }] : []),
    ...(audience.organisationIds?.length ? [{ organisationId: { $in: [...audience.organisationIds] } }] : []),
  ];
  if (owners.length === 0) return 0;
  const clients = (await em.find(ApiClient, { revokedAt: null, $or: owners })).filter((client) =>
    client.scopes.includes(WEBHOOK_EVENTS[type].scope),
  );
  if (clients.length === 0) return 0;
  const endpoints = await em.find(WebhookEndpoint, {
    clientId: { $in: clients.map((c) => c.id) },
    deletedAt: null,
  });
  const body = JSON.stringify({ type, timestamp: event.occurredAt, data });
  let queued = 0;
  for (const endpoint of endpoints.filter((e) => e.events.includes(type))) {
    em.persist(
      em.create(WebhookDelivery, { endpointId: endpoint.id, eventType: type, sourceEventId: event.id, body }),
    );
    queued++;
  }
  await em.flush();
  return queued;
}

/** Remembers a declaration's unit and route organisations (review's events carry only its id). */
async function declarationAudience(
  em: EntityManager,
  declarationId: string | null | undefined,
  moreOrganisations: Array<string | null | undefined> = [],
): Promise<Audience | null> {
  if (!declarationId) return null;
  const known = await em.findOne(WebhookDeclaration, { declarationId });
  if (!known) return null;
  const added = moreOrganisations.filter((id): id is string => typeof id === 'string' && UUID.test(id));
  const merged = [...new Set([...known.organisationIds, ...added])];
  if (merged.length !== known.organisationIds.length) known.organisationIds = merged;
  return { unitId: known.unitId, organisationIds: known.organisationIds };
}

const statusChanged = (
  em: EntityManager,
  event: EventEnvelope,
  declarationId: string,
  change: string,
  at: string,
  organisations: Array<string | null | undefined>,
) =>
  declarationAudience(em, declarationId, organisations).then(
    (audience) =>
      audience &&
      queueDeliveries(em, event, 'declaration.status_changed', { declarationId, change, at }, audience),
  );

/** What identity takes from the event stream for webhooks (merged with its other handlers). */
export const webhookHandlers = {
  DeclarationSubmitted: async (em: EntityManager, event: EventEnvelope<'DeclarationSubmitted'>) => {
    const p = event.payload;
    const organisationIds = p.route
      .map((level) => level.organisationId)
      .filter((id): id is string => typeof id === 'string' && UUID.test(id));
    await em.upsert(WebhookDeclaration, {
      declarationId: p.declarationId,
      unitId: p.unitId,
      organisationIds,
    });
    await statusChanged(em, event, p.declarationId, 'SUBMITTED', p.submittedAt, []);
  },
  DeclarationReturned: (em: EntityManager, e: EventEnvelope<'DeclarationReturned'>) =>
    statusChanged(em, e, e.payload.declarationId, 'RETURNED', e.payload.returnedAt, [
      e.payload.organisationId,
    ]).then(() => undefined),
  DeclarationAdvanced: (em: EntityManager, e: EventEnvelope<'DeclarationAdvanced'>) =>
    statusChanged(em, e, e.payload.declarationId, 'ADVANCED', e.payload.advancedAt, [
      e.payload.organisationId,
    ]).then(() => undefined),
  DeclarationMaterialsApproved: (em: EntityManager, e: EventEnvelope<'DeclarationMaterialsApproved'>) =>
    statusChanged(em, e, e.payload.declarationId, 'MATERIALS_APPROVED', e.payload.approvedAt, [
      e.payload.organisationId,
    ]).then(() => undefined),
  DeclarationFinallyApproved: (em: EntityManager, e: EventEnvelope<'DeclarationFinallyApproved'>) =>
    statusChanged(em, e, e.payload.declarationId, 'FINALLY_APPROVED', e.payload.approvedAt, [
      e.payload.committee?.organisationId,
      e.payload.talent?.decidedBy.organisationId,
    ]).then(() => undefined),
  DeclarationTerminated: (em: EntityManager, e: EventEnvelope<'DeclarationTerminated'>) =>
    statusChanged(em, e, e.payload.declarationId, 'TERMINATED', e.payload.terminatedAt, [
      e.payload.organisationId,
    ]).then(() => undefined),
  DeclarationDeferred: (em: EntityManager, e: EventEnvelope<'DeclarationDeferred'>) =>
    statusChanged(em, e, e.payload.declarationId, 'DEFERRED', e.payload.deferredAt, [
      e.payload.committee?.organisationId,
    ]).then(() => undefined),
  BindingRequestClosed: async (em: EntityManager, e: EventEnvelope<'BindingRequestClosed'>) => {
    const p = e.payload;
    if (p.outcome === 'WITHDRAWN') return;
    await queueDeliveries(
      em,
      e,
      'binding.decided',
      { bindingId: p.bindingId, outcome: p.outcome, decidedAt: p.closedAt },
      { unitId: p.unitId },
    );
  },
  CertificateIssued: async (em: EntityManager, e: EventEnvelope<'CertificateIssued'>) => {
    const p = e.payload;
    const audience = await declarationAudience(em, p.declarationId);
    if (audience)
      await queueDeliveries(
        em,
        e,
        'certificate.issued',
        {
          certificateId: p.certificateId,
          number: p.number,
          declarationId: p.declarationId,
          issuedAt: p.issuedAt,
        },
        audience,
      );
  },
  CertificateRevoked: async (em: EntityManager, e: EventEnvelope<'CertificateRevoked'>) => {
    const p = e.payload;
    const audience = await declarationAudience(em, p.declarationId);
    if (audience)
      await queueDeliveries(
        em,
        e,
        'certificate.revoked',
        {
          certificateId: p.certificateId,
          number: p.number,
          declarationId: p.declarationId,
          replacedByCertificateId: p.replacedByCertificateId ?? null,
          revokedAt: p.revokedAt,
        },
        audience,
      );
  },
};

// ---- the delivery worker --------------------------------------------------------------------------

/** One POST to the receiver; the socket's own lookup refuses private addresses (DNS rebinding). */
export function postSigned(
  url: string,
  headers: Record<string, string>,
  body: string,
  settings: Pick<WebhookSettings, 'allowLoopback' | 'timeoutMs'>,
): Promise<{ statusCode: number }> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An IP literal skips the lookup: check it here.
  if (isIP(host) && !allowedAddress(host, settings.allowLoopback))
    return Promise.reject(new RefusedAddressError(host));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup: checkedLookup(settings.allowLoopback),
        timeout: settings.timeoutMs,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'zhicheng-webhooks/1',
        },
      },
      (response) => {
        // The answer's body does not matter; redirects are not followed (a 3xx is a failure).
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

const LEASE_SECONDS = 120;
const BATCH = 20;

/** Why a delivery failed, in words for the delivery log (no stack, no internal detail). */
function failureText(error: unknown): string {
  if (error instanceof RefusedAddressError) return '接收地址解析到本机、内网或保留地址，已拒绝投递';
  const message = error instanceof Error ? error.message : String(error);
  if (/no answer within/.test(message)) return '接收方未在规定时间内应答（超时）';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return '无法解析接收地址的域名';
  if (/ECONNREFUSED/.test(message)) return '接收方拒绝连接';
  return '连接接收方失败';
}

/**
 * Sends every delivery that is due (several replicas may run this: rows are claimed with
 * SKIP LOCKED and leased). Answers how many were attempted.
 */
export async function deliverDue(
  orm: MikroORM,
  cipher: DataCipher,
  settings: WebhookSettings,
  logger: Logger,
): Promise<number> {
  const claimed = await orm.em.fork().transactional(async (tx) => {
    const rows: Array<{ id: string }> = await tx.getConnection().execute(
      `select id from "${String(orm.config.get('schema'))}".webhook_delivery
          where status = 'PENDING' and next_attempt_at <= now()
          order by next_attempt_at limit ${BATCH} for update skip locked`,
      [],
      'all',
      tx.getTransactionContext(),
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.nativeUpdate(
      WebhookDelivery,
      { id: { $in: ids } },
      { nextAttemptAt: new Date(Date.now() + LEASE_SECONDS * 1000) },
    );
    return ids;
  });
  await Promise.all(claimed.map((id) => attempt(orm.em.fork(), id, cipher, settings, logger)));
  return claimed.length;
}

async function attempt(
  em: EntityManager,
  id: string,
  cipher: DataCipher,
  settings: WebhookSettings,
  logger: Logger,
): Promise<void> {
  const delivery = await em.findOneOrFail(WebhookDelivery, { id });
  const endpoint = await em.findOne(WebhookEndpoint, { id: delivery.endpointId });
  const client = endpoint && (await em.findOne(ApiClient, { id: endpoint.clientId }));
  const started = Date.now();
  let result: WebhookAttempt;
  if (!endpoint || endpoint.deletedAt || !client || client.revokedAt) {
    result = {
      at: new Date().toISOString(),
      statusCode: null,
      error: '接收地址已删除或客户端已吊销',
      durationMs: 0,
    };
    delivery.attempts = [...delivery.attempts, result];
    delivery.status = 'FAILED';
    delivery.nextAttemptAt = null;
    await em.flush();
    return;
  }
  try {
    const secret = cipher.decrypt(endpoint.secretSealed, endpoint.id);
    const headers = signedHeaders(secret, delivery.id, Math.floor(Date.now() / 1000), delivery.body);
    const { statusCode } = await postSigned(endpoint.url, headers, delivery.body, settings);
    result = {
      at: new Date(started).toISOString(),
      statusCode,
      error: statusCode >= 200 && statusCode < 300 ? null : `接收方应答 HTTP ${statusCode}`,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    result = {
      at: new Date(started).toISOString(),
      statusCode: null,
      error: failureText(error),
      durationMs: Date.now() - started,
    };
  }
  delivery.attemptCount += 1;
  // The log keeps the newest attempts (a redelivered message may be tried many times).
  delivery.attempts = [...delivery.attempts, result].slice(-50);
  if (result.error === null) {
    delivery.status = 'DELIVERED';
    delivery.deliveredAt = new Date();
    delivery.nextAttemptAt = null;
    endpoint.failingSince = null;
  } else {
    // attemptCount counts since the delivery was (re)queued: a redelivery starts the schedule again.
    const wait = settings.retryScheduleSeconds[delivery.attemptCount - 1];
    if (wait === undefined) {
      delivery.status = 'FAILED';
      delivery.nextAttemptAt = null;
      endpoint.failingSince ??= new Date();
      logger.warn(
        { deliveryId: delivery.id, endpointId: endpoint.id },
        'webhook delivery failed after its retries',
      );
    } else delivery.nextAttemptAt = new Date(Date.now() + wait * 1000);
  }
  await em.flush();
}

/** Deletes delivered and failed deliveries created before the retention; answers how many went. */
export async function purgeOldDeliveries(
  em: EntityManager,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  return em.nativeDelete(WebhookDelivery, {
    status: { $in: ['DELIVERED', 'FAILED'] },
    createdAt: { $lt: before },
  });
}

const PURGE_EVERY_MS = 6 * 3600 * 1000;

/** Runs the worker every `pollMs` until stopped (and purges old deliveries every six hours). */
export function startWebhookWorker(
  orm: MikroORM,
  cipher: DataCipher,
  settings: WebhookSettings,
  options: { pollMs: number; retentionDays: number },
  logger: Logger,
): { stop(): Promise<void>; runOnce(): Promise<number> } {
  const { pollMs } = options;
  const purge = setInterval(() => {
    purgeOldDeliveries(orm.em.fork(), options.retentionDays).catch((error) =>
      logger.warn({ err: error }, 'purging old webhook deliveries failed'),
    );
  }, PURGE_EVERY_MS);
  purge.unref();
  // Rounds never overlap in one process; a round asked for while one runs follows it.
  let last: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const runOnce = () => {
    last = last.then(() =>
      deliverDue(orm, cipher, settings, logger).catch((error) => {
        logger.warn({ err: error }, 'webhook worker round failed');
        return 0;
      }),
    );
    return last;
  };
  let busy = false;
  const timer = setInterval(() => {
    if (stopped || busy) return;
    busy = true;
    void runOnce().finally(() => {
      busy = false;
    });
  }, pollMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(purge);
      await last;
    },
  };
}
