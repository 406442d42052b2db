import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  applicantStatus,
  APPLICANT_STATUS_WORDS,
  COMMITTEE_RESULT_WORDS,
  MODULE_WORDS,
  RETURN_TARGET_WORDS,
  REVIEW_DECISION_WORDS,
  REVIEW_LEVEL_WORDS,
  routeProgress,
  TASK_STATE_WORDS,
  TIMELINE_STEP_WORDS,
  type AllowedAction,
  type ApplicantStatus,
  type CommitteeResult,
  type ModuleKey,
  type OpinionKind,
  type ProgressNodeState,
  type ReturnTarget,
  type ReviewDecision,
  type ReviewLevel,
  type ReviewTask,
  type TalentLevel,
  type TaskOrigin,
  type TaskState,
  type TimelineStep,
} from '../domain';
import type { Batch, CasePhase, ModuleFlag, ReviewCase, TimelineEntryRow } from '../entities';
import {
  CommitteeResultEnum,
  DeclarationStatusEnum,
  ModuleKeyEnum,
  OpinionKindEnum,
  ProgressNodeStateEnum,
  QueueChangeEnum,
  ReturnTargetEnum,
  ReviewActionTypeEnum,
  ReviewDecisionEnum,
  ReviewLevelEnum,
  ReviewPhaseEnum,
  ReviewTaskOriginEnum,
  ReviewTaskStateEnum,
  TimelineLevelEnum,
  TimelineStepEnum,
} from './enums';

// ---- other subgraphs' entities, referenced by id ------------------------------------------------

/** identity's Person: its name and masked ID number come from identity. */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID) id!: string;
  static of(id: string): PersonRef {
    return Object.assign(new PersonRef(), { id });
  }
}

/** identity's Unit (推荐单位). */
@Directive('@key(fields: "id")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID) id!: string;
  static of(id: string): UnitRef {
    return Object.assign(new UnitRef(), { id });
  }
}

/** declaration's Notice (the matter, 事项). */
@Directive('@key(fields: "id")')
@ObjectType('Notice')
export class NoticeRef {
  @Field(() => ID) id!: string;
  static of(id: string): NoticeRef {
    return Object.assign(new NoticeRef(), { id });
  }
}

/** declaration's Declaration; review adds its timeline, current task and route progress. */
@Directive('@key(fields: "id")')
@ObjectType('Declaration')
export class DeclarationRef {
  @Field(() => ID) id!: string;
  static of(id: string): DeclarationRef {
    return Object.assign(new DeclarationRef(), { id });
  }
}

// ---- the timeline --------------------------------------------------------------------------

const moduleWords = (modules: readonly ModuleKey[] | null | undefined) =>
  modules ? modules.map((m) => MODULE_WORDS[m] ?? m) : null;

@ObjectType('TimelineEntry', {
  description:
    'One step of the progress (流程推送 / 进度跟踪): who, at which level and organisation, what, the opinion and when. Hash-chained (审核记录不可篡改).',
})
export class TimelineEntryView {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '0, 1, 2 … within the declaration' }) sequence!: number;
  @Field(() => Int, { description: 'The review task the step belongs to' }) taskSequence!: number;
  @Field() at!: Date;
  @Field(() => TimelineStepEnum) step!: TimelineStep;
  @Field({ description: 'e.g. 退回修改' }) stepText!: string;
  @Field(() => TimelineLevelEnum) level!: ReviewLevel | 'APPLICANT';
  @Field({ description: 'e.g. 推荐单位, 申报人' }) levelText!: string;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field(() => String, { nullable: true }) organisationName!: string | null;
  @Field({ description: 'Who acted (reviewer, agent, 单位法人, committee secretary or the applicant)' })
  actorName!: string;
  @Field(() => String, { nullable: true }) opinion!: string | null;
  @Field(() => [ModuleKeyEnum], { nullable: true, description: 'RETURN: the modules to change' })
  modules!: ModuleKey[] | null;
  @Field(() => [String], { nullable: true, description: 'The modules in words' })
  moduleNames!: string[] | null;
  @Field(() => ReturnTargetEnum, { nullable: true }) returnTarget!: ReturnTarget | null;
  @Field(() => String, { nullable: true, description: 'e.g. 申报人' }) returnTargetText!: string | null;
  @Field(() => ID, { nullable: true, description: 'FORWARD: the 批量送审 batch' }) batchId!: string | null;
  @Field(() => DeclarationStatusEnum, { description: "The applicant's status after this step" })
  statusAfter!: ApplicantStatus;
  @Field() statusText!: string;
  @Field({ description: 'SHA-256 over this entry and the previous hash' }) hash!: string;

  static of(row: TimelineEntryRow): TimelineEntryView {
    return Object.assign(new TimelineEntryView(), {
      id: row.id,
      sequence: row.sequence,
      taskSequence: row.taskSequence,
      at: row.at,
      step: row.step,
      stepText: row.stepText,
      level: row.level,
      levelText: row.levelText,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      actorName: row.actorName,
      opinion: row.opinion,
      modules: row.modules,
      moduleNames: moduleWords(row.modules),
      returnTarget: row.returnTarget,
      returnTargetText: row.returnTarget ? RETURN_TARGET_WORDS[row.returnTarget] : null,
      batchId: row.batchId,
      statusAfter: row.statusAfter,
      statusText: row.statusText,
      hash: row.hash,
    });
  }
}

