import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiScope, assertClientScope } from '@zhicheng/server-kit';
import { catalogueFor } from '../domain';
import type { DeclarationContext } from '../context';
import { channelByCode, isUuid, noticeById } from '../loaders';
import { daysLeftOf, isOpen } from '../services/coverage';
import {
  committeesFor,
  createNotice,
  listNotices,
  publishNotice,
  updateNotice,
  visibleNotice,
} from '../services/notices';
import { Channel } from '../entities';
import { CatalogueNodeView, ChannelView, CommitteeView, NoticeInput, NoticeView } from './notice.types';
import { channelView, noticeView } from './views';

@Resolver(() => NoticeView)
export class NoticeResolver {
  @Query(() => [ChannelView], { description: 'Every declaration channel, in menu order' })
  async channels(@Ctx() ctx: DeclarationContext): Promise<ChannelView[]> {
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    const rows = await ctx.em.find(Channel, {}, { orderBy: { sortOrder: 'asc' } });
    return rows.map(channelView);
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
  ): Promise<NoticeView[]> {
    // Public, but a third-party client reads notices with notices:read only.
    assertClientScope(ctx.auth.principal, ApiScope.NOTICES_READ);
    const rows = await listNotices(ctx.em, ctx.auth, { channelCode, openOnly }, ctx.deps.now());
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
