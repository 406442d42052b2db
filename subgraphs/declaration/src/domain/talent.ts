// 人才分类定级: the chosen standard sets the level; the applicant never types it.
import { TALENT_LEVEL_ORDER, TALENT_STANDARDS, type TalentLevelCode } from './data/talent-standards';
import type { TalentBasicInfo } from './types';

export function talentLevelForStandard(standardCode: string | null | undefined): TalentLevelCode | undefined {
  return TALENT_STANDARDS.find((s) => s.code === standardCode)?.level;
}

/** The talent basic info with its level set from the standard (store this, not the input). */
export function withTalentLevel(info: TalentBasicInfo): TalentBasicInfo {
  return { ...info, levelCode: talentLevelForStandard(info.standardCode) ?? null };
}

/** True when `level` is a higher class than `than` (A is the highest). */
export function isHigherTalentLevel(level: TalentLevelCode, than: TalentLevelCode): boolean {
  return TALENT_LEVEL_ORDER.indexOf(level) < TALENT_LEVEL_ORDER.indexOf(than);
}

export function isTalentLevelCode(value: unknown): value is TalentLevelCode {
  return typeof value === 'string' && (TALENT_LEVEL_ORDER as readonly string[]).includes(value);
}