// ---- tasks ---------------------------------------------------------------------------------

@ObjectType('ModuleFlag', { description: '此模块信息是否有误: a reviewer’s mark on one module' })
export class ModuleFlagView {
  @Field(() => ModuleKeyEnum) module!: ModuleKey;
  @Field() moduleName!: string;
  @Field({ description: '是 (has errors) / 否' }) hasErrors!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() setByName!: string;
  @Field() setAt!: Date;

  static of(flag: ModuleFlag): ModuleFlagView {
    return Object.assign(new ModuleFlagView(), {
      module: flag.module,
      moduleName: MODULE_WORDS[flag.module] ?? flag.module,
      hasErrors: flag.hasErrors,
      note: flag.note ?? null,
      setByName: flag.setByName,
      setAt: flag.setAt,
    });
  }
}

@ObjectType('TalentLevel', { description: '人才分类定级 class (人才类别), e.g. C / C类' })
export class TalentLevelView {
  @Field({ description: 'A (top) … E' }) code!: string;
  @Field({ description: 'e.g. C类' }) name!: string;

  static of(level: TalentLevel | null | undefined): TalentLevelView | null {
    return level ? Object.assign(new TalentLevelView(), { code: level.code, name: level.name }) : null;
  }
}

@ObjectType('TaskDecision', { description: 'The decision on a task (the latest, for a deferring committee)' })
export class TaskDecisionView {
  @Field(() => TimelineStepEnum) step!: TimelineStep;
  @Field({ description: 'e.g. 通过, 退回修改, 暂缓, 评审通过（认定为C类）' }) stepText!: string;
  @Field(() => TalentLevelView, {
    nullable: true,
    description: '人才分类定级 评审结果 通过: the class awarded',
  })
  talentLevel!: TalentLevelView | null;
  @Field() opinion!: string;
  @Field(() => [ModuleKeyEnum], { nullable: true }) modules!: ModuleKey[] | null;
  @Field(() => ReturnTargetEnum, { nullable: true }) returnTarget!: ReturnTarget | null;
  @Field() reviewerName!: string;
  @Field() decidedAt!: Date;
}

@ObjectType('TaskForwarding', { description: '批量送审 of a unit task' })
export class TaskForwardingView {
  @Field(() => ID) batchId!: string;
  @Field() forwardedAt!: Date;
  @Field() forwardedByName!: string;
}

@ObjectType('ReturnNote', { description: 'A higher level’s return to this level (shown to its reviewer)' })
export class ReturnNoteView {
  @Field(() => ReviewLevelEnum) fromLevel!: ReviewLevel;
  @Field() fromLevelText!: string;
  @Field() organisationName!: string;
  @Field(() => [ModuleKeyEnum]) modules!: ModuleKey[];
  @Field(() => [String]) moduleNames!: string[];
  @Field() opinion!: string;
  @Field() at!: Date;
}

