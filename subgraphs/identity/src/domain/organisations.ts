// 机构管理: the bureau tree (province → city → county), competent departments and review committees.
// An administrator (a bureau's staff with ORGANISATION_ADMIN) manages its own organisation and
// everything below it; the province's administrators the whole tree. Every change is announced
// (OrganisationChanged), so review routes declarations by jurisdiction without reading our tables.
import {
  appError,
  ErrorCode,
  notFound,
  Problems,
  requireRole,
  Role,
  type AuthResult,
  type EntityManager,
} from '@zhicheng/server-kit';
import { recordEvent } from '@zhicheng/events';
import {
  isRegionCode,
  regionCovers,
  regionLevel,
  TITLE_LEVELS,
  TITLE_SERIES,
  titleLevelsOf,
  type TitleLevelCode,
} from '@zhicheng/domain-codes';
import { Organisation, OrganisationKind } from '../entities';
import { isUuid } from '../loaders';
import { checkName } from './validate';

export const BUREAU_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.PROVINCE_BUREAU,
  OrganisationKind.CITY_BUREAU,
  OrganisationKind.COUNTY_BUREAU,
];

export const isBureau = (org: Organisation) => BUREAU_KINDS.includes(org.kind);

/** The kind a bureau's child bureau must be; departments and committees hang under any bureau. */
const CHILD_BUREAU: Partial<Record<OrganisationKind, OrganisationKind>> = {
  PROVINCE_BUREAU: OrganisationKind.CITY_BUREAU,
  CITY_BUREAU: OrganisationKind.COUNTY_BUREAU,
};

const KIND_WORDS: Record<OrganisationKind, string> = {
  PROVINCE_BUREAU: '省级人社部门',
  CITY_BUREAU: '市级人社部门',
  COUNTY_BUREAU: '县（区）级人社部门',
  DEPARTMENT: '行政主管部门',
  COMMITTEE: '评审委员会',
};

export const outsideJurisdiction = () =>
  appError(ErrorCode.FORBIDDEN, '只能管理本机构及下级机构，该机构不在您的管辖范围内', {
    reason: 'OUTSIDE_JURISDICTION',
  });

/** What an administrator may manage: its organisation and every descendant, in tree order. */
export interface AdminScope {
  accountId: string;
  /** Every organisation of the platform (a few hundred rows: the tree is walked in memory). */
  all: Organisation[];
  root: Organisation;
  organisations: Organisation[];
  ids: Set<string>;
}

export async function adminScope(em: EntityManager, auth: AuthResult): Promise<AdminScope> {
  const principal = requireRole(auth, Role.ORGANISATION_ADMIN);
  const all = await em.find(Organisation, {}, { orderBy: { regionCode: 'asc', kind: 'asc', name: 'asc' } });
  const root = all.find((o) => o.id === principal.organisationId);
  if (!root) throw notFound('您的所属机构不存在，请联系上级管理员');
  const children = new Map<string, Organisation[]>();
  for (const org of all) {
    const parentId = org.parent?.id;
    if (parentId) children.set(parentId, [...(children.get(parentId) ?? []), org]);
  }
  const organisations: Organisation[] = [];
  const visit = (org: Organisation) => {
    organisations.push(org);
    for (const child of children.get(org.id) ?? []) visit(child);
  };
  visit(root);
  return {
    accountId: principal.accountId,
    all,
    root,
    organisations,
    ids: new Set(organisations.map((o) => o.id)),
  };
}

/** An organisation of the scope; another one is refused (their ids are public, so no NOT_FOUND). */
export function scopedOrganisation(scope: AdminScope, id: string): Organisation {
  const org = isUuid(id) ? scope.organisations.find((o) => o.id === id) : undefined;
  if (org) return org;
  throw outsideJurisdiction();
}

export function announceOrganisation(em: EntityManager, org: Organisation): void {
  recordEvent(em, 'OrganisationChanged', {
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    regionCode: org.regionCode,
    parentId: org.parent?.id ?? null,
    enabled: org.enabled,
    committee:
      org.kind === OrganisationKind.COMMITTEE
        ? {
            seriesCode: org.committeeSeriesCode ?? '',
            levelCodes: org.committeeLevelCodes ?? [],
            specialtyCodes: org.committeeSpecialtyCodes ?? [],
            open: org.committeeOpen ?? false,
          }
        : null,
    at: new Date().toISOString(),
  });
}

