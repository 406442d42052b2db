// Names of the default attachment catalogue's slots (附件材料信息, the 吉林 manual's list). A
// notice's form configuration copies the slots it needs and may rename them.
import type { Label } from './label';

export const ATTACHMENT_NAMES = {
  PHOTO: { zh: '个人照片', en: 'Photo' },
  ID_CARD: { zh: '身份证', en: 'ID card' },
  CURRENT_TITLE_CERTIFICATE: {
    zh: '现岗位职称或职业资格证书',
    en: 'Current title or vocational qualification certificate',
  },
  APPOINTMENT_DOCUMENT: { zh: '聘任文件', en: 'Appointment document' },
  CONTINUING_EDUCATION_PROOF: { zh: '继续教育学习证明材料', en: 'Continuing education proof' },
  STUDENT_RECORD_REPORT: {
    zh: '教育部学籍在线验证报告（或毕业生登记表）',
    en: 'Student record verification report (or graduate registration form)',
  },
  DIPLOMA_CERTIFICATE: { zh: '学历证书', en: 'Diploma' },
  DEGREE_CERTIFICATE: { zh: '学位证书', en: 'Degree certificate' },
  LABOUR_CONTRACT: { zh: '劳动合同', en: 'Labour contract' },
  PRACTICE_QUALIFICATION_CERTIFICATE: { zh: '执业资格证书', en: 'Practice qualification certificate' },
  ECONOMICS_EXAM_CERTIFICATE: {
    zh: '经济、会计、审计、统计考试合格证书',
    en: 'Economics, accounting, audit or statistics exam certificate',
  },
  OTHER_PROOF: { zh: '其他证明材料', en: 'Other proof' },
  UNIT_PUBLICITY: { zh: '单位公示表', en: 'Unit publicity form' },
  // The materials of 证书补办/换发 and 历史职称数据登记 (seed 004).
  ORIGINAL_DOCUMENTS: {
    zh: '原申报表/老证书/批文',
    en: 'Original application form, old certificate or approval',
  },
  VOID_NOTICE: { zh: '证书作废登报声明', en: 'Newspaper notice voiding the certificate' },
  REISSUE_FORM: { zh: '证书补办（换发）申请表', en: 'Reissue (renewal) application form' },
  DECLARATION_FORM: { zh: '申报表', en: 'Application form' },
  OLD_CERTIFICATE: { zh: '老证书', en: 'Old certificate' },
  APPROVAL_DOCUMENT: { zh: '批文', en: 'Approval document' },
} as const satisfies Record<string, Label>;
export type AttachmentCode = keyof typeof ATTACHMENT_NAMES;

/**
 * The English name of a configured module or slot: its own English name when the configuration
 * gives one, else the default's (also when a bureau renamed it in Chinese only), else the name.
 */
export function englishName(name: string, defaults: Label | undefined, nameEn?: string | null): string {
  return nameEn || defaults?.en || name;
}