@ObjectType('ReviewTask', {
  description: 'One visit of a route level: 待审 → decided (and, for units, 待送审 → 已送审)',
})
export class ReviewTaskView {
  @Field(() => ID) declarationId!: string;
  @Field(() => Int, { description: 'Pass it as taskSequence when deciding (a stale page is refused)' })
  sequence!: number;
  @Field(() => ReviewLevelEnum) level!: ReviewLevel;
  @Field() levelText!: string;
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => ReviewTaskStateEnum) state!: TaskState;
  @Field({ description: 'e.g. 待审, 待送审' }) stateText!: string;
  @Field(() => ReviewTaskOriginEnum) origin!: TaskOrigin;
  @Field() openedAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => TaskDecisionView, { nullable: true }) decision!: TaskDecisionView | null;
  @Field(() => TaskForwardingView, { nullable: true }) forwarding!: TaskForwardingView | null;
  @Field(() => ReturnNoteView, { nullable: true }) returnedFrom!: ReturnNoteView | null;

  static of(declarationId: string, task: ReviewTask): ReviewTaskView {
    const d = task.decision;
    return Object.assign(new ReviewTaskView(), {
      declarationId,
      sequence: task.sequence,
      level: task.level,
      levelText: REVIEW_LEVEL_WORDS[task.level],
      organisationId: task.organisationId,
      organisationName: task.organisationName,
      state: task.state,
      stateText: TASK_STATE_WORDS[task.state],
      origin: task.origin,
      openedAt: new Date(task.openedAt),
      closedAt: task.closedAt ? new Date(task.closedAt) : null,
      decision: d
        ? Object.assign(new TaskDecisionView(), {
            step: d.step,
            stepText: d.talentLevel
              ? `${TIMELINE_STEP_WORDS[d.step]}（认定为${d.talentLevel.name}）`
              : TIMELINE_STEP_WORDS[d.step],
            talentLevel: TalentLevelView.of(d.talentLevel),
            opinion: d.opinion,
            modules: d.modules,
            returnTarget: d.returnTarget,
            reviewerName: d.reviewerName,
            decidedAt: new Date(d.decidedAt),
          })
        : null,
      forwarding: task.forwarding
        ? Object.assign(new TaskForwardingView(), {
            batchId: task.forwarding.batchId,
            forwardedAt: new Date(task.forwarding.forwardedAt),
            forwardedByName: task.forwarding.forwardedByName,
          })
        : null,
      returnedFrom: task.returnedFrom
        ? Object.assign(new ReturnNoteView(), {
            fromLevel: task.returnedFrom.fromLevel,
            fromLevelText: REVIEW_LEVEL_WORDS[task.returnedFrom.fromLevel],
            organisationName: task.returnedFrom.organisationName,
            modules: task.returnedFrom.modules,
            moduleNames: moduleWords(task.returnedFrom.modules)!,
            opinion: task.returnedFrom.opinion,
            at: new Date(task.returnedFrom.at),
          })
        : null,
    });
  }
}

@ObjectType('ApplicantReturn', {
  description: 'A return to the applicant: what to change, and who returned it',
})
export class ApplicantReturnView {
  @Field(() => ReviewLevelEnum, {
    description: 'The level that returned it (the resubmission goes back there)',
  })
  level!: ReviewLevel;
  @Field() levelText!: string;
  @Field() organisationName!: string;
  @Field(() => [ModuleKeyEnum]) modules!: ModuleKey[];
  @Field(() => [String]) moduleNames!: string[];
  @Field() opinion!: string;
  @Field() at!: Date;
}

@ObjectType('ReviewProgressNode', { description: 'A route level as the progress view (进度跟踪) draws it' })
export class ProgressNodeView {
  @Field(() => ReviewLevelEnum) level!: ReviewLevel;
  @Field() levelText!: string;
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => ProgressNodeStateEnum) node!: ProgressNodeState;
  @Field(() => ReviewTaskStateEnum, { nullable: true }) taskState!: TaskState | null;
}

