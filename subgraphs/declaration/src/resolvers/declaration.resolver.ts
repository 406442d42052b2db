import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { notePersonalDataView, type PersonalDataItem } from '@zhicheng/events';
import type { LiveMessage } from '@zhicheng/live';
import { requirePrincipal } from '@zhicheng/server-kit';
import { BUSINESS_FORM_NAMES } from '@zhicheng/business-forms';
import { isUnsavedEntry, ModuleKey, selectionNames } from '../domain';
import type { DeclarationContext } from '../context';
import { ApplicantBinding, Declaration, DeclarationCategory, type DeclarationStatus } from '../entities';
import {
  applicantIdentityByPerson,
  attachmentsByDeclaration,
  channelByCode,
  declarationById,
  declarationsByApplicant,
  isUuid,
  noticeById,
  submittedDeclarationsByUnit,
} from '../loaders';
import { isOwner, readable, readsForUnit, unitReaderOf } from '../services/access';
import { daysLeftOf } from '../services/coverage';
import {
  attachmentFact,
  cancelDeclaration,
  deleteDeclaration,
  editableModules,
  holderOf,
  recommendationCounts,
  saveDeclaration,
  serviceProblems,
  startDeclaration,
  submitDeclaration,
  type ModulesInput,
} from '../services/declarations';
import { validationProblems } from '../services/rules';
import { removeAttachment, requestUpload } from '../services/uploads';
import { fetchEducationFromRegistry } from '../services/registry';
import { assertMayFollow, statusEventOf } from '../services/live';
import { removeStoredFiles } from '../files/cleanup';
import {
  AccountHolderView,
  AttachmentSlotInput,
  AttachmentView,
  BusinessFormLinkView,
  DeclarationStatusEventView,
  DeclarationView,
  DeclaredTitleView,
  PersonRef,
  RecommendingUnitView,
  UnitRef,
  UploadTicketView,
  ValidationReportView,
  type ValidationSection,
} from './declaration.types';
import { DeclarationModulesInput, DeclarationModulesView } from './module.types';
import { CommitteeView, NoticeView } from './notice.types';
import { BusinessFormKindEnum, type FileFormatEnum } from './enums';
import { attachmentView, declarationView, noticeView } from './views';

/** The declaration's notice and channel, through the per-request loaders. */
async function noticeOf(ctx: DeclarationContext, declaration: Declaration) {
  const notice = (await noticeById(ctx).load(declaration.notice.id))!;
  const channel = (await channelByCode(ctx).load(notice.channel.code))!;
  return { notice, channel: channel.config };
}

/**
 * Notes that this request shows the declaration's `item` to the caller: logged for the applicant
 * (谁查看了我的信息) unless the caller is the applicant. Every path to these fields (declaration,
 * Unit.declarations, _entities from review's cases) passes here after authorisation.
 */
const noteView = (ctx: DeclarationContext, declaration: Declaration, item: PersonalDataItem) =>
  notePersonalDataView(ctx, { personId: declaration.applicantId, declarationId: declaration.id, item });

const NIL = '00000000-0000-0000-0000-000000000000';
const safeId = (id: string) => (isUuid(id) ? id : NIL);

@Resolver(() => DeclarationView)
export class DeclarationResolver {
  @Query(() => [DeclarationView], {
    description: "The signed-in applicant's declarations (我的办件), newest first",
  })
  async myDeclarations(@Ctx() ctx: DeclarationContext): Promise<DeclarationView[]> {
    const principal = requirePrincipal(ctx.auth);
    if (principal.kind !== 'PERSON') return [];
    return (await declarationsByApplicant(ctx).load(principal.accountId)).map(declarationView);
  }

  @Query(() => [DeclarationView], {
    description:
      "The caller's unit's declarations once submitted, newest first: its legal person, agents, or its client (declarations:read)",
  })
  async unitDeclarations(@Ctx() ctx: DeclarationContext): Promise<DeclarationView[]> {
    return (await submittedDeclarationsByUnit(ctx).load(unitReaderOf(ctx.auth))).map(declarationView);
  }

  @Query(() => DeclarationView, {
    nullable: true,
    description:
      "One declaration: the applicant's own, or (once submitted) its unit's or a reviewer's; else NOT_FOUND",
  })
  async declaration(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    const found = isUuid(id) ? await declarationById(ctx).load(id) : null;
    return declarationView(readable(ctx.auth, found));
  }

