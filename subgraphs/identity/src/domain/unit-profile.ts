// A unit's 所属行政区划, 工作单位性质 and 行政主管部门 (seed 004): they decide who reviews its
// declarations by jurisdiction (the competent department, then the bureau of its region). The
// legal person keeps them; a change reaches review and binding as a fresh UnitReady.
import { ref } from '@mikro-orm/core';
import { Problems, requireRole, Role, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import { recordEvent } from '@zhicheng/events';
import { isRegionCode, regionCovers } from '@zhicheng/domain-codes';
import { Organisation, OrganisationKind, Unit, UnitNature } from '../entities';
import { isUuid } from '../loaders';
import { BUREAU_KINDS } from './organisations';
import { unitReadyPayload } from './unit-ready';

export interface UnitProfileRequest {
  regionCode: string;
  nature: UnitNature;
  /** null: 无 (no competent department). */
  competentDepartmentId?: string | null;
}

/** Checks a profile against the organisation tree; every problem at once. */
export async function checkUnitProfile(em: EntityManager, request: UnitProfileRequest, field = 'input') {
  const problems = new Problems();
  const regionCode = request.regionCode.trim();
  const bureaus = await em.find(Organisation, { kind: { $in: [...BUREAU_KINDS] }, enabled: true });
  if (!isRegionCode(regionCode))
    problems.add(`${field}.regionCode`, 'INVALID_REGION', '所属行政区划代码应为6位数字，如 220104');
  else if (!bureaus.some((b) => regionCovers(b.regionCode, regionCode)))
    problems.add(
      `${field}.regionCode`,
      'REGION_UNKNOWN',
      '所属行政区划不在本平台人社部门的管辖范围内，请重新选择',
    );
  if (!Object.values(UnitNature).includes(request.nature))
    problems.add(`${field}.nature`, 'REQUIRED', '请选择工作单位性质');
  let department: Organisation | null = null;
  if (request.competentDepartmentId) {
    department = isUuid(request.competentDepartmentId)
      ? await em.findOne(Organisation, {
          id: request.competentDepartmentId,
          kind: OrganisationKind.DEPARTMENT,
          enabled: true,
        })
      : null;
    if (!department)
      problems.add(
        `${field}.competentDepartmentId`,
        'UNKNOWN_DEPARTMENT',
        '行政主管部门不存在或已停用，请重新选择（没有主管部门请选“无”）',
      );
  }
  problems.throwIfAny();
  return { regionCode, nature: request.nature, department };
}

export async function updateUnitProfile(
  em: EntityManager,
  auth: AuthResult,
  request: UnitProfileRequest,
): Promise<Unit> {
  const principal = requireRole(auth, Role.LEGAL_PERSON);
  const unit = await em.findOneOrFail(Unit, { id: principal.unitId ?? principal.accountId });
  const profile = await checkUnitProfile(em, request);
  unit.regionCode = profile.regionCode;
  unit.nature = profile.nature;
  unit.competentDepartment = profile.department ? ref(profile.department) : null;
  // Not yet ready: its first sign-in announces it with this profile.
  if (unit.firstSignInAt) recordEvent(em, 'UnitReady', unitReadyPayload(unit));
  await em.flush();
  return unit;
}
