import {
  appError,
  badUserInput,
  conflict,
  ErrorCode,
  notFound,
  requireRole,
  Role,
  type AuthResult,
  type Principal,
  type EntityManager,
} from '@zhicheng/server-kit';
import { Channel, Declaration, Notice, NoticeStatus } from '../entities';
import { isUuid } from '../loaders';
import { committeeServes, isOpen, type CommitteeQuery } from './coverage';
import { formChangeProblems, throwIfBreaks } from './notice-impact';
import { checkNoticeInput, LIMITS, publishProblems, type NoticeInputLike } from './notice-input';

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

const channelRow = (em: EntityManager, code: string) =>
  typeof code === 'string' ? em.findOne(Channel, { code }) : Promise.resolve(null);

/** The notice `id` that the caller's bureau issued (NOT_FOUND / FORBIDDEN otherwise). */
async function ownNotice(em: EntityManager, auth: AuthResult, id: string): Promise<Notice> {
  const principal = requireBureau(auth);
  const notice = isUuid(id) ? await em.findOne(Notice, { id }, { populate: ['channel'] }) : null;
  if (!notice) throw notFound('通知不存在');
  requireNoticeOwner(principal, notice);
  return notice;
}

export async function createNotice(
  em: EntityManager,
  auth: AuthResult,
  input: NoticeInputLike,
): Promise<Notice> {
  const principal = requireBureau(auth);
  const channel = await channelRow(em, input.channelCode);
  const draft = checkNoticeInput(input, channel?.config ?? null, Boolean(channel?.retiredAt));
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
  const notice = await ownNotice(em, auth, id);
  const channel = await channelRow(em, input.channelCode);
  const moving = input.channelCode !== notice.channel.code;
  // A notice already on a retired channel may still be corrected; moving one onto it may not.
  const draft = checkNoticeInput(input, channel?.config ?? null, moving && Boolean(channel?.retiredAt));
  if (moving && (await em.count(Declaration, { notice })) > 0)
    throw conflict('该通知下已有申报，不能更换申报通道');
  // Declarations already follow the published route; a changed one would move them between
  // reviewers (or past one) mid-review.
  if (notice.status === NoticeStatus.PUBLISHED && routeKey(draft.route) !== routeKey(notice.route))
    throw appError(ErrorCode.CONFLICT, '通知已发布，审核流程不能再修改；如需调整，请发布新的通知', {
      reason: 'ROUTE_LOCKED',
    });
  throwIfBreaks(await formChangeProblems(em, notice.id, notice.formConfig, draft.formConfig));
  const { channelCode, ...rest } = draft;
  em.assign(notice, { ...rest, channel: em.getReference(Channel, channelCode) });
  if (notice.status === NoticeStatus.PUBLISHED) publishProblems(notice, channel!.config, null).throwIfAny();
  await em.flush();
  return notice;
}

/** Everything that keeps the notice from being published now (empty: it can be). */
export function noticePublishProblems(notice: Notice, channel: Channel, now: Date) {
  return [...publishProblems(notice, channel.config, now, Boolean(channel.retiredAt)).all];
}

export async function publishNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  now: Date,
): Promise<Notice> {
  const notice = await ownNotice(em, auth, id);
  if (notice.status === NoticeStatus.PUBLISHED) return notice;
  const problems = noticePublishProblems(notice, notice.channel.getEntity(), now);
  if (problems.length > 0) throw badUserInput(problems);
  notice.status = NoticeStatus.PUBLISHED;
  notice.publishedAt = now;
  await em.flush();
  return notice;
}

