import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CommitteeResult, ModuleKey, OpinionKind, ReturnTarget, ReviewDecision } from '../domain';
import { notePersonalDataView } from '@zhicheng/events';
import type { ReviewContext } from '../context';
import { forwardBatch, pendingBatchAttachments, requestBatchAttachmentUpload } from '../services/batches';
import { commonOpinions, deleteCommonOpinion, saveCommonOpinion } from '../services/opinions';
import { QUEUE_PAGE_DEFAULT, reviewCounts, reviewQueue, type QueueState } from '../services/queue';
import {
  decideReview,
  readCase,
  recordCommitteeResult,
  recordTalentResult,
  recordCommitteeResults,
  saveModuleFlags,
  verifyAuditTrail,
} from '../services/review';
import {
  CommitteeResultEnum,
  ModuleKeyEnum,
  OpinionKindEnum,
  ReturnTargetEnum,
  ReviewDecisionEnum,
  ReviewQueueStateEnum,
} from './enums';
import {
  AuditTrailCheckView,
  BatchAttachmentTicketView,
  BatchView,
  MatterCountView,
  ModuleFlagInputType,
  NoticeRef,
  OpinionView,
  PageInfoView,
  ReviewCaseView,
  ReviewQueueConnectionView,
  ReviewQueueEdgeView,
  ReviewQueueFilterInput,
} from './types';
import { batchView } from './views';