@ObjectType('AllowedReviewAction', { description: 'What the caller may do now (the buttons to show)' })
export class AllowedActionView {
  @Field(() => ReviewActionTypeEnum) type!: AllowedAction['type'];
  @Field(() => Int, { nullable: true }) taskSequence!: number | null;
  @Field(() => [ReviewDecisionEnum]) decisions!: ReviewDecision[];
  @Field(() => [String], { description: 'The decisions in words' }) decisionNames!: string[];
  @Field(() => [ReturnTargetEnum]) returnTargets!: ReturnTarget[];
  @Field(() => [CommitteeResultEnum]) results!: CommitteeResult[];
  @Field(() => [String], { description: 'The committee results in words' }) resultNames!: string[];
  @Field(() => [TalentLevelView], {
    description: 'RECORD_TALENT_RESULT: the classes that may be awarded, top first',
  })
  talentLevels!: TalentLevelView[];
  @Field(() => TalentLevelView, {
    nullable: true,
    description: 'RECORD_TALENT_RESULT: the class applied for (awarded by default)',
  })
  appliedTalentLevel!: TalentLevelView | null;

  static of(action: AllowedAction): AllowedActionView {
    const decisions = action.type === 'DECIDE' ? action.decisions : [];
    const results =
      action.type === 'RECORD_COMMITTEE_RESULT' || action.type === 'RECORD_TALENT_RESULT'
        ? action.results
        : [];
    const talent = action.type === 'RECORD_TALENT_RESULT' ? action : null;
    return Object.assign(new AllowedActionView(), {
      type: action.type,
      taskSequence: 'task' in action ? action.task : null,
      decisions,
      decisionNames: decisions.map((d) => REVIEW_DECISION_WORDS[d]),
      returnTargets: action.type === 'DECIDE' ? action.returnTargets : [],
      results,
      resultNames: results.map((r) => COMMITTEE_RESULT_WORDS[r]),
      talentLevels: (talent?.levels ?? []).map((level) => TalentLevelView.of(level)!),
      appliedTalentLevel: TalentLevelView.of(talent?.appliedLevel),
    });
  }
}

@ObjectType('RoutingProblem', { description: 'Why an UNROUTABLE case cannot be reviewed' })
export class RoutingProblemView {
  @Field() field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

// ---- the case ------------------------------------------------------------------------------

@ObjectType('ReviewCase', {
  description: 'The review of one declaration: route, tasks, timeline, what may be done',
})
export class ReviewCaseView {
  /** The stored case (not a GraphQL field); field resolvers read it. */
  row!: ReviewCase;

  @Field(() => ID) declarationId!: string;
  @Field(() => DeclarationRef, {
    description: 'The declaration (its modules come from the declaration service)',
  })
  declaration!: DeclarationRef;
  @Field(() => PersonRef, { description: 'The applicant (identity gives the name and masked ID number)' })
  applicant!: PersonRef;
  @Field({ description: 'As submitted' }) applicantName!: string;
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field(() => NoticeRef, { description: 'The matter (事项)' }) notice!: NoticeRef;
  @Field(() => ID) noticeId!: string;
  @Field() channelCode!: string;
  @Field({ description: '申报职称' }) titleName!: string;
  @Field({ description: '申报级别' }) levelName!: string;
  @Field(() => String, {
    nullable: true,
    description: '申报系列 code (null on cases opened before it was kept)',
  })
  seriesCode!: string | null;
  @Field(() => String, { nullable: true, description: '申报系列, e.g. 工程系列' }) seriesName!: string | null;
  @Field(() => String, { nullable: true, description: '申报专业 code' }) specialtyCode!: string | null;
  @Field(() => String, { nullable: true, description: '申报专业' }) specialtyName!: string | null;
  @Field({ description: 'NORMAL 正常 / EXCEPTIONAL 破格' }) category!: string;
  @Field(() => ReviewPhaseEnum) phase!: CasePhase;
  @Field(() => DeclarationStatusEnum, { description: "The applicant's status as review sees it" })
  status!: ApplicantStatus;
  @Field() statusText!: string;
  @Field(() => ReviewTaskView, {
    nullable: true,
    description: 'The open task (null with the applicant or finished)',
  })
  currentTask!: ReviewTaskView | null;
  @Field(() => [ReviewTaskView], { description: 'Every task, in opening order' }) tasks!: ReviewTaskView[];
  @Field(() => [ProgressNodeView]) progress!: ProgressNodeView[];
  @Field(() => ApplicantReturnView, { nullable: true }) returnedToApplicant!: ApplicantReturnView | null;
  @Field(() => [RoutingProblemView], { description: 'UNROUTABLE: why' })
  routingProblems!: RoutingProblemView[];
  @Field() submittedAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int) version!: number;

