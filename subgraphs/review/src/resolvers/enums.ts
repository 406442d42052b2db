import { registerEnumType } from 'type-graphql';
import { ModuleKey } from '../domain/vocabulary';

// GraphQL enums. ModuleKey and DeclarationStatus repeat the declaration subgraph's exactly (the
// supergraph merges same-named enums; identical values compose in any position).

export enum ReviewLevelEnum {
  UNIT = 'UNIT',
  DEPARTMENT = 'DEPARTMENT',
  BUREAU = 'BUREAU',
  COMMITTEE = 'COMMITTEE',
}
registerEnumType(ReviewLevelEnum, {
  name: 'ReviewLevel',
  description: '推荐单位 / 行政主管部门 / 人社部门 / 评委会',
});

export enum TimelineLevelEnum {
  APPLICANT = 'APPLICANT',
  UNIT = 'UNIT',
  DEPARTMENT = 'DEPARTMENT',
  BUREAU = 'BUREAU',
  COMMITTEE = 'COMMITTEE',
}
registerEnumType(TimelineLevelEnum, {
  name: 'TimelineLevel',
  description: 'Who took a timeline step: the applicant (申报人) or a review level',
});

export enum ReviewTaskStateEnum {
  PENDING = 'PENDING',
  AWAITING_FORWARD = 'AWAITING_FORWARD',
  DEFERRED = 'DEFERRED',
  FORWARDED = 'FORWARDED',
  PASSED = 'PASSED',
  RETURNED = 'RETURNED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ReviewTaskStateEnum, {
  name: 'ReviewTaskState',
  description: '待审 / 待送审 / 暂缓 (open) · 已送审 / 审核通过 / 已退回 / 审核不通过终止审核 (closed)',
});

export enum ReviewTaskOriginEnum {
  SUBMITTED = 'SUBMITTED',
  ADVANCED = 'ADVANCED',
  RETURNED_FROM_ABOVE = 'RETURNED_FROM_ABOVE',
  RESUBMITTED = 'RESUBMITTED',
  MATERIALS_APPROVED = 'MATERIALS_APPROVED',
}
registerEnumType(ReviewTaskOriginEnum, {
  name: 'ReviewTaskOrigin',
  description:
    'Why the task was opened: submission, a pass below, a return from above, a resubmission, or MATERIALS_APPROVED: a 人才分类定级 route ended with 材料审核通过 and its last seat records the 评审结果',
});

export enum ReviewQueueStateEnum {
  PENDING = 'PENDING',
  AWAITING_FORWARD = 'AWAITING_FORWARD',
  DEFERRED = 'DEFERRED',
  HANDLED = 'HANDLED',
}
registerEnumType(ReviewQueueStateEnum, {
  name: 'ReviewQueueState',
  description: '待审 / 待送审 (units) / 暂缓 (committees) / 已审 (handled here, now elsewhere or finished)',
});

export enum ReviewDecisionEnum {
  PASS = 'PASS',
  RETURN = 'RETURN',
  TERMINATE = 'TERMINATE',
}
registerEnumType(ReviewDecisionEnum, {
  name: 'ReviewDecision',
  description: '通过 / 退回修改 / 审核不通过终止审核',
});

export enum CommitteeResultEnum {
  PASS = 'PASS',
  FAIL = 'FAIL',
  DEFER = 'DEFER',
}
registerEnumType(CommitteeResultEnum, { name: 'CommitteeResult', description: '通过 / 不通过 / 暂缓' });

export enum ReturnTargetEnum {
  APPLICANT = 'APPLICANT',
  UNIT = 'UNIT',
  DEPARTMENT = 'DEPARTMENT',
  BUREAU = 'BUREAU',
}
registerEnumType(ReturnTargetEnum, {
  name: 'ReturnTarget',
  description: 'Where a return sends the declaration: the applicant, or a lower level of its route',
});

