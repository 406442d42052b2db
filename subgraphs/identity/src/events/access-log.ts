import type { MikroORM } from '@mikro-orm/core';
import type { EventHandlers } from '@zhicheng/events';
import type { Logger } from '@zhicheng/server-kit';
import {
  onBindingRequestClosed,
  onBindingRequested,
  purgeExpiredAccessLog,
  recordPersonalDataViewed,
} from '../domain/access-log';

/** What identity takes from other subgraphs' events: the access log and pending binding requests. */
export const accessLogHandlers: EventHandlers = {
  PersonalDataViewed: async (em, event) => {
    await recordPersonalDataViewed(em, event);
  },
  BindingRequested: onBindingRequested,
  BindingRequestClosed: onBindingRequestClosed,
};

const PURGE_EVERY_MS = 6 * 3600 * 1000;

/** Deletes expired access-log lines now and every six hours (any replica may; deletes are idempotent). */
export function startAccessLogPurge(orm: MikroORM, retentionDays: number, logger: Logger): { stop(): void } {
  const run = () =>
    purgeExpiredAccessLog(orm.em.fork(), retentionDays)
      .then((count) => count && logger.info({ count }, 'expired access-log lines purged'))
      .catch((error) => logger.warn({ err: error }, 'purging the access log failed'));
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, PURGE_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
