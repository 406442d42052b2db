// 常用意见: the common opinions every reviewer can pick, and each reviewer's own saved ones.
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { appError, badUserInput, ErrorCode, notFound, type AuthResult } from '@zhicheng/server-kit';
import { commonOpinionsFor, validateCustomOpinion, type OpinionKind } from '../domain';
import { ReviewerOpinion } from '../entities';
import { requireReviewer } from './access';
import { isUuid } from './ids';

export interface OpinionChoice {
  /** The built-in opinion's code, or the saved opinion's id. */
  id: string;
  kind: OpinionKind;
  text: string;
  /** True for the reviewer's own saved opinion (it may be deleted). */
  custom: boolean;
}

/** The common opinions of a kind, then the caller's own of that kind (oldest first). */
export async function commonOpinions(
  em: EntityManager,
  auth: AuthResult,
  kind: OpinionKind,
): Promise<OpinionChoice[]> {
  const actor = requireReviewer(auth);
  const own = await em.find(
    ReviewerOpinion,
    { accountId: actor.accountId, kind },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return [
    ...commonOpinionsFor(kind).map((o) => ({ id: o.code, kind, text: o.text, custom: false })),
    ...own.map((o) => ({ id: o.id, kind, text: o.text, custom: true })),
  ];
}

const DUPLICATE = '该意见已在您的常用意见中';

/** Saves one of the caller's own opinions (自定义意见); every problem at once. */
export async function saveCommonOpinion(
  em: EntityManager,
  auth: AuthResult,
  input: { kind: OpinionKind; text: string },
): Promise<OpinionChoice> {
  const actor = requireReviewer(auth);
  const existing = await em.find(ReviewerOpinion, { accountId: actor.accountId, kind: input.kind });
  const problems = validateCustomOpinion(
    input.text,
    existing.map((o) => o.text),
  );
  if (problems.length > 0) throw badUserInput(problems);
  const opinion = em.create(ReviewerOpinion, {
    accountId: actor.accountId,
    kind: input.kind,
    text: input.text.trim(),
  });
  try {
    await em.persistAndFlush(opinion);
  } catch (error) {
    // The same text saved twice at once: the unique index lets one in.
    if (error instanceof UniqueConstraintViolationException)
      throw badUserInput([{ field: 'text', code: 'OPINION_DUPLICATE', message: DUPLICATE }]);
    throw error;
  }
  return { id: opinion.id, kind: opinion.kind, text: opinion.text, custom: true };
}

/** Deletes one of the caller's own opinions; another reviewer's does not exist for them. */
export async function deleteCommonOpinion(em: EntityManager, auth: AuthResult, id: string): Promise<string> {
  const actor = requireReviewer(auth);
  if (!isUuid(id))
    throw appError(ErrorCode.NOT_FOUND, '该意见不存在或不是您保存的意见（内置常用意见不能删除）', {
      reason: 'OPINION_NOT_FOUND',
    });
  const opinion = await em.findOne(ReviewerOpinion, { id, accountId: actor.accountId });
  if (!opinion) throw notFound('该意见不存在或不是您保存的意见');
  await em.removeAndFlush(opinion);
  return id;
}