export interface CommitteeScopeInput {
  seriesCode: string;
  levelCodes: string[];
  specialtyCodes?: string[] | null;
  open: boolean;
}

/**
 * A committee reviews one series at some of its levels, optionally only some specialties; a level
 * the series (or a chosen specialty) does not have is refused naming the levels it does have.
 */
function checkCommittee(problems: Problems, field: string, input: CommitteeScopeInput | null | undefined) {
  if (!input) {
    problems.add(field, 'REQUIRED', '评审委员会须填写评审系列、评审级别和是否开放申报');
    return null;
  }
  const series = TITLE_SERIES.find((s) => s.code === input.seriesCode);
  if (!series) {
    problems.add(`${field}.seriesCode`, 'UNKNOWN_SERIES', '请选择评审系列（职称系列不存在）');
    return null;
  }
  const specialtyCodes = [...new Set(input.specialtyCodes ?? [])];
  specialtyCodes.forEach((code, i) => {
    if (!series.specialties.some((s) => s.code === code))
      problems.add(
        `${field}.specialtyCodes.${i}`,
        'UNKNOWN_SPECIALTY',
        `${series.name}没有该评审专业，请重新选择`,
      );
  });
  const levelCodes = [...new Set(input.levelCodes)];
  if (levelCodes.length === 0) problems.add(`${field}.levelCodes`, 'REQUIRED', '请至少选择一个评审级别');
  const known = specialtyCodes.length
    ? specialtyCodes.map((code) => ({ code, levels: titleLevelsOf(series.code, code) }))
    : [{ code: null, levels: titleLevelsOf(series.code) }];
  levelCodes.forEach((level, i) => {
    const missing = known.find((k) => !k.levels.includes(level as TitleLevelCode));
    if (!missing) return;
    const owner = missing.code
      ? (series.specialties.find((s) => s.code === missing.code)?.name ?? series.name)
      : series.name;
    const has = missing.levels.map((l) => TITLE_LEVELS[l]).join('、');
    const word = TITLE_LEVELS[level as TitleLevelCode];
    problems.add(
      `${field}.levelCodes.${i}`,
      'LEVEL_NOT_IN_SERIES',
      word
        ? `${owner}没有${word}职称，评审级别请从 ${has} 中选择`
        : `评审级别 ${level} 不存在，请从 ${has} 中选择`,
    );
  });
  return { seriesCode: series.code, levelCodes, specialtyCodes, open: Boolean(input.open) };
}

export interface CreateOrganisationRequest {
  parentId: string;
  kind: OrganisationKind;
  name: string;
  regionCode?: string | null;
  committee?: CommitteeScopeInput | null;
}

/** Region and kind rules of the tree: a city under the province, a county under its city. */
function checkPlace(
  problems: Problems,
  parent: Organisation,
  kind: OrganisationKind,
  regionCode: string,
  siblings: Organisation[],
): void {
  if (!isBureau(parent)) {
    problems.add('input.parentId', 'PARENT_NOT_BUREAU', '上级机构须为人社部门（省、市或县区）');
    return;
  }
  if (kind === OrganisationKind.PROVINCE_BUREAU) {
    problems.add('input.kind', 'KIND_NOT_ALLOWED', '省级人社部门只有一个，不能新增');
    return;
  }
  if (BUREAU_KINDS.includes(kind) && CHILD_BUREAU[parent.kind] !== kind) {
    const expected = CHILD_BUREAU[parent.kind];
    problems.add(
      'input.kind',
      'KIND_NOT_ALLOWED',
      expected
        ? `${parent.name}的下级人社部门应为${KIND_WORDS[expected]}`
        : `${KIND_WORDS[parent.kind]}下不能再设人社部门，可新增行政主管部门或评审委员会`,
    );
  }
  if (!isRegionCode(regionCode)) {
    problems.add('input.regionCode', 'INVALID_REGION', '行政区划代码应为6位数字，如 220100');
    return;
  }
  if (!regionCovers(parent.regionCode, regionCode))
    problems.add(
      'input.regionCode',
      'REGION_OUTSIDE_PARENT',
      `行政区划须在上级机构“${parent.name}”的区划之内`,
    );
  if (kind === OrganisationKind.CITY_BUREAU && regionLevel(regionCode) !== 'CITY')
    problems.add('input.regionCode', 'REGION_LEVEL', '市级人社部门的行政区划代码应以00结尾，如 220200');
  if (kind === OrganisationKind.COUNTY_BUREAU && regionLevel(regionCode) !== 'COUNTY')
    problems.add(
      'input.regionCode',
      'REGION_LEVEL',
      '县（区）级人社部门的行政区划代码不能以00结尾，如 220104',
    );
  if (BUREAU_KINDS.includes(kind) && siblings.some((o) => isBureau(o) && o.regionCode === regionCode))
    problems.add('input.regionCode', 'DUPLICATE_REGION', '该行政区划已有人社部门');
}