// type-graphql lists arguments in the reverse order of the parameters; the orders below print
// each operation's arguments in their natural order.
@Resolver()
export class ReviewResolver {
  @Query(() => ReviewQueueConnectionView, {
    description:
      "The caller's organisation's queue (unit accounts: their unit's): 待审 / 待送审 / 暂缓, longest waiting first; 已审, latest first",
  })
  async reviewQueue(
    @Ctx() ctx: ReviewContext,
    @Arg('offset', () => Int, {
      nullable: true,
      description: 'Numbered pages: skip this many (0–10000); not with after',
    })
    offset: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: QUEUE_PAGE_DEFAULT, description: '1–100' })
    first: number,
    @Arg('filter', () => ReviewQueueFilterInput, { nullable: true }) filter: ReviewQueueFilterInput | null,
    @Arg('state', () => ReviewQueueStateEnum, { defaultValue: ReviewQueueStateEnum.PENDING })
    state: ReviewQueueStateEnum,
  ): Promise<ReviewQueueConnectionView> {
    const page = await reviewQueue(ctx.em, ctx.auth, {
      state: state as QueueState,
      filter,
      first,
      after,
      offset,
    });
    const edges = page.rows.map((row, i) =>
      Object.assign(new ReviewQueueEdgeView(), { cursor: page.cursors[i], node: ReviewCaseView.of(row) }),
    );
    return Object.assign(new ReviewQueueConnectionView(), {
      edges,
      totalCount: page.totalCount,
      pageInfo: Object.assign(new PageInfoView(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors[page.cursors.length - 1] ?? null,
      }),
    });
  }

  @Query(() => [MatterCountView], {
    description:
      '业务审核: the matters (notices) with declarations waiting at the caller’s organisation, and how many',
  })
  async reviewCounts(@Ctx() ctx: ReviewContext): Promise<MatterCountView[]> {
    return (await reviewCounts(ctx.em, ctx.auth)).map((m) =>
      Object.assign(new MatterCountView(), {
        notice: NoticeRef.of(m.noticeId),
        noticeId: m.noticeId,
        channelCode: m.channelCode,
        pending: m.pending,
        awaitingForward: m.awaitingForward,
        deferred: m.deferred,
      }),
    );
  }

  @Query(() => ReviewCaseView, {
    description:
      'One declaration’s review, for its applicant and the organisations that have had it; anyone else: NOT_FOUND',
  })
  async reviewCase(
    @Arg('declarationId', () => ID) declarationId: string,
    @Ctx() ctx: ReviewContext,
  ): Promise<ReviewCaseView> {
    const row = await readCase(ctx.em, ctx.auth, declarationId);
    // Opening a case (not listing it in a queue) is a read the applicant sees in 谁查看了我的信息.
    notePersonalDataView(ctx, {
      personId: row.applicantId,
      declarationId: row.declarationId,
      item: 'REVIEW_CASE',
    });
    return ReviewCaseView.of(row);
  }

  @Query(() => [OpinionView], {
    description: '常用意见 of a kind, then the caller’s own saved ones (reviewers)',
  })
  commonOpinions(
    @Arg('kind', () => OpinionKindEnum) kind: OpinionKindEnum,
    @Ctx() ctx: ReviewContext,
  ): Promise<OpinionView[]> {
    return commonOpinions(ctx.em, ctx.auth, kind as OpinionKind);
  }

  @Query(() => AuditTrailCheckView, {
    description:
      'Checks a declaration’s audit trail against its hash chain (staff of an organisation that has had it)',
  })
  verifyAuditTrail(
    @Arg('declarationId', () => ID) declarationId: string,
    @Ctx() ctx: ReviewContext,
  ): Promise<AuditTrailCheckView> {
    return verifyAuditTrail(ctx.em, ctx.auth, declarationId);
  }

  @Query(() => [BatchView], {
    description: "The unit's uploaded 推荐报告/申报函 not yet forwarded with a batch (若已上传则直接送审)",
  })
  async pendingBatchAttachments(@Ctx() ctx: ReviewContext): Promise<BatchView[]> {
    return (await pendingBatchAttachments(ctx.em, ctx.auth)).map((b) => batchView(b, ctx));
  }

  @Mutation(() => ReviewCaseView, {
    description:
      '审核: 通过 / 退回修改 (modules and target; without modules, those flagged 有误) / 审核不通过终止审核, with an opinion. Another reviewer deciding first: CONFLICT',
  })
  async decideReview(
    @Ctx() ctx: ReviewContext,
    @Arg('moduleFlags', () => [ModuleFlagInputType], {
      nullable: true,
      description: '此模块信息是否有误 for each module reviewed',
    })
    moduleFlags: ModuleFlagInputType[] | null,
    @Arg('target', () => ReturnTargetEnum, { nullable: true, description: 'RETURN: to whom' })
    target: ReturnTargetEnum | null,
    @Arg('modules', () => [ModuleKeyEnum], { nullable: true, description: 'RETURN: the modules to change' })
    modules: ModuleKeyEnum[] | null,
    @Arg('opinion', { description: '审核意见, required, ≤500 characters' }) opinion: string,
    @Arg('decision', () => ReviewDecisionEnum) decision: ReviewDecisionEnum,
    @Arg('taskSequence', () => Int, { description: 'The task the page shows (ReviewTask.sequence)' })
    taskSequence: number,
    @Arg('declarationId', () => ID) declarationId: string,
  ): Promise<ReviewCaseView> {
    const row = await decideReview(
      ctx.em,
      ctx.auth,
      {
        declarationId,
        taskSequence,
        decision: decision as ReviewDecision,
        opinion,
        modules: modules as ModuleKey[] | null,
        target: target as ReturnTarget | null,
        moduleFlags,
      },
      ctx.deps.now(),
    );
    return ReviewCaseView.of(row);
  }

  @Mutation(() => ReviewCaseView, {
    description:
      'Saves the 有误 marks while auditing, before deciding (the reviewer who may decide the task)',
  })
  async saveModuleFlags(
    @Ctx() ctx: ReviewContext,
    @Arg('flags', () => [ModuleFlagInputType]) flags: ModuleFlagInputType[],
    @Arg('taskSequence', () => Int) taskSequence: number,
    @Arg('declarationId', () => ID) declarationId: string,
  ): Promise<ReviewCaseView> {
    return ReviewCaseView.of(
      await saveModuleFlags(ctx.em, ctx.auth, { declarationId, taskSequence, flags }, ctx.deps.now()),
    );
  }

  @Mutation(() => BatchView, {
    description:
      '批量送审: forwards the unit’s chosen 待送审 declarations with the uploaded 推荐报告/申报函; all or none',
  })
  async forwardBatch(
    @Ctx() ctx: ReviewContext,
    @Arg('attachmentId', () => ID, { description: 'From the upload’s answer or pendingBatchAttachments' })
    attachmentId: string,
    @Arg('declarationIds', () => [ID]) declarationIds: string[],
  ): Promise<BatchView> {
    const { batch } = await forwardBatch(ctx.em, ctx.auth, { declarationIds, attachmentId }, ctx.deps.now());
    return batchView(batch, ctx);
  }

  @Mutation(() => BatchAttachmentTicketView, {
    description:
      'A ticket to upload the 推荐报告/申报函 (PDF/JPG/PNG ≤10240 KB): POST the bytes to its url on the gateway origin',
  })
  requestBatchAttachmentUpload(
    @Ctx() ctx: ReviewContext,
    @Arg('contentType') contentType: string,
    @Arg('sizeBytes', () => Int) sizeBytes: number,
    @Arg('fileName') fileName: string,
  ): BatchAttachmentTicketView {
    const ticket = requestBatchAttachmentUpload(
      ctx.auth,
      ctx.deps.links,
      { fileName, sizeBytes, contentType },
      ctx.deps.now(),
    );
    return Object.assign(new BatchAttachmentTicketView(), ticket);
  }

  @Mutation(() => ReviewCaseView, {
    description:
      '评审结果 (committee secretary): 通过 → 终审通过, 不通过 → terminated, 暂缓 → stays; with an opinion',
  })
  async recordCommitteeResult(
    @Ctx() ctx: ReviewContext,
    @Arg('taskSequence', () => Int, { nullable: true }) taskSequence: number | null,
    @Arg('opinion') opinion: string,
    @Arg('result', () => CommitteeResultEnum) result: CommitteeResultEnum,
    @Arg('declarationId', () => ID) declarationId: string,
  ): Promise<ReviewCaseView> {
    const row = await recordCommitteeResult(
      ctx.em,
      ctx.auth,
      { declarationId, taskSequence, result: result as CommitteeResult, opinion },
      ctx.deps.now(),
    );
    return ReviewCaseView.of(row);
  }

  @Mutation(() => ReviewCaseView, {
    description:
      '人才分类定级 评审结果 (the bureau at the route’s last seat, after 材料审核通过): 通过 → 终审通过 with the class awarded (levelCode, default the one applied for) and a talent-level certificate, 不通过 → terminated, 暂缓 → stays; with an opinion',
  })
  async recordTalentResult(
    @Ctx() ctx: ReviewContext,
    @Arg('levelCode', () => String, {
      nullable: true,
      description:
        '通过: the class awarded (A–E, AllowedReviewAction.talentLevels); default the one applied for',
    })
    levelCode: string | null,
    @Arg('taskSequence', () => Int, { nullable: true }) taskSequence: number | null,
    @Arg('opinion', { description: '评审意见, required, ≤500 characters' }) opinion: string,
    @Arg('result', () => CommitteeResultEnum) result: CommitteeResultEnum,
    @Arg('declarationId', () => ID) declarationId: string,
  ): Promise<ReviewCaseView> {
    const row = await recordTalentResult(
      ctx.em,
      ctx.auth,
      { declarationId, taskSequence, result: result as CommitteeResult, opinion, levelCode },
      ctx.deps.now(),
    );
    return ReviewCaseView.of(row);
  }

  @Mutation(() => [ReviewCaseView], {
    description:
      '评审结果 for many declarations at once (committee secretary): one result and opinion; all recorded or none (BATCH_REFUSED names each refused declaration)',
  })
  async recordCommitteeResults(
    @Ctx() ctx: ReviewContext,
    @Arg('opinion', { description: '评审意见, required, ≤500 characters' }) opinion: string,
    @Arg('result', () => CommitteeResultEnum) result: CommitteeResultEnum,
    @Arg('declarationIds', () => [ID], { description: '1–200 declarations at the caller’s committee' })
    declarationIds: string[],
  ): Promise<ReviewCaseView[]> {
    const rows = await recordCommitteeResults(
      ctx.em,
      ctx.auth,
      { declarationIds, result: result as CommitteeResult, opinion },
      ctx.deps.now(),
    );
    return rows.map((row) => ReviewCaseView.of(row));
  }

  @Mutation(() => OpinionView, { description: 'Saves one of the caller’s own opinions (支持维护自定义意见)' })
  saveCommonOpinion(
    @Ctx() ctx: ReviewContext,
    @Arg('text') text: string,
    @Arg('kind', () => OpinionKindEnum) kind: OpinionKindEnum,
  ): Promise<OpinionView> {
    return saveCommonOpinion(ctx.em, ctx.auth, { kind: kind as OpinionKind, text });
  }

  @Mutation(() => ID, { description: 'Deletes one of the caller’s own opinions; answers its id' })
  deleteCommonOpinion(@Arg('id', () => ID) id: string, @Ctx() ctx: ReviewContext): Promise<string> {
    return deleteCommonOpinion(ctx.em, ctx.auth, id);
  }
}
