// What the two bureau audits share: the queue of a bureau and the decision's guards.
import { LockMode } from '@mikro-orm/core';
import { appError, badUserInput, ErrorCode, type EntityManager } from '@zhicheng/server-kit';
import { isUuid, opinionProblems } from '../domain/applications';
import { ApplicationStatus, HistoricalRegistration, ReissueApplication } from '../entities';
import type { Auditor } from './access';

export const MAX_PAGE = 100;

export const applicationNotFound = () =>
  appError(ErrorCode.NOT_FOUND, '申请不存在或不属于您所在地区的审核范围', {
    reason: 'APPLICATION_NOT_FOUND',
  });

export const alreadyDecided = (status: ApplicationStatus) =>
  appError(
    ErrorCode.CONFLICT,
    status === ApplicationStatus.WITHDRAWN
      ? '申请人已撤回该申请，请刷新后查看'
      : '该申请已被处理，请刷新后查看',
    { reason: 'ALREADY_DECIDED', status },
  );

export function pageProblems(first: number, offset: number) {
  const problems = [];
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    problems.push({ field: 'first', code: 'PAGE_SIZE', message: `每页条数应为1至${MAX_PAGE}` });
  if (!Number.isInteger(offset) || offset < 0)
    problems.push({ field: 'offset', code: 'INVALID_OFFSET', message: '页码位置不能为负数' });
  if (problems.length) throw badUserInput(problems);
}

/** A bureau's queue: its applications (of a status, or all), oldest pending first. */
export async function auditQueue<T extends ReissueApplication | HistoricalRegistration>(
  em: EntityManager,
  entity: new () => T,
  auditor: Auditor,
  status: ApplicationStatus | null | undefined,
  first: number,
  offset: number,
): Promise<{ items: T[]; totalCount: number }> {
  pageProblems(first, offset);
  const where = {
    auditOrganisationId: auditor.organisationId,
    ...(status ? { status } : {}),
  } as never;
  const [items, totalCount] = await em.findAndCount(entity, where, {
    orderBy:
      status === ApplicationStatus.PENDING
        ? { submittedAt: 'asc', id: 'asc' }
        : { submittedAt: 'desc', id: 'asc' },
    limit: first,
    offset,
  } as never);
  return { items, totalCount };
}

/**
 * The application an auditor decides, locked: another region's (or an unknown id) is NOT_FOUND,
 * a decided or withdrawn one CONFLICT; the opinion is checked first (all problems at once).
 */
export async function lockForDecision<T extends ReissueApplication | HistoricalRegistration>(
  em: EntityManager,
  entity: new () => T,
  auditor: Auditor,
  id: string,
  approve: boolean,
  opinion: string | null | undefined,
): Promise<T> {
  const problems = opinionProblems(approve, opinion);
  if (problems.length) throw badUserInput(problems);
  if (!isUuid(id)) throw applicationNotFound();
  const row = (await em.findOne(
    entity,
    { id } as never,
    { lockMode: LockMode.PESSIMISTIC_WRITE } as never,
  )) as T | null;
  if (!row || row.auditOrganisationId !== auditor.organisationId) throw applicationNotFound();
  if (row.status !== ApplicationStatus.PENDING) throw alreadyDecided(row.status);
  return row;
}

export function recordDecision(
  row: ReissueApplication | HistoricalRegistration,
  auditor: Auditor,
  approve: boolean,
  opinion: string | null | undefined,
  now: Date,
) {
  row.status = approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
  row.decidedAt = now;
  row.decidedById = auditor.accountId;
  row.decidedByName = auditor.name;
  row.opinion = (opinion ?? '').trim() || (approve ? '审核通过' : null);
}