export async function createOrganisation(
  em: EntityManager,
  auth: AuthResult,
  request: CreateOrganisationRequest,
): Promise<Organisation> {
  const scope = await adminScope(em, auth);
  const parent = scopedOrganisation(scope, request.parentId);
  const problems = new Problems();
  const name = checkName(problems, 'input.name', request.name, '机构名称');
  const regionCode = (request.regionCode ?? parent.regionCode).trim();
  checkPlace(problems, parent, request.kind, regionCode, scope.all);
  if (scope.all.some((o) => o.name === name))
    problems.add('input.name', 'DUPLICATE_NAME', '已有同名机构，请核对名称');
  const committee =
    request.kind === OrganisationKind.COMMITTEE
      ? checkCommittee(problems, 'input.committee', request.committee)
      : null;
  problems.throwIfAny();
  const org = em.create(Organisation, {
    name,
    kind: request.kind,
    regionCode,
    parent,
    committeeSeriesCode: committee?.seriesCode ?? null,
    committeeLevelCodes: committee?.levelCodes ?? null,
    committeeSpecialtyCodes: committee?.specialtyCodes ?? null,
    committeeOpen: committee?.open ?? null,
  });
  em.persist(org);
  announceOrganisation(em, org);
  await em.flush();
  return org;
}

export interface UpdateOrganisationRequest {
  name?: string | null;
  enabled?: boolean | null;
  committee?: CommitteeScopeInput | null;
}

/** Name, enabled and a committee's remit change; place in the tree (kind, parent, region) does not. */
export async function updateOrganisation(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  request: UpdateOrganisationRequest,
): Promise<Organisation> {
  const scope = await adminScope(em, auth);
  const org = scopedOrganisation(scope, id);
  const problems = new Problems();
  const name = request.name != null ? checkName(problems, 'input.name', request.name, '机构名称') : undefined;
  if (name && scope.all.some((o) => o.name === name && o.id !== org.id))
    problems.add('input.name', 'DUPLICATE_NAME', '已有同名机构，请核对名称');
  if (request.enabled === false && org.id === scope.root.id)
    problems.add('input.enabled', 'OWN_ORGANISATION', '不能停用本人所在的机构，请联系上级管理员');
  if (request.committee && org.kind !== OrganisationKind.COMMITTEE)
    problems.add('input.committee', 'NOT_A_COMMITTEE', '只有评审委员会有评审范围');
  const committee =
    request.committee && org.kind === OrganisationKind.COMMITTEE
      ? checkCommittee(problems, 'input.committee', request.committee)
      : null;
  problems.throwIfAny();
  if (name !== undefined) org.name = name;
  if (request.enabled != null) org.enabled = request.enabled;
  if (committee) {
    org.committeeSeriesCode = committee.seriesCode;
    org.committeeLevelCodes = committee.levelCodes;
    org.committeeSpecialtyCodes = committee.specialtyCodes;
    org.committeeOpen = committee.open;
  }
  announceOrganisation(em, org);
  await em.flush();
  return org;
}
