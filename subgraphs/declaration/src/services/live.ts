// Live status (ARCHITECTURE §7): every status change announces itself in the transaction that
// makes it (publishLive → pg_notify), so subscribers hear of it only once it is committed and
// never of a change that rolled back. The notice is small; clients refetch what they show.
import { isResync, publishLive, type LiveMessage, type LivePayloads } from '@zhicheng/live';
import {
  ApiScope,
  assertClientScope,
  notFound,
  requirePrincipal,
  type AuthResult,
  type EntityManager,
} from '@zhicheng/server-kit';
import { Declaration, type DeclarationStatus } from '../entities';
import { isUuid } from '../loaders';
import { canRead, DECLARATION_NOT_FOUND } from './access';
import { STATUS_WORDS } from './rules';

/** The DECLARATION_STATUS notice of a declaration as it is now. */
export function statusPayload(declaration: Declaration, at: Date): LivePayloads['DECLARATION_STATUS'] {
  return {
    declarationId: declaration.id,
    applicantId: declaration.applicantId,
    status: declaration.status,
    statusText: STATUS_WORDS[declaration.status as DeclarationStatus],
    at: at.toISOString(),
  };
}

/** Announces the declaration's status to live subscribers; call inside the change's transaction. */
export async function announceStatus(em: EntityManager, declaration: Declaration, at: Date): Promise<void> {
  await publishLive(em, 'DECLARATION_STATUS', statusPayload(declaration, at));
}

/**
 * Who may follow a declaration's status: whoever may read it (the applicant; its unit's legal
 * person and agents and the reviewers once submitted). Anyone else hears NOT_FOUND, as the
 * declaration query answers, and nothing is streamed to them.
 */
export async function assertMayFollow(em: EntityManager, auth: AuthResult, id: string): Promise<void> {
  const principal = requirePrincipal(auth);
  // A third-party client follows with declarations:subscribe (its own unit's or region's only).
  assertClientScope(principal, ApiScope.DECLARATIONS_SUBSCRIBE);
  const declaration = isUuid(id) ? await em.fork().findOne(Declaration, { id, deletedAt: null }) : null;
  if (!declaration || !canRead(principal, declaration, ApiScope.DECLARATIONS_SUBSCRIBE))
    throw notFound(DECLARATION_NOT_FOUND);
}

/** What a subscriber receives: the notice as sent, or (after a resync) the status read afresh. */
export async function statusEventOf(
  em: EntityManager,
  id: string,
  message: LiveMessage<'DECLARATION_STATUS'>,
): Promise<LivePayloads['DECLARATION_STATUS']> {
  if (!isResync(message)) return message;
  const declaration = await em.fork().findOne(Declaration, { id, deletedAt: null });
  if (!declaration) throw notFound(DECLARATION_NOT_FOUND);
  return statusPayload(declaration, declaration.statusChangedAt ?? declaration.updatedAt);
}
