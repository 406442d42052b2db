import {
  conflict,
  notFound,
  requireRole,
  Role,
  type AuthResult,
  type EntityManager,
} from '@zhicheng/server-kit';
import type { ChannelConfig } from '../domain';
import { Channel, Declaration, Notice, NoticeStatus } from '../entities';
import { isUuid } from '../loaders';
import { committeeServes, isOpen, type CommitteeQuery } from './coverage';
import { checkNoticeInput, publishProblems, type NoticeInputLike } from './notice-input';

/** Staff of a bureau (人社部门) manage notices. */
export const requireBureau = (auth: AuthResult) => requireRole(auth, Role.BUREAU_REVIEWER);

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
  requireBureau(auth);
  const notice = isUuid(id) ? await em.findOne(Notice, { id }) : null;
  if (!notice) throw notFound('通知不存在');
  const draft = checkNoticeInput(input, await channelConfig(em, input.channelCode));
  if (draft.channelCode !== notice.channel.code && (await em.count(Declaration, { notice })) > 0)
    throw conflict('该通知下已有申报，不能更换申报通道');
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
  requireBureau(auth);
  const notice = isUuid(id) ? await em.findOne(Notice, { id }, { populate: ['channel'] }) : null;
  if (!notice) throw notFound('通知不存在');
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
