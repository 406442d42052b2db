import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers } from '@zhicheng/events';
import type { Logger } from '@zhicheng/server-kit';
import type { EntityManager as PgEntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { AccountHolder, DeclarationFact } from '../entities';
import { issueIfReady } from '../services/issue';

/** The name under which certificate consumes events (its position in the stream and its inbox). */
export const CONSUMER_NAME = 'certificate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * DeclarationSubmitted gives the holder and the title (for 人才分类定级 the class and standard
 * applied for); DeclarationFinallyApproved the approval (its kind, and for TALENT_LEVEL the class
 * awarded and the deciding body).
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
    async PersonRegistered(em: EntityManager, event: EventEnvelope<'PersonRegistered'>) {
      const { personId, idType, idNumber, at } = event.payload;
      if (!UUID.test(personId)) {
        logger.error(describe(event), 'PersonRegistered with a malformed id ignored');
        return;
      }
      const since = new Date(at);
      const current = await em.findOne(AccountHolder, { personId });
      // A late, older event never replaces newer facts.
      if (current && current.since.getTime() > since.getTime()) return;
      if (current) em.assign(current, { idType, idNumber, since });
      else em.persist(em.create(AccountHolder, { personId, idType, idNumber, since }));
      await em.flush();
    },
    async DeclarationSubmitted(em: EntityManager, event: EventEnvelope<'DeclarationSubmitted'>) {
      const p = event.payload;
      if (!UUID.test(p.declarationId) || !UUID.test(p.personId)) {
        logger.error(describe(event), 'DeclarationSubmitted with malformed ids ignored');
        return;
      }
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
          talentLevelCode: p.talent?.levelCode ?? null,
          talentStandard: p.talent?.standardText ?? null,
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
            'talentLevelCode',
            'talentStandard',
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
      const talent = p.kind === 'TALENT_LEVEL' ? p.talent : null;
      if (p.kind === 'TALENT_LEVEL' && !talent?.levelName) {
        logger.error(describe(event), 'talent-level approval without the class awarded ignored');
        return;
      }
      await em.upsert(
        DeclarationFact,
        {
          declarationId: p.declarationId,
          approvedAt: new Date(p.approvedAt),
          // 人才分类定级: the body that decided stands where a title's committee does (认定机构).
          committeeName: talent ? talent.decidedBy.name : (p.committee?.name ?? null),
          kind: talent ? 'TALENT_LEVEL' : 'TITLE',
          awardedLevelCode: talent?.levelCode ?? null,
          awardedLevelName: talent?.levelName ?? null,
          updatedAt: new Date(),
        },
        {
          onConflictFields: ['declarationId'],
          onConflictMergeFields: [
            'approvedAt',
            'committeeName',
            'kind',
            'awardedLevelCode',
            'awardedLevelName',
            'updatedAt',
          ],
        },
      );
      const result = await issueIfReady(em as PgEntityManager, deps, p.declarationId);
      if (result === 'WAITING')
        logger.warn(describe(event), 'approval before its submission: certificate waits for it');
    },
  };
}
