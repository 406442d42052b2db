import {
  appError,
  ErrorCode,
  forbidden,
  notFound,
  Problems,
  requireRole,
  Role,
  type AuthResult,
  type EntityManager,
  type Principal,
} from '@zhicheng/server-kit';
import { CHANNELS } from '../domain';
import { Channel, Notice, NoticeStatus } from '../entities';
import {
  changedBehaviour,
  checkChannelCode,
  checkChannelInput,
  type ChannelInputLike,
} from './channel-input';

/**
 * Inserts the SPEC's standard channels that are missing and leaves existing rows alone: after the
 * first start channels are data the bureau edits or retires, and a restart must not undo that.
 */
export async function seedChannels(em: EntityManager): Promise<void> {
  const rows = CHANNELS.map((config, index) => ({
    code: config.code,
    name: config.name,
    groupCode: config.group,
    groupName: config.groupName,
    sortOrder: index,
    // A copy: the domain's data is frozen, and the ORM rewrites what it is given.
    config: structuredClone(config),
    updatedAt: new Date(),
  }));
  await em.upsertMany(Channel, rows, { onConflictFields: ['code'], onConflictAction: 'ignore' });
}

/**
 * Channels are province-wide configuration: only staff of the bureaus named in
 * CHANNEL_ADMIN_ORGANISATION_IDS (the province bureau) change them.
 */
export function requireChannelAdmin(auth: AuthResult, adminOrganisations: readonly string[]): Principal {
  const principal = requireRole(auth, Role.BUREAU_REVIEWER);
  if (!principal.organisationId || !adminOrganisations.includes(principal.organisationId.toLowerCase()))
    throw forbidden('只有省级人社部门可以管理申报通道');
  return principal;
}

/** Every channel in menu order; retired ones only when asked (the bureau's 申报通道 page). */
export async function listChannels(em: EntityManager, includeRetired: boolean): Promise<Channel[]> {
  return em.find(Channel, includeRetired ? {} : { retiredAt: null }, {
    orderBy: { sortOrder: 'asc', code: 'asc' },
  });
}

async function channelOrFail(em: EntityManager, code: string): Promise<Channel> {
  const channel = typeof code === 'string' ? await em.findOne(Channel, { code }) : null;
  if (!channel) throw notFound('申报通道不存在');
  return channel;
}

export async function createChannel(
  em: EntityManager,
  code: string,
  input: ChannelInputLike,
): Promise<Channel> {
  const problems = new Problems();
  const checked = checkChannelCode(code, problems);
  if (!problems.has('code') && (await em.findOne(Channel, { code: checked })))
    problems.add('code', 'DUPLICATE', `通道代码 ${checked} 已被使用，请换一个`);
  const config = checkChannelInput(checked, input, problems);
  const [last] = await em.find(Channel, {}, { orderBy: { sortOrder: 'desc' }, limit: 1 });
  const channel = em.create(Channel, {
    code: checked,
    name: config.name,
    groupCode: config.group,
    groupName: config.groupName,
    sortOrder: input.sortOrder ?? (last ? last.sortOrder + 1 : 0),
    config,
  });
  await em.persistAndFlush(channel);
  return channel;
}

export async function updateChannel(
  em: EntityManager,
  code: string,
  input: ChannelInputLike,
): Promise<Channel> {
  const channel = await channelOrFail(em, code);
  const config = checkChannelInput(channel.code, input, new Problems(), channel.config);
  // Declarations read these from the channel while they run (破格, the committee choice, the
  // outcome, the business forms): changing them under existing notices would change those.
  const changed = changedBehaviour(channel.config, config);
  if (changed.length > 0) {
    const notices = await em.count(Notice, { channel });
    if (notices > 0)
      throw appError(
        ErrorCode.CONFLICT,
        `已有${notices}个通知使用该通道，不能再修改其申报规则（破格、评委会、终审结果、业务表册、职称目录）；如需不同规则，请新建通道`,
        { reason: 'CHANNEL_IN_USE', notices, changedFields: changed },
      );
  }
  em.assign(channel, {
    name: config.name,
    groupCode: config.group,
    groupName: config.groupName,
    sortOrder: input.sortOrder ?? channel.sortOrder,
    config,
  });
  await em.flush();
  return channel;
}

/** Retired: no new notices on it. Refused while a published notice on it has not closed. */
export async function retireChannel(em: EntityManager, code: string, now: Date): Promise<Channel> {
  const channel = await channelOrFail(em, code);
  if (channel.retiredAt) return channel;
  const open = await em.count(Notice, {
    channel,
    status: NoticeStatus.PUBLISHED,
    closesAt: { $gt: now },
  });
  if (open > 0)
    throw appError(
      ErrorCode.CONFLICT,
      `有${open}个未截止的通知使用该通道，请先提前截止或撤回这些通知，再停用通道`,
      { reason: 'CHANNEL_IN_USE', notices: open },
    );
  channel.retiredAt = now;
  await em.flush();
  return channel;
}

export async function reinstateChannel(em: EntityManager, code: string): Promise<Channel> {
  const channel = await channelOrFail(em, code);
  channel.retiredAt = null;
  await em.flush();
  return channel;
}
