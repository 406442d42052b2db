import type { EntityManager } from '@zhicheng/server-kit';
import { recordEvent, type EventPayloads } from '@zhicheng/events';
import type { Unit } from '../entities';

/** What UnitReady tells binding and review about a unit (review routes by region and department). */
export function unitReadyPayload(unit: Unit): EventPayloads['UnitReady'] {
  return {
    unitId: unit.id,
    creditCode: unit.creditCode,
    name: unit.name,
    regionCode: unit.regionCode ?? null,
    nature: unit.nature ?? null,
    competentDepartmentId: unit.competentDepartment?.id ?? null,
  };
}

/**
 * Notes a unit's first sign-in (legal person or agent) and announces UnitReady: from now on
 * applicants may bind to it (SPEC §2: 单位须已注册并登录过). The event is only added to the unit of
 * work, so it commits with firstSignInAt or not at all. Later sign-ins change nothing.
 *
 * Two first sign-ins of one unit at the same moment may both announce it; the consumer (binding's
 * bindable-unit read model) is an upsert, so that is harmless.
 */
export function markUnitSignedIn(em: EntityManager, unit: Unit, at: Date): void {
  if (unit.firstSignInAt) return;
  unit.firstSignInAt = at;
  recordEvent(em, 'UnitReady', unitReadyPayload(unit));
}
