import type { EntityManager } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';

/** How many wrong passwords pass freely, and how the delay grows after them. */
export interface DelayPolicy {
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** The throttle key of an existing account (per-address keys append `|ip:…`). */
export const accountThrottleKey = (kind: string, id: string) => `acct:${kind}:${id}`;

/** Failures older than this are forgotten: the count starts again. */
const MEMORY_SECONDS = 24 * 3600;

/**
 * Escalating delays instead of a lock-out (NIST SP 800-63B §5.2.2 throttling): after the free
 * attempts each wrong password doubles the wait before the next attempt is checked, up to a cap.
 * Nothing locks: an attacker guessing from one address delays only that address for the
 * account (see signIn's keys), never the owner, and the account-wide count starts much later.
 */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.freeAttempts) return 0;
  const doublings = Math.min(failures - policy.freeAttempts, 30);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** doublings);
}

/** Seconds to wait before an attempt on any of `keys` may be checked (0: go ahead). */
export async function throttleWait(em: EntityManager, keys: string[]): Promise<number> {
  const rows: Array<{ wait: string | number | null }> = await em
    .getConnection()
    .execute(
      `select ceil(extract(epoch from max(retry_at) - now())) as wait from ${DB_SCHEMA}.sign_in_throttle where key in (?) and retry_at > now()`,
      [keys],
    );
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

/**
 * Counts one wrong password on each key in one statement per key (parallel guesses cannot lose
 * counts) and returns the longest wait it started.
 */
export async function recordFailure(
  em: EntityManager,
  entries: Array<{ key: string; policy: DelayPolicy }>,
): Promise<number> {
  let wait = 0;
  for (const { key, policy } of entries) {
    const rows: Array<{ failures: number }> = await em.getConnection().execute(
      `insert into ${DB_SCHEMA}.sign_in_throttle (key, failures, last_failure_at, retry_at) values (?, 1, now(), now())
       on conflict (key) do update set
         failures = case when sign_in_throttle.last_failure_at < now() - make_interval(secs => ?) then 1 else sign_in_throttle.failures + 1 end,
         last_failure_at = now()
       returning failures`,
      [key, MEMORY_SECONDS],
    );
    const seconds = delayAfter(rows[0].failures, policy);
    if (seconds > 0) {
      await em
        .getConnection()
        .execute(
          `update ${DB_SCHEMA}.sign_in_throttle set retry_at = now() + make_interval(secs => ?) where key = ?`,
          [seconds, key],
        );
    }
    wait = Math.max(wait, seconds);
  }
  return wait;
}

/** Forgets the failures of these keys (a successful sign-in). */
export async function clearFailures(em: EntityManager, keys: string[]): Promise<void> {
  await em.getConnection().execute(`delete from ${DB_SCHEMA}.sign_in_throttle where key in (?)`, [keys]);
}

/** Forgets every failure counted against an account (its password was reset). */
export async function clearAccountFailures(em: EntityManager, accountKey: string): Promise<void> {
  await em
    .getConnection()
    .execute(`delete from ${DB_SCHEMA}.sign_in_throttle where key = ? or starts_with(key, ?)`, [
      accountKey,
      `${accountKey}|`,
    ]);
}
