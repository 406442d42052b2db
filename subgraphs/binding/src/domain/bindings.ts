import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  ApiScope,
  appError,
  assertClientScope,
  conflict,
  ErrorCode,
  hasScope,
  notFound,
  Problems,
  requirePrincipal,
  requireRole,
  Role,
  type AuthResult,
  type EntityManager,
  type Principal,
} from '@zhicheng/server-kit';
import { recordEvent } from '@zhicheng/events';
import { BindableUnit, Binding, BindingStatus, DeciderKind, OPEN_STATUSES } from '../entities';
import { isUuid } from './ids';
import { statusText } from './status';

/** 办件意见 is free text of at most this many characters (the unit portal's limit). */
export const OPINION_MAX_LENGTH = 200;

export const UNIT_NOT_BINDABLE = 'UNIT_NOT_BINDABLE';
const UNIT_NOT_BINDABLE_MESSAGE =
  '该单位尚未激活或从未登录，暂不能绑定；请核对统一社会信用代码，或联系单位法人激活账号并登录一次后再试';
const ALREADY_BOUND_MESSAGE = '您已绑定或正在申请绑定单位，请先解绑或等待审核';

const newestFirst = { requestedAt: 'desc', id: 'desc' } as const;

// ---- who may do what ----------------------------------------------------------------------------

function applicantId(auth: AuthResult): string {
  return requireRole(auth, Role.APPLICANT).accountId;
}

/** The unit a legal person's or agent's token acts for (a legal person's account is its unit). */
const unitOf = (p: Principal): string | undefined =>
  p.unitId ?? (p.kind === 'LEGAL_PERSON' ? p.accountId : undefined);

/** The legal person or an agent acts for the unit in its token; nobody else decides bindings. */
function unitAccount(auth: AuthResult): Principal & { unitId: string } {
  const principal = requireRole(auth, Role.LEGAL_PERSON, Role.UNIT_AGENT);
  const unitId = unitOf(principal);
  if (!unitId) throw appError(ErrorCode.FORBIDDEN, '登录凭证未注明所属单位，请重新登录');
  return { ...principal, unitId };
}

/** Whether the caller is the applicant of this binding (Person.currentBinding/bindings). */
export function isPerson(auth: AuthResult, personId: string): boolean {
  const p = auth.principal;
  return p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === personId;
}

/**
 * Whether the caller may read this unit's bindings (Unit.bindingRequests): its legal person, an
 * agent, or the unit's third-party client with bindings:read (deciding stays with people).
 */
export function actsForUnit(auth: AuthResult, unitId: string): boolean {
  const p = auth.principal;
  if (hasScope(p, ApiScope.BINDINGS_READ)) return p?.unitId === unitId;
  if (!p || !(p.roles.includes(Role.LEGAL_PERSON) || p.roles.includes(Role.UNIT_AGENT))) return false;
  return unitOf(p) === unitId;
}

/** The unit whose binding requests the caller may list: a unit account's, or its client's (bindings:read). */
function unitReader(auth: AuthResult): string {
  const principal = requirePrincipal(auth);
  assertClientScope(principal, ApiScope.BINDINGS_READ);
  if (principal.kind === 'CLIENT') {
    if (!principal.unitId)
      throw appError(ErrorCode.FORBIDDEN, '只有单位的接口客户端可以查询本单位的绑定申请');
    return principal.unitId;
  }
  return unitAccount(auth).unitId;
}

/** A binding is seen by its applicant and by its unit's accounts; to anyone else it does not exist. */
export function maySee(auth: AuthResult, binding: Binding): boolean {
  return isPerson(auth, binding.personId) || actsForUnit(auth, binding.unitId);
}

// ---- reading ------------------------------------------------------------------------------------

export async function myBindings(em: EntityManager, auth: AuthResult): Promise<Binding[]> {
  return bindingsOfPersons(em, [applicantId(auth)]);
}

export async function myCurrentBinding(em: EntityManager, auth: AuthResult): Promise<Binding | null> {
  const personId = applicantId(auth);
  return em.findOne(Binding, { personId, status: { $in: [...OPEN_STATUSES] } });
}

export async function unitBindingRequests(
  em: EntityManager,
  auth: AuthResult,
  status?: BindingStatus | null,
): Promise<Binding[]> {
  return bindingsOfUnits(em, [unitReader(auth)], status);
}

