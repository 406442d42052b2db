// Status and step words, as the seeds say them, with English. The API answers the codes and, as a
// convenience for Chinese screens, the Chinese word (`statusText`, `stepText` …); clients in other
// languages translate the codes with these tables.
import type { Words } from './label';

export const DECLARATION_STATUS = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  SUBMITTED: { zh: '已申报', en: 'Submitted' },
  RETURNED: { zh: '被退回', en: 'Returned' },
  MATERIALS_APPROVED: { zh: '材料审核通过', en: 'Materials approved' },
  FINALLY_APPROVED: { zh: '终审通过', en: 'Finally approved' },
  TERMINATED: { zh: '审核不通过终止审核', en: 'Rejected, review ended' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Words<string>;

export const BINDING_STATUS = {
  PENDING: { zh: '待审核', en: 'Awaiting review' },
  APPROVED: { zh: '已绑定', en: 'Bound' },
  REFUSED: { zh: '审核不通过终止审核', en: 'Refused' },
  ENDED: { zh: '已解绑', en: 'Unbound' },
} as const satisfies Words<string>;

export const CERTIFICATE_STATUS = {
  VALID: { zh: '有效', en: 'Valid' },
  REVOKED: { zh: '已作废', en: 'Revoked' },
} as const satisfies Words<string>;

export const CERTIFICATE_FORM = {
  ELECTRONIC: { zh: '电子证书', en: 'Electronic certificate' },
  REGISTERED_PAPER: { zh: '已登记的纸质证书', en: 'Registered paper certificate' },
} as const satisfies Words<string>;

/** 证书补办/换发 and 历史职称数据登记 applications. */
export const APPLICATION_STATUS = {
  PENDING: { zh: '待审核', en: 'Awaiting review' },
  APPROVED: { zh: '审核通过', en: 'Approved' },
  REJECTED: { zh: '审核不通过', en: 'Rejected' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Words<string>;

/** Route levels (推荐单位 → 行政主管部门 → 人社部门 → 评委会) and the applicant. */
export const REVIEW_LEVEL = {
  UNIT: { zh: '推荐单位', en: 'Recommending unit' },
  DEPARTMENT: { zh: '行政主管部门', en: 'Competent department' },
  BUREAU: { zh: '人社部门', en: 'HR bureau' },
  COMMITTEE: { zh: '评委会', en: 'Review committee' },
} as const satisfies Words<string>;

export const TIMELINE_LEVEL = {
  APPLICANT: { zh: '申报人', en: 'Applicant' },
  ...REVIEW_LEVEL,
} as const satisfies Words<string>;

export const RETURN_TARGET = TIMELINE_LEVEL;

export const TIMELINE_STEP = {
  SUBMIT: { zh: '提交申报', en: 'Submitted' },
  RESUBMIT: { zh: '修改后重新提交', en: 'Resubmitted after changes' },
  PASS: { zh: '通过', en: 'Passed' },
  FORWARD: { zh: '送审', en: 'Forwarded' },
  RETURN: { zh: '退回修改', en: 'Returned for changes' },
  TERMINATE: { zh: '审核不通过终止审核', en: 'Rejected, review ended' },
  COMMITTEE_PASS: { zh: '评审通过', en: 'Committee passed' },
  COMMITTEE_FAIL: { zh: '评审不通过', en: 'Committee failed' },
  COMMITTEE_DEFER: { zh: '暂缓', en: 'Deferred' },
} as const satisfies Words<string>;

export const TASK_STATE = {
  PENDING: { zh: '待审', en: 'To review' },
  AWAITING_FORWARD: { zh: '待送审', en: 'To forward' },
  DEFERRED: { zh: '暂缓', en: 'Deferred' },
  FORWARDED: { zh: '已送审', en: 'Forwarded' },
  PASSED: { zh: '审核通过', en: 'Passed' },
  RETURNED: { zh: '已退回', en: 'Returned' },
  TERMINATED: { zh: '审核不通过终止审核', en: 'Rejected, review ended' },
} as const satisfies Words<string>;

export const REVIEW_DECISION = {
  PASS: { zh: '通过', en: 'Pass' },
  RETURN: { zh: '退回修改', en: 'Return for changes' },
  TERMINATE: { zh: '审核不通过终止审核', en: 'Reject and end the review' },
} as const satisfies Words<string>;

export const COMMITTEE_RESULT = {
  PASS: { zh: '通过', en: 'Pass' },
  FAIL: { zh: '不通过', en: 'Fail' },
  DEFER: { zh: '暂缓', en: 'Defer' },
} as const satisfies Words<string>;

export const DECLARATION_CATEGORY = {
  NORMAL: { zh: '正常', en: 'Normal' },
  EXCEPTIONAL: { zh: '破格', en: 'Exceptional' },
} as const satisfies Words<string>;

/** The menus the seeds show (人才人事 → …, 江苏: 专业技术人员管理服务). */
export const CHANNEL_GROUP = {
  TITLE_REVIEW: { zh: '专业技术职称评审申报', en: 'Professional title review' },
  HIGH_LEVEL_RECOGNITION: {
    zh: '高层次和特殊人才职称认定',
    en: 'Title recognition for high-level and special talent',
  },
  SECOND_LEVEL_POST: { zh: '专业技术二级岗位评聘申报', en: 'Second-level professional post appointment' },
  SECOND_LEVEL_POST_ASSESSMENT: {
    zh: '专业技术二级岗位聘期考核申报',
    en: 'Second-level post term assessment',
  },
  THIRD_LEVEL_POST_ASSESSMENT: {
    zh: '专业技术三级岗位聘期考核申报',
    en: 'Third-level post term assessment',
  },
  TALENT_CLASSIFICATION: { zh: '人才分类定级评定', en: 'Talent classification' },
  JIANGSU_TITLE: { zh: '专业技术人员管理服务', en: 'Professional staff services' },
} as const satisfies Words<string>;

/** 业务表册: the business forms printed as PDF. */
export const BUSINESS_FORM = {
  REVIEW_LIST: { zh: '职称评审一览表', en: 'Title review list' },
  PUBLICITY: { zh: '公示表', en: 'Publicity form' },
  TALENT_APPLICATION: { zh: '人才分类定级认定申报表', en: 'Talent classification application form' },
} as const satisfies Words<string>;

/** Every table above by the GraphQL enum it translates (clients look words up by enum name). */
export const STATUS_WORDS = {
  DeclarationStatus: DECLARATION_STATUS,
  DeclarationCategory: DECLARATION_CATEGORY,
  ChannelGroup: CHANNEL_GROUP,
  BusinessFormKind: BUSINESS_FORM,
  BindingStatus: BINDING_STATUS,
  CertificateStatus: CERTIFICATE_STATUS,
  CertificateForm: CERTIFICATE_FORM,
  CertificateApplicationStatus: APPLICATION_STATUS,
  ReviewLevel: REVIEW_LEVEL,
  TimelineLevel: TIMELINE_LEVEL,
  ReturnTarget: RETURN_TARGET,
  TimelineStep: TIMELINE_STEP,
  ReviewTaskState: TASK_STATE,
  ReviewDecision: REVIEW_DECISION,
  CommitteeResult: COMMITTEE_RESULT,
} as const;
export type StatusEnum = keyof typeof STATUS_WORDS;
