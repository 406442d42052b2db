import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { EventPayloads, EventType } from './catalogue';

// These entities carry no schema: each subgraph's ORM puts them into its own PostgreSQL schema,
// so the outbox is written in the same transaction as that subgraph's state change.

/** An event waiting to be published (or already published, kept for tracing). */
@Entity({ tableName: 'outbox_event' })
@Index({
  name: 'outbox_event_unpublished_index',
  expression:
    'create index if not exists "outbox_event_unpublished_index" on "outbox_event" ("occurred_at") where "published_at" is null',
})
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'text' })
  type!: EventType;

  @Property({ type: 'jsonb' })
  payload!: EventPayloads[EventType];

  @Property({ type: 'timestamptz' })
  occurredAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Index({ name: 'outbox_event_published_at_index' })
  publishedAt?: Date | null;
}

/** An event a consumer has handled; the primary key makes redelivery a no-op. */
@Entity({ tableName: 'inbox_entry' })
export class InboxEntry {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'timestamptz' })
  handledAt: Opt<Date> = new Date();
}

export const eventEntities = [OutboxEvent, InboxEntry];

/** Schema names are code constants, never input; quoting still guards against typos. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * DDL for a subgraph's outbox and inbox, for its committed migration. Idempotent, so it can run
 * after statements the schema diff generated for the same entities; put it last. The trigger wakes the relay
 * at commit (NOTIFY is transactional) so events leave within milliseconds, not a poll interval.
 */
export function eventTablesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `create schema if not exists ${s};`,
    `create table if not exists ${s}."outbox_event" ("id" uuid not null, "type" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`,
    `create index if not exists "outbox_event_unpublished_index" on ${s}."outbox_event" ("occurred_at") where "published_at" is null;`,
    `create index if not exists "outbox_event_published_at_index" on ${s}."outbox_event" ("published_at");`,
    `create table if not exists ${s}."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "handled_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    `create or replace function ${s}."notify_outbox"() returns trigger language plpgsql as $$ begin perform pg_notify('zc_outbox', '${schema}'); return null; end $$;`,
    `drop trigger if exists "outbox_event_notify" on ${s}."outbox_event";`,
    `create trigger "outbox_event_notify" after insert on ${s}."outbox_event" for each statement execute function ${s}."notify_outbox"();`,
  ];
}