/**
 * One binding request, to its applicant or to its unit's accounts (opening it to decide: the unit
 * then reads the applicant's full ID number from identity). Anyone else: NOT_FOUND.
 */
export async function bindingRequest(em: EntityManager, auth: AuthResult, id: string): Promise<Binding> {
  if (auth.principal?.kind === 'CLIENT') unitReader(auth);
  else requireRole(auth, Role.APPLICANT, Role.LEGAL_PERSON, Role.UNIT_AGENT);
  const problems = new Problems();
  if (!isUuid(id)) problems.add('id', 'INVALID_ID', '绑定申请编号格式不正确');
  problems.throwIfAny();
  const binding = await em.findOne(Binding, { id });
  if (!binding || !maySee(auth, binding)) throw notFound('绑定申请不存在或不属于本单位');
  return binding;
}

/** Every binding of these persons, newest first (for batch loaders). */
export function bindingsOfPersons(em: EntityManager, personIds: readonly string[]): Promise<Binding[]> {
  return em.find(Binding, { personId: { $in: [...personIds] } }, { orderBy: newestFirst });
}

/** The open (PENDING or APPROVED) binding of each of these persons (at most one each). */
export function openBindingsOfPersons(em: EntityManager, personIds: readonly string[]): Promise<Binding[]> {
  return em.find(Binding, { personId: { $in: [...personIds] }, status: { $in: [...OPEN_STATUSES] } });
}

export function bindingsOfUnits(
  em: EntityManager,
  unitIds: readonly string[],
  status?: BindingStatus | null,
): Promise<Binding[]> {
  return em.find(
    Binding,
    { unitId: { $in: [...unitIds] }, ...(status ? { status } : {}) },
    { orderBy: newestFirst },
  );
}

// ---- changing -----------------------------------------------------------------------------------

/** Commits the change and its events together; a concurrent change to the same row loses. */
async function flushChange(em: EntityManager, binding: Binding): Promise<Binding> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      em.clear();
      const now = await em.findOne(Binding, { id: binding.id });
      const state = now ? `（当前状态：${statusText(now.status)}）` : '';
      throw conflict(`该绑定申请刚刚已被他人处理${state}，请刷新后查看`);
    }
    throw error;
  }
  return binding;
}

/**
 * The applicant asks a unit to be their recommending unit (去绑定 → 绑定). Only units identity has
 * announced as ready (activated and signed in once) qualify, and only while the applicant has no
 * other open request or binding.
 */
export async function requestBinding(em: EntityManager, auth: AuthResult, unitId: string): Promise<Binding> {
  const personId = applicantId(auth);
  const problems = new Problems();
  if (!isUuid(unitId))
    problems.add('unitId', 'INVALID_ID', '单位编号格式不正确，请通过统一社会信用代码查询后选择单位');
  problems.throwIfAny();

  const unit = await em.findOne(BindableUnit, { unitId });
  if (!unit) {
    throw appError(ErrorCode.BAD_USER_INPUT, UNIT_NOT_BINDABLE_MESSAGE, {
      reason: UNIT_NOT_BINDABLE,
      fields: [{ field: 'unitId', code: UNIT_NOT_BINDABLE, message: UNIT_NOT_BINDABLE_MESSAGE }],
    });
  }
  if (await em.count(Binding, { personId, status: { $in: [...OPEN_STATUSES] } })) {
    throw conflict(ALREADY_BOUND_MESSAGE);
  }
  const binding = em.create(Binding, { personId, unitId: unit.unitId, unitName: unit.name });
  em.persist(binding);
  // identity lets the unit see the applicant's full ID number while the request waits (to verify).
  recordEvent(em, 'BindingRequested', {
    bindingId: binding.id,
    personId,
    unitId: binding.unitId,
    requestedAt: binding.requestedAt.toISOString(),
  });
  try {
    await em.flush();
  } catch (error) {
    // Two requests at once both passed the check above; the partial unique index lets one in.
    if (error instanceof UniqueConstraintViolationException) throw conflict(ALREADY_BOUND_MESSAGE);
    throw error;
  }
  return binding;
}

function checkOpinion(problems: Problems, opinion: string): string {
  const text = opinion.trim();
  if (!text) problems.add('opinion', 'REQUIRED', '请填写办件意见');
  else if ([...text].length > OPINION_MAX_LENGTH)
    problems.add('opinion', 'TOO_LONG', `办件意见不能超过 ${OPINION_MAX_LENGTH} 个字`);
  return text;
}