  @Query(() => RecommendingUnitView, {
    nullable: true,
    description:
      'The unit the applicant is bound to as this service knows it (null: not bound, cannot declare)',
  })
  async myRecommendingUnit(@Ctx() ctx: DeclarationContext): Promise<RecommendingUnitView | null> {
    const principal = requirePrincipal(ctx.auth);
    if (principal.kind !== 'PERSON') return null;
    const binding = await ctx.em.findOne(ApplicantBinding, { personId: principal.accountId });
    return binding && { unitId: binding.unitId, unitName: binding.unitName, since: binding.since };
  }

  @Mutation(() => DeclarationView, {
    description: 'A bound applicant starts a declaration under an open notice that covers their unit',
  })
  async startDeclaration(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('category', () => DeclarationCategory) category: DeclarationCategory,
    @Arg('committeeId', () => ID, { nullable: true }) committeeId: string | null,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    const declaration = await startDeclaration(
      ctx.em,
      ctx.auth,
      { noticeId: safeId(noticeId), category, committeeId },
      ctx.deps,
    );
    return declarationView(declaration);
  }

  @Mutation(() => DeclarationView, {
    description:
      '暂存: replaces the supplied modules (absent: unchanged, null: cleared); stale version → CONFLICT',
  })
  async saveDeclaration(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => DeclarationModulesInput) input: DeclarationModulesInput,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    const { declaration, removedFiles } = await saveDeclaration(
      ctx.em,
      ctx.auth,
      { id: safeId(id), expectedVersion, input: input as ModulesInput },
      ctx.deps,
    );
    await removeStoredFiles(ctx.deps, removedFiles);
    return declarationView(declaration);
  }

  @Mutation(() => DeclarationView, {
    description:
      '学历学位自动获取: replaces 学习教育经历 with the degree registry’s records (no proof file needed); REGISTRY_UNAVAILABLE while none is connected',
  })
  async fetchEducationFromRegistry(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    return declarationView(
      await fetchEducationFromRegistry(ctx.em, ctx.auth, { id: safeId(id), expectedVersion }, ctx.deps),
    );
  }

  @Mutation(() => UploadTicketView, {
    description: 'A ticket to upload one file into a slot; refused before any byte when the file cannot fit',
  })
  async requestUpload(
    @Arg('declarationId', () => ID) declarationId: string,
    @Arg('slot', () => AttachmentSlotInput) slot: AttachmentSlotInput,
    @Arg('fileName') fileName: string,
    @Arg('sizeBytes', () => Int) sizeBytes: number,
    @Arg('contentType') contentType: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<UploadTicketView> {
    const ticket = await requestUpload(
      ctx.em,
      ctx.auth,
      ctx.deps.links,
      { declarationId: safeId(declarationId), slot, fileName, sizeBytes, contentType },
      ctx.deps,
    );
    return { ...ticket, formats: ticket.formats as FileFormatEnum[] };
  }

  @Mutation(() => DeclarationView, {
    description: 'Removes an uploaded file (draft, or a flagged module when returned)',
  })
  async removeAttachment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    const { declaration, storageKey } = await removeAttachment(ctx.em, ctx.auth, safeId(id), ctx.deps);
    await removeStoredFiles(ctx.deps, [storageKey]);
    return declarationView(declaration);
  }

  @Mutation(() => DeclarationView, {
    description:
      '提交 with the integrity pledge; refused with every remaining problem; repeating the same submit returns it unchanged',
  })
  async submitDeclaration(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('pledge') pledge: boolean,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    const { declaration, removedFiles } = await submitDeclaration(
      ctx.em,
      ctx.auth,
      { id: safeId(id), expectedVersion, pledge },
      ctx.deps,
    );
    await removeStoredFiles(ctx.deps, removedFiles);
    return declarationView(declaration);
  }

  @Mutation(() => DeclarationView, { description: '取消申请: voids a draft (also after the deadline)' })
  async cancelDeclaration(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationView> {
    return declarationView(await cancelDeclaration(ctx.em, ctx.auth, safeId(id), ctx.deps));
  }

  @Mutation(() => ID, {
    description: '删除: a draft, a cancelled or a terminated declaration; answers its id',
  })
  async deleteDeclaration(@Arg('id', () => ID) id: string, @Ctx() ctx: DeclarationContext): Promise<string> {
    const { removedFiles } = await deleteDeclaration(ctx.em, ctx.auth, safeId(id), ctx.deps);
    await removeStoredFiles(ctx.deps, removedFiles);
    return id;
  }

  // ---- live -----------------------------------------------------------------------------------

  @Subscription(() => DeclarationStatusEventView, {
    description:
      'The declaration’s status as it changes (submit, return, approval …), sent after the change commits. ' +
      'Only for those who may read it (else NOT_FOUND, nothing streamed); after a reconnect, refetch.',
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { id: string }, DeclarationContext>) => {
      await assertMayFollow(context.em, context.auth, args.id);
      return context.deps.live.subscribe('DECLARATION_STATUS', args.id);
    },
  })
  async declarationStatusChanged(
    @Arg('id', () => ID) id: string,
    @Root() message: LiveMessage<'DECLARATION_STATUS'>,
    @Ctx() ctx: DeclarationContext,
  ): Promise<DeclarationStatusEventView> {
    const event = await statusEventOf(ctx.em, id, message);
    return {
      declarationId: event.declarationId,
      status: event.status as DeclarationStatus,
      statusText: event.statusText,
      at: new Date(event.at),
    };
  }

  // ---- fields ---------------------------------------------------------------------------------

  @FieldResolver(() => NoticeView)
  async notice(@Root() view: DeclarationView, @Ctx() ctx: DeclarationContext): Promise<NoticeView> {
    return noticeView((await noticeById(ctx).load(view.entity.notice.id))!);
  }

  @FieldResolver(() => PersonRef, { description: 'The applicant (identity resolves the rest)' })
  applicant(@Root() view: DeclarationView): PersonRef {
    return { id: view.entity.applicantId };
  }

  @FieldResolver(() => UnitRef, { description: '推荐单位 (identity resolves the rest)' })
  unit(@Root() view: DeclarationView): UnitRef {
    return { id: view.entity.unitId };
  }

  @FieldResolver(() => CommitteeView, {
    nullable: true,
    description: 'The chosen review committee (江苏 style)',
  })
  async committee(
    @Root() view: DeclarationView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<CommitteeView | null> {
    if (!view.entity.committeeId) return null;
    const { notice } = await noticeOf(ctx, view.entity);
    return notice.committees.find((c) => c.id === view.entity.committeeId) ?? null;
  }

  @FieldResolver(() => DeclaredTitleView, {
    nullable: true,
    description: 'The title declared for (basic info)',
  })
  title(@Root() view: DeclarationView): DeclaredTitleView | null {
    const basic = view.entity.data.basicInfo;
    if (!basic) return null;
    return {
      seriesCode: basic.seriesCode ?? null,
      specialtyCode: basic.specialtyCode ?? null,
      scopeCode: basic.scopeCode ?? null,
      titleCode: basic.titleCode ?? null,
      levelCode: basic.levelCode ?? null,
      ...selectionNames(basic),
    };
  }

  @FieldResolver(() => DeclarationModulesView)
  modules(@Root() view: DeclarationView, @Ctx() ctx: DeclarationContext): DeclarationModulesView {
    noteView(ctx, view.entity, 'DECLARATION_CONTENTS');
    return view.entity.data as DeclarationModulesView;
  }

  @FieldResolver(() => [ModuleKey], {
    description: 'What the applicant may change now: every module of a draft, the flagged ones when returned',
  })
  async editableModules(@Root() view: DeclarationView, @Ctx() ctx: DeclarationContext): Promise<ModuleKey[]> {
    if (!isOwner(ctx.auth.principal, view.entity)) return [];
    const { notice } = await noticeOf(ctx, view.entity);
    return editableModules(view.entity, notice);
  }

  @FieldResolver(() => AccountHolderView, {
    nullable: true,
    description:
      'The account holder and bound unit 基本信息 must state (the applicant only; others null): the wizard fills them in',
  })
  async accountHolder(
    @Root() view: DeclarationView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<AccountHolderView | null> {
    const principal = ctx.auth.principal;
    if (!principal || !isOwner(principal, view.entity)) return null;
    const identity = await applicantIdentityByPerson(ctx).load(view.entity.applicantId);
    return holderOf(view.entity, identity, principal);
  }

  @FieldResolver(() => [AttachmentView])
  async attachments(
    @Root() view: DeclarationView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<AttachmentView[]> {
    const all = await attachmentsByDeclaration(ctx).load(view.entity.id);
    // Files of an entry being added are the applicant's alone until the entry is saved.
    const attachments = isOwner(ctx.auth.principal, view.entity)
      ? all
      : all.filter((a) => !isUnsavedEntry(view.entity.data, attachmentFact(a).slot));
    if (attachments.length > 0) noteView(ctx, view.entity, 'DECLARATION_FILES');
    return attachments.map(attachmentView);
  }

  @FieldResolver(() => ValidationReportView, { description: '数据验证信息: every problem at once' })
  async validation(
    @Root() view: DeclarationView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<ValidationReportView> {
    const declaration = view.entity;
    const { notice, channel } = await noticeOf(ctx, declaration);
    const attachments = await attachmentsByDeclaration(ctx).load(declaration.id);
    // The expert quota needs other declarations: counted for the applicant while it can still change.
    const counts =
      isOwner(ctx.auth.principal, declaration) && editableModules(declaration, notice).length > 0
        ? await recommendationCounts(ctx.em, declaration, { lock: false })
        : undefined;
    const problems = [
      ...validationProblems({
        config: notice.formConfig,
        channel,
        category: declaration.category,
        data: declaration.data,
        attachments: attachments.map(attachmentFact),
        now: ctx.deps.now(),
        recommendationCounts: counts,
      }),
      ...serviceProblems(
        declaration,
        notice,
        holderOf(declaration, await applicantIdentityByPerson(ctx).load(declaration.applicantId)),
      ),
    ];
    return {
      ok: problems.length === 0,
      problems: problems.map((p) => ({
        ...p,
        module: p.module as ValidationSection,
        field: p.field ?? null,
        params: Object.entries(p.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
      })),
    };
  }

  @FieldResolver(() => [BusinessFormLinkView], {
    description: '业务表册 of the channel, as short-lived PDF links (preview; add ?download=1 to save)',
  })
  async businessForms(
    @Root() view: DeclarationView,
    @Ctx() ctx: DeclarationContext,
  ): Promise<BusinessFormLinkView[]> {
    const { channel } = await noticeOf(ctx, view.entity);
    const now = ctx.deps.now();
    if (channel.businessForms.length > 0) noteView(ctx, view.entity, 'BUSINESS_FORMS');
    return channel.businessForms.map((kind) => {
      const link = ctx.deps.links.form(view.entity.id, kind, requirePrincipal(ctx.auth), now);
      return { kind: kind as BusinessFormKindEnum, name: BUSINESS_FORM_NAMES[kind], ...link };
    });
  }

  @FieldResolver(() => Int, { description: '距申报截止剩余 N 天 (0 once closed)' })
  async daysLeft(@Root() view: DeclarationView, @Ctx() ctx: DeclarationContext): Promise<number> {
    const { notice } = await noticeOf(ctx, view.entity);
    return daysLeftOf(notice, ctx.deps.now());
  }
}

@Resolver(() => AttachmentView)
export class AttachmentResolver {
  @FieldResolver(() => String, {
    description: 'A short-lived signed link to the file (relative to the gateway origin)',
  })
  downloadUrl(@Root() attachment: AttachmentView, @Ctx() ctx: DeclarationContext): string {
    return ctx.deps.links.download(attachment.id, requirePrincipal(ctx.auth), ctx.deps.now()).url;
  }
}

@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => [DeclarationView], {
    description: "The person's declarations (the person only; others see [])",
  })
  async declarations(@Root() person: PersonRef, @Ctx() ctx: DeclarationContext): Promise<DeclarationView[]> {
    const principal = ctx.auth.principal;
    if (principal?.kind !== 'PERSON' || principal.accountId !== person.id) return [];
    return (await declarationsByApplicant(ctx).load(person.id)).map(declarationView);
  }
}

@Resolver(() => UnitRef)
export class UnitResolver {
  @FieldResolver(() => [DeclarationView], {
    description:
      "Its applicants' declarations once submitted (the unit's legal person, agents and clients with declarations:read; others see [])",
  })
  async declarations(@Root() unit: UnitRef, @Ctx() ctx: DeclarationContext): Promise<DeclarationView[]> {
    if (!readsForUnit(ctx.auth.principal, unit.id)) return [];
    return (await submittedDeclarationsByUnit(ctx).load(unit.id)).map(declarationView);
  }
}
