import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiScope, assertClientScope, Role } from '@zhicheng/server-kit';
import { ATTACHMENT_CATALOGUE, catalogueFor, MODULE_DEFAULTS } from '../domain';
import type { DeclarationContext } from '../context';
import { channelByCode, isUuid, noticeById } from '../loaders';
import { daysLeftOf, isOpen } from '../services/coverage';
import {
  closeNotice,
  committeesFor,
  copyNotice,
  createNotice,
  extendNotice,
  listNotices,
  noticePublishProblems,
  publishNotice,
  requireBureau,
  updateNotice,
  visibleNotice,
  withdrawNotice,
} from '../services/notices';
import {
  createChannel,
  listChannels,
  reinstateChannel,
  requireChannelAdmin,
  retireChannel,
  updateChannel,
} from '../services/channels';
import { NoticeStatus } from '../entities';
import {
  AttachmentSlotConfigGql,
  CatalogueNodeView,
  ChannelInput,
  ChannelView,
  CommitteeView,
  NoticeInput,
  NoticeProblemView,
  NoticeView,
  ModuleConfigGql,
} from './notice.types';
import { channelView, noticeView } from './views';
import { UnitRef } from './declaration.types';

@Resolver(() => NoticeView)
export class NoticeResolver {
  @Query(() => [ChannelView], {
    description: 'Declaration channels in menu order; includeRetired (bureau staff): retired ones too',
  })
  async channels(
    @Ctx() ctx: DeclarationContext,
    @Arg('includeRetired', () => Boolean, { nullable: true, defaultValue: false }) includeRetired?: boolean,
  ): Promise<ChannelView[]> {
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    const staff = Boolean(ctx.auth.principal?.roles.includes(Role.BUREAU_REVIEWER));
    const rows = await listChannels(ctx.em, Boolean(includeRetired) && staff);
    return rows.map(channelView);
  }

  @Mutation(() => ChannelView, {
    description: 'Province bureau staff (CHANNEL_ADMIN_ORGANISATION_IDS): a new channel',
  })
  async createChannel(
    @Arg('code', { description: 'Upper-case letters, digits and _, e.g. TITLE_NORMAL' }) code: string,
    @Arg('input') input: ChannelInput,
    @Ctx() ctx: DeclarationContext,
  ): Promise<ChannelView> {
    requireChannelAdmin(ctx.auth, ctx.deps.env.CHANNEL_ADMIN_ORGANISATION_IDS);
    return channelView(await createChannel(ctx.em, code, input));
  }

  @Mutation(() => ChannelView, {
    description: 'Province bureau staff: replaces the channel (its rules are fixed once notices use it)',
  })
  async updateChannel(
    @Arg('code', () => ID) code: string,
    @Arg('input') input: ChannelInput,
    @Ctx() ctx: DeclarationContext,
  ): Promise<ChannelView> {
    requireChannelAdmin(ctx.auth, ctx.deps.env.CHANNEL_ADMIN_ORGANISATION_IDS);
    return channelView(await updateChannel(ctx.em, code, input));
  }