/**
 * The unit's legal person or agent approves (已绑定) or refuses (审核不通过终止审核) a pending
 * request, with an opinion either way. Approval announces BindingApproved in the same commit.
 */
export async function decideBinding(
  em: EntityManager,
  auth: AuthResult,
  request: { id: string; approve: boolean; opinion: string },
): Promise<Binding> {
  const principal = unitAccount(auth);
  const problems = new Problems();
  if (!isUuid(request.id)) problems.add('id', 'INVALID_ID', '绑定申请编号格式不正确');
  const opinion = checkOpinion(problems, request.opinion);
  problems.throwIfAny();

  const binding = await em.findOne(Binding, { id: request.id, unitId: principal.unitId });
  if (!binding) throw notFound('绑定申请不存在或不属于本单位');
  if (binding.status !== BindingStatus.PENDING) {
    throw conflict(`该绑定申请已处理（当前状态：${statusText(binding.status)}），不能重复审核`);
  }
  const now = new Date();
  binding.status = request.approve ? BindingStatus.APPROVED : BindingStatus.REFUSED;
  binding.decidedAt = now;
  binding.opinion = opinion;
  binding.decidedById = principal.accountId;
  binding.decidedByKind = principal.kind === 'LEGAL_PERSON' ? DeciderKind.LEGAL_PERSON : DeciderKind.AGENT;
  binding.decidedByName = principal.kind === 'LEGAL_PERSON' ? '单位法人' : principal.displayName;
  recordEvent(em, 'BindingRequestClosed', {
    bindingId: binding.id,
    personId: binding.personId,
    unitId: binding.unitId,
    outcome: request.approve ? 'APPROVED' : 'REFUSED',
    closedAt: now.toISOString(),
  });
  if (request.approve) {
    recordEvent(em, 'BindingApproved', {
      bindingId: binding.id,
      personId: binding.personId,
      unitId: binding.unitId,
      unitName: binding.unitName,
      approvedAt: now.toISOString(),
    });
  }
  return flushChange(em, binding);
}

/** The applicant ends their binding; no approval is needed (seed 000: 解绑无需单位审核). */
export async function unbind(em: EntityManager, auth: AuthResult): Promise<Binding> {
  const personId = applicantId(auth);
  const binding = await em.findOne(Binding, { personId, status: BindingStatus.APPROVED });
  if (!binding) {
    const pending = await em.count(Binding, { personId, status: BindingStatus.PENDING });
    throw appError(
      ErrorCode.CONFLICT,
      pending
        ? '您的绑定申请尚在审核中，不能解绑；如需撤回请取消绑定申请'
        : '您当前没有已绑定的推荐单位，无需解绑',
      { reason: 'NOT_BOUND' },
    );
  }
  const now = new Date();
  binding.status = BindingStatus.ENDED;
  binding.endedAt = now;
  recordEvent(em, 'BindingEnded', {
    bindingId: binding.id,
    personId: binding.personId,
    unitId: binding.unitId,
    endedAt: now.toISOString(),
  });
  return flushChange(em, binding);
}

/**
 * The applicant withdraws a request the unit has not decided yet (it becomes 已解绑). Nothing
 * was ever bound; only identity hears that the request no longer waits.
 */
export async function cancelBindingRequest(
  em: EntityManager,
  auth: AuthResult,
  id: string,
): Promise<Binding> {
  const personId = applicantId(auth);
  const problems = new Problems();
  if (!isUuid(id)) problems.add('id', 'INVALID_ID', '绑定申请编号格式不正确');
  problems.throwIfAny();
  const binding = await em.findOne(Binding, { id, personId });
  if (!binding) throw notFound('绑定申请不存在');
  if (binding.status !== BindingStatus.PENDING) {
    throw conflict(`该绑定申请已处理（当前状态：${statusText(binding.status)}），不能撤回`);
  }
  binding.status = BindingStatus.ENDED;
  binding.endedAt = new Date();
  recordEvent(em, 'BindingRequestClosed', {
    bindingId: binding.id,
    personId: binding.personId,
    unitId: binding.unitId,
    outcome: 'WITHDRAWN',
    closedAt: binding.endedAt.toISOString(),
  });
  return flushChange(em, binding);
}

/** Reads bindings by id for federation references; callers filter with maySee. */
export function bindingsByIds(em: EntityManager, ids: readonly string[]): Promise<Binding[]> {
  return em.find(Binding, { id: { $in: [...ids] } });
}