  static of(row: ReviewCase): ReviewCaseView {
    const state = row.state ?? null;
    const status: ApplicantStatus = state ? applicantStatus(state) : 'SUBMITTED';
    const current = state?.tasks.find((t) => t.sequence === row.currentTaskSequence) ?? null;
    const r = state?.returnedToApplicant ?? null;
    return Object.assign(new ReviewCaseView(), {
      row,
      declarationId: row.declarationId,
      declaration: DeclarationRef.of(row.declarationId),
      applicant: PersonRef.of(row.applicantId),
      applicantName: row.applicantName,
      unit: UnitRef.of(row.unitId),
      unitName: row.unitName ?? null,
      notice: NoticeRef.of(row.noticeId),
      noticeId: row.noticeId,
      channelCode: row.channelCode,
      titleName: row.titleName,
      levelName: row.levelName,
      seriesCode: row.seriesCode ?? null,
      seriesName: row.seriesName ?? null,
      specialtyCode: row.specialtyCode ?? null,
      specialtyName: row.specialtyName ?? null,
      category: row.category,
      phase: row.phase,
      status,
      statusText: APPLICANT_STATUS_WORDS[status],
      currentTask: current ? ReviewTaskView.of(row.declarationId, current) : null,
      tasks: (state?.tasks ?? []).map((t) => ReviewTaskView.of(row.declarationId, t)),
      progress: state ? progressOf(row) : [],
      returnedToApplicant: r
        ? Object.assign(new ApplicantReturnView(), {
            level: r.level,
            levelText: REVIEW_LEVEL_WORDS[r.level],
            organisationName: r.organisationName,
            modules: r.modules,
            moduleNames: moduleWords(r.modules)!,
            opinion: r.opinion,
            at: new Date(r.at),
          })
        : null,
      routingProblems: (row.routingProblems ?? []).map((p) => Object.assign(new RoutingProblemView(), p)),
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      version: row.version,
    });
  }
}

export function progressOf(row: ReviewCase): ProgressNodeView[] {
  if (!row.state) return [];
  return routeProgress(row.state).map((n) =>
    Object.assign(new ProgressNodeView(), {
      level: n.level,
      levelText: REVIEW_LEVEL_WORDS[n.level],
      organisationId: n.organisationId,
      name: n.name,
      node: n.node,
      taskState: n.taskState,
    }),
  );
}

// ---- queues --------------------------------------------------------------------------------

@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Relay-style page information' })
export class PageInfoView {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ReviewQueueEdge')
export class ReviewQueueEdgeView {
  @Field() cursor!: string;
  @Field(() => ReviewCaseView) node!: ReviewCaseView;
}

@ObjectType('ReviewQueueConnection', { description: 'A page of a queue (待审 / 待送审 / 暂缓 / 已审)' })
export class ReviewQueueConnectionView {
  @Field(() => [ReviewQueueEdgeView]) edges!: ReviewQueueEdgeView[];
  @Field(() => PageInfoView) pageInfo!: PageInfoView;
  @Field(() => Int, { description: 'All matching, on every page' }) totalCount!: number;
}

@InputType('ReviewQueueFilter')
export class ReviewQueueFilterInput {
  @Field(() => ID, { nullable: true, description: 'The matter (notice)' }) noticeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the applicant’s name' })
  applicantName?: string | null;
  @Field(() => String, { nullable: true }) channelCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the recommending unit’s name (推荐单位)' })
  unitName?: string | null;
  @Field(() => String, { nullable: true, description: '申报系列 code (titleCatalogue)' })
  seriesCode?: string | null;
  @Field(() => String, { nullable: true, description: '申报专业 code (titleCatalogue)' })
  specialtyCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Submitted on or after this day, YYYY-MM-DD (China time)',
  })
  submittedFrom?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Submitted on or before this day, YYYY-MM-DD (China time)',
  })
  submittedTo?: string | null;
}

