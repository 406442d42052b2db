// The materials (材料上传) of 补办/换发 and 历史职称数据登记, as seed 004 lists them: PDF only;
// all three for a 补办, at least two of three for a registration.
import { ATTACHMENT_NAMES, type AttachmentCode } from '@zhicheng/vocabulary';

export type MaterialPurpose = 'REISSUE' | 'HISTORICAL';

export interface Material {
  code: string;
  name: string;
}

/** Names from the vocabulary (with their English). */
const material = (code: AttachmentCode): Material => ({ code, name: ATTACHMENT_NAMES[code].zh });

export const REISSUE_MATERIALS: readonly Material[] = [
  material('ORIGINAL_DOCUMENTS'),
  material('VOID_NOTICE'),
  material('REISSUE_FORM'),
];

export const HISTORICAL_MATERIALS: readonly Material[] = [
  material('DECLARATION_FORM'),
  material('OLD_CERTIFICATE'),
  material('APPROVAL_DOCUMENT'),
];

/** A registration needs at least this many of its three materials. */
export const HISTORICAL_MIN_MATERIALS = 2;

/** Each material is one PDF of at most this size. */
export const MATERIAL_MAX_KB = 10_240;
export const MATERIAL_MAX_BYTES = MATERIAL_MAX_KB * 1024;

export const materialsOf = (purpose: MaterialPurpose) =>
  purpose === 'REISSUE' ? REISSUE_MATERIALS : HISTORICAL_MATERIALS;

export const materialName = (purpose: MaterialPurpose, code: string) =>
  materialsOf(purpose).find((m) => m.code === code)?.name ?? code;

export interface FileFact {
  id: string;
  slot: string;
}

/**
 * Which materials are missing or doubled among the files named, as field problems (`files`).
 * Every slot at most once; 补办 all three, 登记 at least two.
 */
export function materialProblems(
  purpose: MaterialPurpose,
  files: readonly FileFact[],
): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  const slots = new Set<string>();
  for (const file of files) {
    if (slots.has(file.slot))
      problems.push({
        code: 'MATERIAL_DUPLICATE',
        message: `“${materialName(purpose, file.slot)}”只能上传一个文件，请删除多余的文件`,
      });
    slots.add(file.slot);
  }
  if (purpose === 'REISSUE') {
    const missing = REISSUE_MATERIALS.filter((m) => !slots.has(m.code)).map((m) => m.name);
    if (missing.length > 0)
      problems.push({
        code: 'MATERIALS_MISSING',
        message: `请上传${missing.map((n) => `“${n}”`).join('、')}（PDF 格式，三项必须上传）`,
      });
  } else if (slots.size < HISTORICAL_MIN_MATERIALS) {
    problems.push({
      code: 'MATERIALS_TOO_FEW',
      message: `申报表、老证书、批文至少上传${HISTORICAL_MIN_MATERIALS}项（PDF 格式），当前只上传了${slots.size}项`,
    });
  }
  return problems;
}
