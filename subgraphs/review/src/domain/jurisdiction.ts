// 按人事管理权限逐级审核: a route level the notice leaves open (no organisation) goes to whoever has
// jurisdiction over the applicant's unit — the DEPARTMENT level to the unit's competent department
// (none: 无, the level is skipped), the BUREAU level to the most local bureau whose region covers
// the unit's region (a county's, else its city's, else the province's), the COMMITTEE level to the
// most local open committee whose remit (series, level, specialty) takes the declared title and
// whose region covers the unit's (an applicant's own choice, where the channel asks for one, comes
// fixed in the route). Levels the notice fixes
// stay as they are, and levels it leaves out are not added. Pure, so it is tested without a database.
import { regionCovers } from '@zhicheng/domain-codes';
import type { RouteLevel } from './vocabulary';

export interface JurisdictionUnit {
  regionCode?: string | null;
  competentDepartmentId?: string | null;
}

export interface JurisdictionOrganisation {
  organisationId: string;
  name: string;
  kind: string;
  regionCode: string;
  enabled: boolean;
  committee?: {
    seriesCode: string;
    levelCodes: readonly string[];
    specialtyCodes: readonly string[];
    open: boolean;
  } | null;
}

/** The title a declaration asks for, as its committee's remit names it. */
export interface DeclaredTitle {
  seriesCode: string;
  levelCode: string;
  specialtyCode?: string | null;
}

/** How local a region code is: 220000 province 1, 220100 city 2, 220104 county 3. */
const regionDepth = (code: string) => (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3);

/** The most local enabled, open committee that reviews the title for the unit's region, or null. */
export function committeeFor(
  title: DeclaredTitle | null | undefined,
  regionCode: string | null | undefined,
  organisations: readonly JurisdictionOrganisation[],
): JurisdictionOrganisation | null {
  if (!title?.seriesCode || !title.levelCode || !regionCode) return null;
  let best: JurisdictionOrganisation | null = null;
  for (const org of organisations) {
    const scope = org.committee;
    if (org.kind !== 'COMMITTEE' || !org.enabled || !scope?.open) continue;
    if (scope.seriesCode !== title.seriesCode || !scope.levelCodes.includes(title.levelCode)) continue;
    if (scope.specialtyCodes.length > 0 && !scope.specialtyCodes.includes(title.specialtyCode ?? ''))
      continue;
    if (!regionCovers(org.regionCode, regionCode)) continue;
    if (!best || regionDepth(org.regionCode) > regionDepth(best.regionCode)) best = org;
  }
  return best;
}

const BUREAU_DEPTH: Record<string, number> = { PROVINCE_BUREAU: 1, CITY_BUREAU: 2, COUNTY_BUREAU: 3 };

/** The most local enabled bureau covering `regionCode`, or null. */
export function bureauFor(
  regionCode: string | null | undefined,
  organisations: readonly JurisdictionOrganisation[],
): JurisdictionOrganisation | null {
  if (!regionCode) return null;
  let best: JurisdictionOrganisation | null = null;
  for (const org of organisations) {
    const depth = BUREAU_DEPTH[org.kind];
    if (!depth || !org.enabled || !regionCovers(org.regionCode, regionCode)) continue;
    if (!best || depth > BUREAU_DEPTH[best.kind]) best = org;
  }
  return best;
}

export function routeByJurisdiction(
  route: readonly RouteLevel[],
  unit: JurisdictionUnit | null,
  organisations: readonly JurisdictionOrganisation[],
  title: DeclaredTitle | null = null,
): RouteLevel[] {
  return route.map((level) => {
    if (level.organisationId) return { ...level };
    if (level.level === 'DEPARTMENT') {
      const id = unit?.competentDepartmentId;
      if (!id) return { ...level };
      const department = organisations.find((o) => o.organisationId === id);
      if (department && !department.enabled) return { ...level };
      return { ...level, organisationId: id, name: department?.name ?? level.name };
    }
    if (level.level === 'BUREAU') {
      const bureau = bureauFor(unit?.regionCode, organisations);
      return bureau ? { ...level, organisationId: bureau.organisationId, name: bureau.name } : { ...level };
    }
    if (level.level === 'COMMITTEE') {
      const committee = committeeFor(title, unit?.regionCode, organisations);
      return committee
        ? { ...level, organisationId: committee.organisationId, name: committee.name }
        : { ...level };
    }
    return { ...level };
  });
}
