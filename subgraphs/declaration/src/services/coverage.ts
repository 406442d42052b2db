// Who a notice is for, and which committee reviews whom: plain functions over the notice's data.
import { daysLeft, isWindowOpen } from '../domain';
import type { Notice, NoticeCommittee, NoticeCoverage } from '../entities';
import { NoticeStatus } from '../entities';
import { regionCovers } from '@zhicheng/domain-codes';

/** The registration region of a unit from its unified social credit code (characters 3–8). */
export function regionOfCreditCode(creditCode: string | null | undefined): string | null {
  const region = creditCode?.slice(2, 8);
  return region && /^\d{6}$/.test(region) ? region : null;
}

/** The unit's 所属行政区划 when it said one, else the region its credit code was issued in. */
export function regionOfUnit(unit: { regionCode?: string | null; creditCode: string } | null): string | null {
  return unit?.regionCode || regionOfCreditCode(unit?.creditCode);
}

/** The series a specialty belongs to (catalogue codes are dotted paths: ENG.ME → ENG). */
export const seriesOfSpecialty = (specialtyCode: string): string => specialtyCode.split('.')[0];

export type CoverageRefusal = 'UNIT' | 'REGION';

/** Why a unit's applicants may not declare under a notice, or null when they may. */
export function coverageRefusal(
  coverage: NoticeCoverage,
  unit: { unitId: string; regionCode: string | null },
): CoverageRefusal | null {
  if (coverage.unitIds.length > 0 && !coverage.unitIds.includes(unit.unitId)) return 'UNIT';
  if (
    coverage.regionCodes.length > 0 &&
    !(unit.regionCode && coverage.regionCodes.some((code) => regionCovers(code, unit.regionCode!)))
  )
    return 'REGION';
  return null;
}

export interface CommitteeQuery {
  regionCode: string;
  levelCode: string;
  specialtyCode: string;
}

/** Whether a committee reviews declarations of this region, level and specialty. */
export function committeeServes(committee: NoticeCommittee, query: CommitteeQuery): boolean {
  const series = seriesOfSpecialty(query.specialtyCode);
  return (
    regionCovers(committee.regionCode, query.regionCode) &&
    (committee.levelCodes.length === 0 || committee.levelCodes.includes(query.levelCode)) &&
    (committee.seriesCodes.length === 0 || committee.seriesCodes.includes(series)) &&
    (committee.specialtyCodes.length === 0 || committee.specialtyCodes.includes(query.specialtyCode))
  );
}

/** Published and inside [opensAt, closesAt). */
export function isOpen(notice: Pick<Notice, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return notice.status === NoticeStatus.PUBLISHED && isWindowOpen(notice, now);
}

/** 距申报截止剩余 N 天 (the domain's rule). */
export const daysLeftOf = (notice: Pick<Notice, 'closesAt'>, now: Date): number =>
  daysLeft(notice.closesAt, now);