export enum ReviewPhaseEnum {
  IN_REVIEW = 'IN_REVIEW',
  RETURNED = 'RETURNED',
  MATERIALS_APPROVED = 'MATERIALS_APPROVED',
  FINALLY_APPROVED = 'FINALLY_APPROVED',
  TERMINATED = 'TERMINATED',
  UNROUTABLE = 'UNROUTABLE',
}
registerEnumType(ReviewPhaseEnum, {
  name: 'ReviewPhase',
  description:
    'IN_REVIEW (a level holds it), RETURNED (with the applicant), the three final outcomes, or UNROUTABLE (its route names no organisation for a level; nobody can review it until resubmitted with a fixed route)',
});

export enum DeclarationStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  MATERIALS_APPROVED = 'MATERIALS_APPROVED',
  FINALLY_APPROVED = 'FINALLY_APPROVED',
  TERMINATED = 'TERMINATED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DeclarationStatusEnum, {
  name: 'DeclarationStatus',
  description: '草稿 / 已申报 / 被退回 / 材料审核通过 / 终审通过 / 审核不通过终止审核 / 已取消',
});

/** The declaration's modules: the vocabulary's keys, as the declaration subgraph's ModuleKey. */
export const ModuleKeyEnum = ModuleKey;
export type ModuleKeyEnum = ModuleKey;
registerEnumType(ModuleKeyEnum, { name: 'ModuleKey' });

export enum TimelineStepEnum {
  SUBMIT = 'SUBMIT',
  RESUBMIT = 'RESUBMIT',
  PASS = 'PASS',
  FORWARD = 'FORWARD',
  RETURN = 'RETURN',
  TERMINATE = 'TERMINATE',
  COMMITTEE_PASS = 'COMMITTEE_PASS',
  COMMITTEE_FAIL = 'COMMITTEE_FAIL',
  COMMITTEE_DEFER = 'COMMITTEE_DEFER',
}
registerEnumType(TimelineStepEnum, {
  name: 'TimelineStep',
  description:
    '提交申报 / 修改后重新提交 / 通过 / 送审 / 退回修改 / 审核不通过终止审核 / 评审通过 / 评审不通过 / 暂缓',
});

export enum OpinionKindEnum {
  PASS = 'PASS',
  RETURN = 'RETURN',
  TERMINATE = 'TERMINATE',
  COMMITTEE_PASS = 'COMMITTEE_PASS',
  COMMITTEE_FAIL = 'COMMITTEE_FAIL',
  COMMITTEE_DEFER = 'COMMITTEE_DEFER',
}
registerEnumType(OpinionKindEnum, {
  name: 'OpinionKind',
  description: 'The decision an opinion suits (通过, 退回修改, 终止, or a committee result)',
});

export enum ReviewActionTypeEnum {
  DECIDE = 'DECIDE',
  FORWARD = 'FORWARD',
  RECORD_COMMITTEE_RESULT = 'RECORD_COMMITTEE_RESULT',
  RECORD_TALENT_RESULT = 'RECORD_TALENT_RESULT',
  RESUBMIT = 'RESUBMIT',
}
registerEnumType(ReviewActionTypeEnum, {
  name: 'ReviewActionType',
  description:
    'DECIDE (decideReview), FORWARD (forwardBatch), RECORD_COMMITTEE_RESULT (recordCommitteeResult), RECORD_TALENT_RESULT (recordTalentResult: 人才分类定级 评审结果), RESUBMIT (the applicant resubmits through the declaration service)',
});

export enum ProgressNodeStateEnum {
  DONE = 'DONE',
  CURRENT = 'CURRENT',
  RETURNED = 'RETURNED',
  TERMINATED = 'TERMINATED',
  WAITING = 'WAITING',
}
registerEnumType(ProgressNodeStateEnum, {
  name: 'ProgressNodeState',
  description: 'A route node in the progress view (进度跟踪)',
});

export enum QueueChangeEnum {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  UPDATED = 'UPDATED',
  RESYNC = 'RESYNC',
}
registerEnumType(QueueChangeEnum, {
  name: 'ReviewQueueChangeKind',
  description:
    'ADDED (a declaration reached the queue), REMOVED (it left), UPDATED (its task changed here, e.g. 待审 → 待送审), RESYNC (notices may have been missed: refetch everything)',
});
