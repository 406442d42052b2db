// The review UI shared by unit-audit and bureau-dashboard (业务审核, 审核, 批量送审, 评审结果, 流程推送, 常用意见).
import './i18n';

export { BatchForwardPanel } from './BatchForwardPanel';
export { CommitteeBatchPanel } from './CommitteeBatchPanel';
export { CommonOpinionsPage } from './CommonOpinionsPage';
export { FileList, FilePreview } from './FilePreview';
export type { PreviewFile } from './FilePreview';
export { ModulesView } from './ModulesView';
export type { AttachmentSlotInfo, ModuleAttachment, ModulesViewProps } from './ModulesView';
export { ReviewCasePage } from './ReviewCasePage';
export type { ReviewCasePageProps } from './ReviewCasePage';
export {
  CommitteeResultForm,
  CommonOpinionPicker,
  ReviewDecisionForm,
  TalentResultForm,
} from './ReviewDecisionForm';
export type { ReviewDecisionFormProps, TalentLevelOption } from './ReviewDecisionForm';
export { ReviewMattersPage } from './ReviewMattersPage';
export { ReviewQueuePage, PAGE_SIZES } from './ReviewQueuePage';
export type { QueueRow, ReviewQueuePageProps } from './ReviewQueuePage';
export { ReviewTimeline } from './ReviewTimeline';
export type { ProgressNode, TimelineRow } from './ReviewTimeline';