@ObjectType('ReviewMatterCount', { description: '业务审核: one matter (notice) and what waits here' })
export class MatterCountView {
  @Field(() => NoticeRef) notice!: NoticeRef;
  @Field(() => ID) noticeId!: string;
  @Field() channelCode!: string;
  @Field(() => Int, { description: '待审' }) pending!: number;
  @Field(() => Int, { description: '待送审 (units)' }) awaitingForward!: number;
  @Field(() => Int, { description: '暂缓 (committees)' }) deferred!: number;
}

// ---- batches ---------------------------------------------------------------------------------

@ObjectType('BatchAttachment', { description: '推荐报告/申报函 of a 批量送审 batch' })
export class BatchAttachmentView {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'pdf, jpg or png (from the file’s bytes)' }) format!: string;
  @Field() sha256!: string;
  @Field() uploadedAt!: Date;
  @Field() uploadedByName!: string;
  @Field({ description: 'Short-lived link on the gateway origin (add ?download=1 to save)' }) url!: string;
  @Field() urlExpiresAt!: Date;
}

@ObjectType('ReviewBatch', {
  description: '批量送审: declarations a unit forwarded together, with its attachment',
})
export class BatchView {
  batchRow!: Batch;
  @Field(() => ID) id!: string;
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => BatchAttachmentView) attachment!: BatchAttachmentView;
  @Field(() => Date, { nullable: true }) forwardedAt!: Date | null;
  @Field(() => String, { nullable: true }) forwardedByName!: string | null;
  @Field(() => [ID]) declarationIds!: string[];
}

@ObjectType('BatchAttachmentTicket', {
  description:
    'POST the file’s bytes to `url` (gateway origin) before `expiresAt`; the answer names the attachment id',
})
export class BatchAttachmentTicketView {
  @Field() url!: string;
  @Field() expiresAt!: Date;
  @Field(() => Int) maxBytes!: number;
  @Field(() => [String]) formats!: string[];
}

// ---- opinions and audit ----------------------------------------------------------------------

@ObjectType('ReviewOpinion', { description: 'A common opinion (常用意见) or one the reviewer saved' })
export class OpinionView {
  @Field(() => ID, { description: 'The built-in code, or the saved opinion’s id' }) id!: string;
  @Field(() => OpinionKindEnum) kind!: OpinionKind;
  @Field() text!: string;
  @Field({ description: 'The reviewer’s own (deletable)' }) custom!: boolean;
}

@ObjectType('AuditTrailCheck', {
  description: 'The audit trail checked entry by entry against its hash chain',
})
export class AuditTrailCheckView {
  @Field() ok!: boolean;
  @Field(() => Int, { description: 'Entries checked' }) length!: number;
  @Field(() => Int, { nullable: true, description: 'The first entry that is not as written (0-based)' })
  brokenIndex!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'ALTERED, MISSING, REORDERED, DUPLICATED, BROKEN_LINK, TRUNCATED, HEAD_MISMATCH, MALFORMED',
  })
  reason!: string | null;
  @Field() message!: string;
}

@InputType('ModuleFlagInput')
export class ModuleFlagInputType {
  @Field(() => ModuleKeyEnum) module!: ModuleKey;
  @Field({ description: '是否有误' }) hasErrors!: boolean;
  @Field(() => String, { nullable: true, description: 'What is wrong (≤200 characters)' }) note?:
    string | null;
}

// ---- live ----------------------------------------------------------------------------------

@ObjectType('TimelineChange', {
  description:
    'A declaration’s timeline grew (or, with resync, may have: refetch). Sent after the change commits.',
})
export class TimelineChangeView {
  @Field(() => ID) declarationId!: string;
  @Field(() => TimelineEntryView, {
    nullable: true,
    description: 'The new entry (the latest one after a resync)',
  })
  entry!: TimelineEntryView | null;
  @Field(() => DeclarationStatusEnum, { description: "The applicant's status now, as review sees it" })
  status!: ApplicantStatus;
  @Field() statusText!: string;
  @Field({ description: 'True when notices may have been missed: refetch the timeline' }) resync!: boolean;
  @Field() at!: Date;
}

@ObjectType('ReviewQueueChange', {
  description: 'The caller’s organisation’s queue changed: refetch the counts and the list',
})
export class QueueChangeView {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID, { nullable: true, description: 'null after a resync' }) declarationId!: string | null;
  @Field(() => QueueChangeEnum) change!: QueueChangeEnum;
  @Field() at!: Date;
}
