// 按人事管理权限逐级审核: a route level the notice leaves open (no organisation) goes to whoever has
// jurisdiction over the applicant's unit — the DEPARTMENT level to the unit's competent department
// (none: 无, the level is skipped), the BUREAU level to the most local bureau whose region covers
// the unit's region (a county's, else its city's, else the province's). Levels the notice fixes
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
    return { ...level };
  });
}
