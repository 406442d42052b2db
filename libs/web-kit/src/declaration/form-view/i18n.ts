// The words of the declaration form as the applicant sees it (module list, attachment catalogue):
// the wizard and the bureau's preview render the same components, so they share these words.
import { registerTranslations } from '../../i18n';

const zhCN = {
  required: '必填',
  optional: '选填',
  modules: '申报模块',
  moduleOf: '申报模块（第{{n}}个，共{{total}}个）',
  problemCount: '{{count}}个问题',
  marker: {
    NOT_STARTED: '未开始',
    IN_PROGRESS: '填写中',
    COMPLETE: '已完成',
    TO_FIX: '退回需修改',
  },
  catalogue: {
    title: '附件材料信息',
    name: '材料名称',
    rules: '上传规范',
    rule: '单个大小不能超过{{kb}}KB，最多上传{{count}}个（{{formats}}）',
    files: '已上传材料',
  },
};

const en: typeof zhCN = {
  required: 'required',
  optional: 'optional',
  modules: 'Modules',
  moduleOf: 'Module {{n}} of {{total}}',
  problemCount: '{{count}} problem(s)',
  marker: {
    NOT_STARTED: 'not started',
    IN_PROGRESS: 'in progress',
    COMPLETE: 'complete',
    TO_FIX: 'returned: to fix',
  },
  catalogue: {
    title: 'Attachments',
    name: 'Material',
    rules: 'Rules',
    rule: 'At most {{kb}} KB each, up to {{count}} file(s) ({{formats}})',
    files: 'Uploaded',
  },
};

registerTranslations('formView', { 'zh-CN': zhCN, en });
