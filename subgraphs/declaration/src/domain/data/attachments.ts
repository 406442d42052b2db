// The default attachment catalogue (附件材料信息), as in the 吉林 manual's list: each slot with its
// formats, size limit and count. A notice copies the slots it needs and may change them.
import { ATTACHMENT_NAMES, type AttachmentCode } from '@zhicheng/vocabulary';
import { deepFreeze } from '../freeze';
import type { AttachmentSlotConfig } from '../types';

/** Slot codes the rules refer to by name. */
export const PHOTO_SLOT_CODE = 'PHOTO' satisfies AttachmentCode;
export const UNIT_PUBLICITY_SLOT_CODE = 'UNIT_PUBLICITY' satisfies AttachmentCode;
export const ID_CARD_SLOT_CODE = 'ID_CARD' satisfies AttachmentCode;

/** 证件照 宽高比例为1:1.75 (width : height); the upload is measured on its pixels (photo.ts). */
export const PHOTO_ASPECT_RATIO = { width: 1, height: 1.75 } as const;

/** Names come from the vocabulary (with their English). */
const slot = (
  code: AttachmentCode,
  maxSizeKb: number,
  maxCount: number,
  extra: Partial<AttachmentSlotConfig> = {},
): AttachmentSlotConfig => ({
  code,
  name: ATTACHMENT_NAMES[code].zh,
  formats: ['pdf', 'jpg', 'png'],
  maxSizeKb,
  maxCount,
  required: false,
  ...extra,
});

export const ATTACHMENT_CATALOGUE: readonly AttachmentSlotConfig[] = deepFreeze([
  slot(PHOTO_SLOT_CODE, 500, 1, {
    formats: ['jpg', 'png'],
    required: true,
    module: 'BASIC_INFO',
  }),
  // 身份证正反面: the one attachment every channel requires.
  slot(ID_CARD_SLOT_CODE, 2000, 2, { required: true }),
  slot('CURRENT_TITLE_CERTIFICATE', 5000, 1),
  slot('APPOINTMENT_DOCUMENT', 5000, 1),
  slot('CONTINUING_EDUCATION_PROOF', 5000, 1),
  slot('STUDENT_RECORD_REPORT', 5000, 1),
  slot('DIPLOMA_CERTIFICATE', 5000, 1),
  slot('DEGREE_CERTIFICATE', 5000, 1),
  slot('LABOUR_CONTRACT', 5000, 1),
  slot('PRACTICE_QUALIFICATION_CERTIFICATE', 5000, 1),
  slot('ECONOMICS_EXAM_CERTIFICATE', 5000, 1),
  slot('OTHER_PROOF', 5000, 1),
  slot(UNIT_PUBLICITY_SLOT_CODE, 5000, 3, { required: true, module: 'UNIT_PUBLICITY' }),
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
