import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers } from '@zhicheng/events';
import type { Logger } from '@zhicheng/server-kit';
import type { EntityManager as PgEntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { DeclarationFact } from '../entities';
import { issueIfReady } from '../services/issue';

/** The name under which certificate consumes events (its position in the stream and its inbox). */
export const CONSUMER_NAME = 'certificate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * DeclarationSubmitted gives the holder and the title; DeclarationFinallyApproved the approval.
 * Both are kept as certificate's own read model (declaration_fact) and the certificate is issued
 * when both are there, whichever came first. The consumer's inbox skips a redelivered event;
 * issueIfReady skips a declaration that already has its certificate (a replay under a new id).
 */
export function certificateHandlers(
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
  logger: Logger,
): EventHandlers {
  const describe = (event: EventEnvelope) => ({ eventId: event.id, type: event.type, source: event.source });
  return {
    async DeclarationSubmitted(em: EntityManager, event: EventEnvelope<'DeclarationSubmitted'>) {
      const p = event.payload;
      if (!UUID.test(p.declarationId) || !UUID.test(p.personId)) {
        logger.error(describe(event), 'DeclarationSubmitted with malformed ids ignored');
        return;
      }
      // Talent classification (材料审核通过) never reaches 终审通过 here; its facts cost one row.
      await em.upsert(
        DeclarationFact,
        {
          declarationId: p.declarationId,
          personId: p.personId,
          holderName: p.applicantName,
          idNumberMasked: p.applicantIdNumberMasked ?? null,
          channelCode: p.channelCode,
          titleName: p.title.titleName,
          seriesName: p.title.seriesName ?? null,
          specialtyName: p.title.specialtyName ?? null,
          levelName: p.title.levelName,
          submittedAt: new Date(p.submittedAt),
          updatedAt: new Date(),
        },
        {
          onConflictFields: ['declarationId'],
          onConflictMergeFields: [
            'personId',
            'holderName',
            'idNumberMasked',
            'channelCode',
            'titleName',
            'seriesName',
            'specialtyName',
            'levelName',
            'submittedAt',
            'updatedAt',
          ],
        },
      );
      const result = await issueIfReady(em as PgEntityManager, deps, p.declarationId);
      if (result === 'ISSUED')
        logger.info(describe(event), 'certificate issued (approval had arrived first)');
    },
    async DeclarationFinallyApproved(em: EntityManager, event: EventEnvelope<'DeclarationFinallyApproved'>) {
      const p = event.payload;
      if (!UUID.test(p.declarationId)) {
        logger.error(describe(event), 'DeclarationFinallyApproved with a malformed id ignored');
        return;
      }
      await em.upsert(
        DeclarationFact,
        {
          declarationId: p.declarationId,
          approvedAt: new Date(p.approvedAt),
          committeeName: p.committee?.name ?? null,
          updatedAt: new Date(),
        },
        {
          onConflictFields: ['declarationId'],
          onConflictMergeFields: ['approvedAt', 'committeeName', 'updatedAt'],
        },
      );
      const result = await issueIfReady(em as PgEntityManager, deps, p.declarationId);
      if (result === 'WAITING')
        logger.warn(describe(event), 'approval before its submission: certificate waits for it');
    },
  };
}
