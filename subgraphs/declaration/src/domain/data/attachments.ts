// The default attachment catalogue (附件材料信息), as in the 吉林 manual's list: each slot with its
// formats, size limit and count. A notice copies the slots it needs and may change them.
import { deepFreeze } from '../freeze';
import type { AttachmentSlotConfig } from '../types';

/** Slot codes the rules refer to by name. */
export const PHOTO_SLOT_CODE = 'PHOTO';
export const UNIT_PUBLICITY_SLOT_CODE = 'UNIT_PUBLICITY';
export const ID_CARD_SLOT_CODE = 'ID_CARD';

/** 证件照 宽高比例为1:1.75 (width : height); the upload is measured on its pixels (photo.ts). */
export const PHOTO_ASPECT_RATIO = { width: 1, height: 1.75 } as const;

const slot = (
  code: string,
  name: string,
  maxSizeKb: number,
  maxCount: number,
  extra: Partial<AttachmentSlotConfig> = {},
): AttachmentSlotConfig => ({
  code,
  name,
  formats: ['pdf', 'jpg', 'png'],
  maxSizeKb,
  maxCount,
  required: false,
  ...extra,
});

export const ATTACHMENT_CATALOGUE: readonly AttachmentSlotConfig[] = deepFreeze([
  slot(PHOTO_SLOT_CODE, '个人照片', 500, 1, {
    formats: ['jpg', 'png'],
    required: true,
    module: 'BASIC_INFO',
  }),
  // 身份证正反面: the one attachment every channel requires.
  slot(ID_CARD_SLOT_CODE, '身份证', 2000, 2, { required: true }),
  slot('CURRENT_TITLE_CERTIFICATE', '现岗位职称或职业资格证书', 5000, 1),
  slot('APPOINTMENT_DOCUMENT', '聘任文件', 5000, 1),
  slot('CONTINUING_EDUCATION_PROOF', '继续教育学习证明材料', 5000, 1),
  slot('STUDENT_RECORD_REPORT', '教育部学籍在线验证报告（或毕业生登记表）', 5000, 1),
  slot('DIPLOMA_CERTIFICATE', '学历证书', 5000, 1),
  slot('DEGREE_CERTIFICATE', '学位证书', 5000, 1),
  slot('LABOUR_CONTRACT', '劳动合同', 5000, 1),
  slot('PRACTICE_QUALIFICATION_CERTIFICATE', '执业资格证书', 5000, 1),
  slot('ECONOMICS_EXAM_CERTIFICATE', '经济、会计、审计、统计考试合格证书', 5000, 1),
  slot('OTHER_PROOF', '其他证明材料', 5000, 1),
  slot(UNIT_PUBLICITY_SLOT_CODE, '单位公示表', 5000, 3, { required: true, module: 'UNIT_PUBLICITY' }),
]);

/** A fresh copy of one catalogue slot (changes made by a notice never leak into the defaults). */
export function catalogueSlot(
  code: string,
  overrides: Partial<AttachmentSlotConfig> = {},
): AttachmentSlotConfig {
  const found = ATTACHMENT_CATALOGUE.find((s) => s.code === code);
  if (!found) throw new Error(`unknown attachment slot ${code}`);
  return { ...found, formats: [...found.formats], ...overrides };
}
