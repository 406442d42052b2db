export { zhWords, enWords, type Label, type Words } from './label';
export {
  MODULE_KEYS,
  MODULES,
  ENUM_WORDS,
  moduleByDataKey,
  fieldOf,
  fieldAtPath,
  type ModuleKey,
  type ModuleDefinition,
  type FieldDefinition,
  type FieldKind,
  type EnumName,
} from './modules';
export {
  DECLARATION_STATUS,
  DECLARATION_CATEGORY,
  CHANNEL_GROUP,
  BUSINESS_FORM,
  BINDING_STATUS,
  CERTIFICATE_STATUS,
  CERTIFICATE_FORM,
  APPLICATION_STATUS,
  REVIEW_LEVEL,
  TIMELINE_LEVEL,
  RETURN_TARGET,
  TIMELINE_STEP,
  TASK_STATE,
  REVIEW_DECISION,
  COMMITTEE_RESULT,
  STATUS_WORDS,
  type StatusEnum,
} from './statuses';
export { ATTACHMENT_NAMES, englishName, type AttachmentCode } from './attachments';
