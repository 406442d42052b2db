import {
  appError,
  conflict,
  ErrorCode,
  notFound,
  requireRole,
  Role,
  type AuthResult,
  type Principal,
  type EntityManager,
} from '@zhicheng/server-kit';
import type { ChannelConfig } from '../domain';
import { Channel, Declaration, Notice, NoticeStatus } from '../entities';
import { isUuid } from '../loaders';
import { committeeServes, isOpen, type CommitteeQuery } from './coverage';
import { checkNoticeInput, publishProblems, type NoticeInputLike } from './notice-input';

/** Staff of a bureau (人社部门) manage notices. */
export const requireBureau = (auth: AuthResult) => requireRole(auth, Role.BUREAU_REVIEWER);

/**
 * Only the bureau that issued a notice changes or publishes it: another bureau (a county's staff
 * and the province's notice, say) could otherwise rewrite its route and skip levels of review.
 */
function requireNoticeOwner(principal: Principal, notice: Notice): void {
  if (!notice.ownerOrganisationId || notice.ownerOrganisationId !== principal.organisationId)
    throw appError(ErrorCode.FORBIDDEN, '只有发布该通知的人社部门可以修改或发布它', {
      reason: 'NOT_NOTICE_OWNER',
    });
}

const routeKey = (route: Notice['route']) =>
  JSON.stringify(route.map((level) => [level.level, level.organisationId ?? null]));

const canSeeDrafts = (auth: AuthResult) => Boolean(auth.principal?.roles.includes(Role.BUREAU_REVIEWER));

async function channelConfig(em: EntityManager, code: string): Promise<ChannelConfig | null> {
  const channel = await em.findOne(Channel, { code });
  return channel?.config ?? null;
}

export async function createNotice(
  em: EntityManager,
  auth: AuthResult,
  input: NoticeInputLike,
): Promise<Notice> {
  const principal = requireBureau(auth);
  const draft = checkNoticeInput(input, await channelConfig(em, input.channelCode));
  const notice = em.create(Notice, {
    ...draft,
    channel: em.getReference(Channel, draft.channelCode),
    createdBy: principal.accountId,
    ownerOrganisationId: principal.organisationId ?? null,
  });
  await em.persistAndFlush(notice);
  return notice;
}

export async function updateNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  input: NoticeInputLike,
): Promise<Notice> {
  const principal = requireBureau(auth);
  const notice = isUuid(id) ? await em.findOne(Notice, { id }) : null;
  if (!notice) throw notFound('通知不存在');
  requireNoticeOwner(principal, notice);
  const draft = checkNoticeInput(input, await channelConfig(em, input.channelCode));
  if (draft.channelCode !== notice.channel.code && (await em.count(Declaration, { notice })) > 0)
    throw conflict('该通知下已有申报，不能更换申报通道');
  // Declarations already follow the published route; a changed one would move them between
  // reviewers (or past one) mid-review.
  if (notice.status === NoticeStatus.PUBLISHED && routeKey(draft.route) !== routeKey(notice.route))
    throw appError(ErrorCode.CONFLICT, '通知已发布，审核流程不能再修改；如需调整，请发布新的通知', {
      reason: 'ROUTE_LOCKED',
    });
  const { channelCode, ...rest } = draft;
  em.assign(notice, { ...rest, channel: em.getReference(Channel, channelCode) });
  if (notice.status === NoticeStatus.PUBLISHED) {
    const channel = await channelConfig(em, channelCode);
    publishProblems(notice, channel!).throwIfAny();
  }
  await em.flush();
  return notice;
}

export async function publishNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  now: Date,
): Promise<Notice> {
  const principal = requireBureau(auth);
  const notice = isUuid(id) ? await em.findOne(Notice, { id }, { populate: ['channel'] }) : null;
  if (!notice) throw notFound('通知不存在');
  requireNoticeOwner(principal, notice);
  if (notice.status === NoticeStatus.PUBLISHED) return notice;
  publishProblems(notice, notice.channel.getEntity().config).throwIfAny();
  notice.status = NoticeStatus.PUBLISHED;
  notice.publishedAt = now;
  await em.flush();
  return notice;
}

/** Published notices for everyone; bureau staff also see drafts. Newest window first. */
export async function listNotices(
  em: EntityManager,
  auth: AuthResult,
  filter: { channelCode?: string | null; openOnly?: boolean | null },
  now: Date,
): Promise<Notice[]> {
  const where: Record<string, unknown> = {};
  if (!canSeeDrafts(auth) || filter.openOnly) where.status = NoticeStatus.PUBLISHED;
  if (filter.channelCode) where.channel = filter.channelCode;
  if (filter.openOnly) {
    where.opensAt = { $lte: now };
    where.closesAt = { $gt: now };
  }
  return em.find(Notice, where, { orderBy: { opensAt: 'desc', createdAt: 'desc' } });
}

/** A notice the caller may see (drafts only for bureau staff), else null. */
export function visibleNotice(auth: AuthResult, notice: Notice | null): Notice | null {
  if (!notice) return null;
  return notice.status === NoticeStatus.PUBLISHED || canSeeDrafts(auth) ? notice : null;
}

/**
 * The committees of an open notice that review this region, level and specialty. Empty when the
 * notice is closed or none fits: the UI says 未查到相关的评委会.
 */
export function committeesFor(notice: Notice, query: CommitteeQuery, now: Date) {
  if (!isOpen(notice, now)) return [];
  return notice.committees.filter((c) => committeeServes(c, query));
}
