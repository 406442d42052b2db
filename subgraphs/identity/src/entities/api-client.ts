import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** Whose system a client is: a unit's (its legal person manages it) or an organisation's (bureau staff). */
export type ApiClientOwnerKind = 'UNIT' | 'ORGANISATION';

/**
 * A third-party system's OAuth 2.0 client (client credentials grant, RFC 6749 §4.4). The secret is
 * shown once and kept only as a keyed hash (it is 32 random bytes, so a fast hash is enough).
 */
@Entity({ tableName: 'api_client' })
@Index({ properties: ['unitId'] })
@Index({ properties: ['organisationId'] })
export class ApiClient {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  ownerKind!: ApiClientOwnerKind;

  @Property({ type: 'uuid', nullable: true })
  unitId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string | null;

  /** The scopes it may ask for (server-kit ApiScope). */
  @Property({ type: 'jsonb' })
  scopes!: string[];

  /** HMAC-SHA256 of the secret under a key derived from IDENTITY_DATA_KEY. */
  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  /** The secret's last four characters, so people can tell which one a system holds. */
  @Property({ type: 'text' })
  secretHint!: string;

  /** The account (legal person or staff) that created it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  secretRotatedAt: Opt<Date> = new Date();

  /** The last token issued to it. */
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  /** Revoked clients get no token, and the tokens they hold are refused from then on. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}

/** Where a client wants events sent (Standard Webhooks), and which events. */
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['clientId'] })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'uuid' })
  clientId!: string;

  @Property({ type: 'text' })
  url!: string;

  /** Webhook event types (domain/webhooks.ts WEBHOOK_EVENTS). */
  @Property({ type: 'jsonb' })
  events!: string[];

  /** `whsec_…`, sealed with IDENTITY_DATA_KEY (bound to the endpoint id). */
  @Property({ type: 'text', hidden: true })
  secretSealed!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  /** Set when a delivery used up its retries; cleared by the next successful one. */
  @Property({ type: 'timestamptz', nullable: true })
  failingSince?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookAttempt {
  at: string;
  /** The receiver's HTTP status, or null when none came (refused address, timeout, network). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One event for one endpoint: the webhooks' transactional outbox. Written in the same transaction
 * as the consumer's inbox row, so an event is queued exactly once; the worker sends it with
 * backoff and keeps every attempt (the delivery log).
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['endpointId', 'createdAt'] })
@Unique({ properties: ['endpointId', 'sourceEventId'] })
export class WebhookDelivery {
  /** Also the `webhook-id` header (the same on every retry, so receivers deduplicate). */
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'uuid' })
  endpointId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  /** The platform event it came from (its id in the event stream). */
  @Property({ type: 'text' })
  sourceEventId!: string;

  /** The JSON body, exactly as signed and sent. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  status: Opt<WebhookDeliveryStatus> = 'PENDING';

  @Property({ type: 'int' })
  attemptCount: Opt<number> = 0;

  @Property({ type: 'jsonb' })
  attempts: Opt<WebhookAttempt[]> = [];

  /** When the worker sends it next (null once delivered or failed). */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null = new Date();

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}

/**
 * What webhooks need to know of a declaration to route review's events (which carry only its id):
 * its unit, and every organisation that has had it on its route (a bureau's region).
 */
@Entity({ tableName: 'webhook_declaration' })
export class WebhookDeclaration {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'jsonb' })
  organisationIds!: string[];
}
