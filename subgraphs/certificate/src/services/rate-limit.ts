import type { EntityManager } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in PostgreSQL (identity's pattern): one atomic upsert per hit, shared by
 * every replica.
 */
export async function hitRateLimit(
  em: EntityManager,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateDecision> {
  const rows: Array<{ hits: number; window_start: Date }> = await em.getConnection().execute(
    `insert into ${DB_SCHEMA}.rate_limit_bucket (key, window_start, hits) values (?, now(), 1)
     on conflict (key) do update set
       hits = case when rate_limit_bucket.window_start < now() - make_interval(secs => ?) then 1 else rate_limit_bucket.hits + 1 end,
       window_start = case when rate_limit_bucket.window_start < now() - make_interval(secs => ?) then now() else rate_limit_bucket.window_start end
     returning hits, window_start`,
    [key, windowSeconds, windowSeconds],
  );
  const { hits, window_start } = rows[0];
  const elapsed = (Date.now() - new Date(window_start).getTime()) / 1000;
  return { allowed: hits <= limit, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)) };
}