  @Mutation(() => ChannelView, {
    description:
      'Province bureau staff: no new notices on it; refused while a published notice on it is not closed',
  })
  async retireChannel(
    @Arg('code', () => ID) code: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<ChannelView> {
    requireChannelAdmin(ctx.auth, ctx.deps.env.CHANNEL_ADMIN_ORGANISATION_IDS);
    return channelView(await retireChannel(ctx.em, code, ctx.deps.now()));
  }

  @Mutation(() => ChannelView, {
    description: 'Province bureau staff: a retired channel takes notices again',
  })
  async reinstateChannel(
    @Arg('code', () => ID) code: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<ChannelView> {
    requireChannelAdmin(ctx.auth, ctx.deps.env.CHANNEL_ADMIN_ORGANISATION_IDS);
    return channelView(await reinstateChannel(ctx.em, code));
  }

  @Query(() => [ModuleConfigGql], {
    description:
      'Every module a form can have, with its default limits, in the wizard’s order (the form editor)',
  })
  formModuleCatalogue(): ModuleConfigGql[] {
    return Object.values(MODULE_DEFAULTS) as unknown as ModuleConfigGql[];
  }

  @Query(() => [AttachmentSlotConfigGql], {
    description: 'The standard attachment rows (身份证, 聘任文件 …) a form can start from (the form editor)',
  })
  attachmentSlotCatalogue(): AttachmentSlotConfigGql[] {
    return ATTACHMENT_CATALOGUE.map((slot) => ({
      module: null,
      ...slot,
    })) as unknown as AttachmentSlotConfigGql[];
  }

  @Query(() => [CatalogueNodeView], {
    description: 'The title catalogue (series → specialty → scope → title → level), or one series of it',
  })
  titleCatalogue(@Arg('seriesCode', () => String, { nullable: true }) seriesCode?: string | null) {
    return catalogueFor(seriesCode);
  }

  @Query(() => [NoticeView], {
    description:
      'Published notices, newest first (bureau staff also see drafts); openOnly: inside the window now',
  })
  async notices(
    @Ctx() ctx: DeclarationContext,
    @Arg('channelCode', () => String, { nullable: true }) channelCode?: string | null,
    @Arg('openOnly', () => Boolean, { nullable: true, defaultValue: false }) openOnly?: boolean,
    @Arg('status', () => NoticeStatus, {
      nullable: true,
      description: 'Bureau staff: drafts or published only',
    })
    status?: NoticeStatus | null,
    @Arg('search', () => String, { nullable: true, description: 'Words of the title' })
    search?: string | null,
  ): Promise<NoticeView[]> {
    // Public, but a third-party client reads notices with notices:read only.
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    const rows = await listNotices(
      ctx.em,
      ctx.auth,
      { channelCode, openOnly, status, search },
      ctx.deps.now(),
    );
    return rows.map(noticeView);
  }

  @Query(() => NoticeView, { nullable: true })
  async notice(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<NoticeView | null> {
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    if (!isUuid(id)) return null;
    const notice = visibleNotice(ctx.auth, await noticeById(ctx).load(id));
    return notice && noticeView(notice);
  }

  @Query(() => [CommitteeView], {
    description:
      'Committees of an open notice that review this region, level and specialty; empty: 未查到相关的评委会',
  })
  async committees(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('regionCode') regionCode: string,
    @Arg('levelCode') levelCode: string,
    @Arg('specialtyCode') specialtyCode: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<CommitteeView[]> {
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    if (!isUuid(noticeId)) return [];
    const notice = visibleNotice(ctx.auth, await noticeById(ctx).load(noticeId));
    if (!notice) return [];
    return committeesFor(notice, { regionCode, levelCode, specialtyCode }, ctx.deps.now());
  }

  @Mutation(() => NoticeView, { description: 'Bureau staff (BUREAU_REVIEWER): a new DRAFT notice' })
  async createNotice(@Arg('input') input: NoticeInput, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView(await createNotice(ctx.em, ctx.auth, input));
  }

  @Mutation(() => NoticeView, {
    description: 'Bureau staff: replaces the notice (a published one stays published)',
  })
  async updateNotice(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: NoticeInput,
    @Ctx() ctx: DeclarationContext,
  ): Promise<NoticeView> {
    return noticeView(await updateNotice(ctx.em, ctx.auth, id, input));
  }

  @Mutation(() => NoticeView, { description: 'Bureau staff: makes the notice visible to applicants' })
  async publishNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView(await publishNotice(ctx.em, ctx.auth, id, ctx.deps.now()));
  }

  @Mutation(() => NoticeView, {
    description:
      'Bureau staff: a new DRAFT with everything an earlier notice says (复制), issued by the caller',
  })
  async copyNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView(await copyNotice(ctx.em, ctx.auth, id));
  }

  @Mutation(() => NoticeView, { description: 'The issuing bureau: 提前截止 — an open notice closes now' })
  async closeNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView(await closeNotice(ctx.em, ctx.auth, id, ctx.deps.now()));
  }

  @Mutation(() => NoticeView, {
    description: 'The issuing bureau: 延长截止时间 — a later deadline (later than the old one and now)',
  })
  async extendNotice(
    @Arg('id', () => ID) id: string,
    @Arg('closesAt') closesAt: Date,
    @Ctx() ctx: DeclarationContext,
  ): Promise<NoticeView> {
    return noticeView(await extendNotice(ctx.em, ctx.auth, id, closesAt, ctx.deps.now()));
  }

  @Mutation(() => NoticeView, {
    description: 'The issuing bureau: 撤回 — a published notice that has not opened goes back to DRAFT',
  })
  async withdrawNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView(await withdrawNotice(ctx.em, ctx.auth, id, ctx.deps.now()));
  }

  @FieldResolver(() => [NoticeProblemView], {
    description: 'Bureau staff: everything that keeps it from being published now (empty: it can be)',
  })
  async publishProblems(
    @Root() view: NoticeView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<NoticeProblemView[]> {
    requireBureau(ctx.auth);
    const [notice, channel] = await Promise.all([
      noticeById(ctx).load(view.id),
      channelByCode(ctx).load(view.channelCode),
    ]);
    return notice && channel ? noticePublishProblems(notice, channel, ctx.deps.now()) : [];
  }

  @FieldResolver(() => [UnitRef], {
    nullable: 'items',
    description:
      'The units of coverage.unitIds (identity answers their names; null: a unit it does not know)',
  })
  coverageUnits(@Root() notice: NoticeView): UnitRef[] {
    return notice.coverage.unitIds.map((id) => Object.assign(new UnitRef(), { id }));
  }

  @FieldResolver(() => ChannelView)
  async channel(@Root() notice: NoticeView, @Ctx() ctx: DeclarationContext): Promise<ChannelView> {
    return channelView((await channelByCode(ctx).load(notice.channelCode))!);
  }

  @FieldResolver(() => Boolean, { description: 'Published and inside the window now' })
  isOpen(@Root() notice: NoticeView, @Ctx() ctx: DeclarationContext): boolean {
    return isOpen(notice, ctx.deps.now());
  }

  @FieldResolver(() => Int, { description: '距申报截止剩余 N 天 (0 once closed)' })
  daysLeft(@Root() notice: NoticeView, @Ctx() ctx: DeclarationContext): number {
    return daysLeftOf(notice, ctx.deps.now());
  }
}
