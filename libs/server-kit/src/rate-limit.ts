import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A fixed-window counter shared by all replicas of a subgraph; each subgraph that limits rates
 * lists it among its entities, so the table lives in that subgraph's own schema.
 */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'int' })
  hits!: number;
}

export interface RateDecision {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit for `key` in the current window: one atomic upsert in PostgreSQL, so every
 * replica shares the count. Small enough not to need a library; a Redis limiter can replace it at
 * scale.
 */
export async function hitRateLimit(
  em: EntityManager,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateDecision> {
  const table = `"${em.config.get('schema')}".rate_limit_bucket`;
  const rows: Array<{ hits: number; window_start: Date }> = await em.getConnection().execute(
    `insert into ${table} as bucket (key, window_start, hits) values (?, now(), 1)
     on conflict (key) do update set
       hits = case when bucket.window_start < now() - make_interval(secs => ?) then 1 else bucket.hits + 1 end,
       window_start = case when bucket.window_start < now() - make_interval(secs => ?) then now() else bucket.window_start end
     returning hits, window_start`,
    [key, windowSeconds, windowSeconds],
  );
  const { hits, window_start } = rows[0];
  const elapsed = (Date.now() - new Date(window_start).getTime()) / 1000;
  return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)) };
}