/** A new draft with everything an earlier notice says (any bureau may start from any notice). */
export async function copyNotice(em: EntityManager, auth: AuthResult, id: string): Promise<Notice> {
  const principal = requireBureau(auth);
  const source = isUuid(id) ? await em.findOne(Notice, { id }) : null;
  if (!source) throw notFound('通知不存在');
  const title = [...`${source.title}（复制）`].slice(0, LIMITS.title).join('');
  const copy = em.create(Notice, {
    channel: source.channel,
    title,
    opensAt: source.opensAt,
    closesAt: source.closesAt,
    notes: source.notes,
    coverage: structuredClone(source.coverage),
    route: structuredClone(source.route),
    formConfig: structuredClone(source.formConfig),
    committees: structuredClone(source.committees),
    createdBy: principal.accountId,
    ownerOrganisationId: principal.organisationId ?? null,
  });
  await em.persistAndFlush(copy);
  return copy;
}

function requirePublished(notice: Notice): void {
  if (notice.status !== NoticeStatus.PUBLISHED)
    throw appError(ErrorCode.CONFLICT, '该通知尚未发布', { reason: 'NOT_PUBLISHED' });
}

/** 提前截止: the window closes now; declarations not yet submitted can no longer be. */
export async function closeNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  now: Date,
): Promise<Notice> {
  const notice = await ownNotice(em, auth, id);
  requirePublished(notice);
  if (notice.closesAt.getTime() <= now.getTime())
    throw appError(ErrorCode.CONFLICT, '该通知已截止', { reason: 'ALREADY_CLOSED' });
  if (notice.opensAt.getTime() > now.getTime())
    throw appError(ErrorCode.CONFLICT, '申报尚未开始，不能提前截止；如不再需要，请撤回该通知', {
      reason: 'NOT_OPEN_YET',
    });
  notice.closesAt = now;
  await em.flush();
  return notice;
}

/** 延长截止时间: a later deadline (it may reopen a notice that has closed). */
export async function extendNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  closesAt: Date,
  now: Date,
): Promise<Notice> {
  const notice = await ownNotice(em, auth, id);
  requirePublished(notice);
  if (!(closesAt instanceof Date) || Number.isNaN(closesAt.getTime()))
    throw badUserInput([{ field: 'closesAt', code: 'REQUIRED', message: '请填写新的申报截止时间' }]);
  if (closesAt.getTime() <= notice.closesAt.getTime() || closesAt.getTime() <= now.getTime())
    throw badUserInput([
      {
        field: 'closesAt',
        code: 'NOT_LATER',
        message: '新的截止时间须晚于原截止时间和当前时间；如需提前截止，请使用“提前截止”',
      },
    ]);
  notice.closesAt = closesAt;
  await em.flush();
  return notice;
}

/** 撤回: a published notice that has not opened goes back to draft (applicants no longer see it). */
export async function withdrawNotice(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  now: Date,
): Promise<Notice> {
  const notice = await ownNotice(em, auth, id);
  requirePublished(notice);
  if (notice.opensAt.getTime() <= now.getTime() || (await em.count(Declaration, { notice })) > 0)
    throw appError(ErrorCode.CONFLICT, '申报已经开始，不能撤回；如需停止申报，请使用“提前截止”', {
      reason: 'ALREADY_OPEN',
    });
  notice.status = NoticeStatus.DRAFT;
  notice.publishedAt = null;
  await em.flush();
  return notice;
}

export interface NoticeFilter {
  channelCode?: string | null;
  openOnly?: boolean | null;
  status?: NoticeStatus | null;
  /** Words of the title. */
  search?: string | null;
}

/** Published notices for everyone; bureau staff also see drafts. Newest window first. */
export async function listNotices(
  em: EntityManager,
  auth: AuthResult,
  filter: NoticeFilter,
  now: Date,
): Promise<Notice[]> {
  const where: Record<string, unknown> = {};
  if (!canSeeDrafts(auth) || filter.openOnly) where.status = NoticeStatus.PUBLISHED;
  else if (filter.status) where.status = filter.status;
  if (filter.channelCode) where.channel = filter.channelCode;
  if (filter.openOnly) {
    where.opensAt = { $lte: now };
    where.closesAt = { $gt: now };
  }
  const search = filter.search?.trim().slice(0, LIMITS.title);
  if (search) where.title = { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
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
