import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  conflict,
  notFound,
  Problems,
  requireRole,
  Role,
  type AuthResult,
  type EntityManager,
} from '@zhicheng/server-kit';
import { AccountKind, Agent, Person, Unit } from '../entities';
import { isUuid } from '../loaders';
import { hashPassword } from './passwords';
import { accountThrottleKey, clearAccountFailures } from './sign-in-throttle';
import { revokeAccountSessions } from './tokens';
import { checkMobile, checkName, checkPassword, checkResidentId } from './validate';

/** Only the unit's legal person manages its agents (seed 002, 我的经办人). */
function legalPersonUnitId(auth: AuthResult): string {
  const principal = requireRole(auth, Role.LEGAL_PERSON);
  return principal.unitId ?? principal.accountId;
}

export async function listAgents(em: EntityManager, auth: AuthResult): Promise<Agent[]> {
  const unitId = legalPersonUnitId(auth);
  return em.find(Agent, { unit: unitId }, { orderBy: { createdAt: 'asc' } });
}

/** Another unit's agent is reported as not found, never as forbidden: ids reveal nothing. */
async function ownAgent(em: EntityManager, auth: AuthResult, id: string): Promise<Agent> {
  const unitId = legalPersonUnitId(auth);
  const agent = isUuid(id) ? await em.findOne(Agent, { id, unit: unitId }) : null;
  if (!agent) throw notFound('经办人不存在或不属于本单位');
  return agent;
}

async function assertUniqueInUnit(
  em: EntityManager,
  unitId: string,
  values: { mobile?: string; idNumber?: string },
  exceptId?: string,
) {
  const problems = new Problems();
  const others = exceptId ? { id: { $ne: exceptId } } : {};
  if (values.mobile && (await em.count(Agent, { unit: unitId, mobile: values.mobile, ...others }))) {
    problems.add('mobile', 'DUPLICATE', '本单位已有使用该手机号的经办人');
  }
  if (values.idNumber && (await em.count(Agent, { unit: unitId, idNumber: values.idNumber, ...others }))) {
    problems.add('idNumber', 'DUPLICATE', '本单位已有使用该身份证号的经办人');
  }
  if (problems.has()) throw conflict(problems.all.map((p) => p.message).join('；'));
}

/**
 * An agent is a real person: where the ID number or the mobile belongs to a registered applicant,
 * the agent must be that person (the same name and ID number), so a unit cannot set up an agent
 * account under someone else's identity (found by an outside probe). Unregistered numbers cannot
 * be checked here.
 */
async function assertSamePersonAsRegistered(
  em: EntityManager,
  values: { name: string; mobile: string; idNumber: string },
): Promise<void> {
  const [byId, byMobile] = await Promise.all([
    em.findOne(Person, { idNumber: values.idNumber }, { fields: ['name'] }),
    em.findOne(Person, { mobile: values.mobile }, { fields: ['idNumber'] }),
  ]);
  const problems = new Problems();
  if (byId && byId.name !== values.name)
    problems.add(
      'name',
      'NAME_ID_MISMATCH',
      '姓名与该身份证号码实名登记的姓名不一致，请核对经办人本人的姓名和身份证号码',
    );
  if (byMobile && byMobile.idNumber !== values.idNumber)
    problems.add('mobile', 'MOBILE_OF_ANOTHER_PERSON', '该手机号已实名登记给他人，请填写经办人本人的手机号');
  problems.throwIfAny();
}

async function flushUnique(em: EntityManager) {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw conflict('本单位已有使用该手机号或身份证号的经办人');
    throw error;
  }
}

export interface CreateAgentRequest {
  name: string;
  mobile: string;
  idNumber: string;
  password: string;
}

export async function createAgent(
  em: EntityManager,
  auth: AuthResult,
  request: CreateAgentRequest,
): Promise<Agent> {
  const unitId = legalPersonUnitId(auth);
  const problems = new Problems();
  const name = checkName(problems, 'name', request.name);
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  const idNumber = checkResidentId(problems, 'idNumber', request.idNumber);
  checkPassword(problems, 'password', request.password, [name, mobile, idNumber]);
  problems.throwIfAny();
  await assertUniqueInUnit(em, unitId, { mobile, idNumber });
  await assertSamePersonAsRegistered(em, { name, mobile, idNumber });

  const agent = em.create(Agent, {
    unit: em.getReference(Unit, unitId),
    name,
    mobile,
    idNumber,
    passwordHash: await hashPassword(request.password),
  });
  em.persist(agent);
  await flushUnique(em);
  return agent;
}

export async function updateAgent(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  changes: { name?: string | null; mobile?: string | null; idNumber?: string | null },
): Promise<Agent> {
  const agent = await ownAgent(em, auth, id);
  const problems = new Problems();
  const name = changes.name != null ? checkName(problems, 'name', changes.name) : undefined;
  const mobile = changes.mobile != null ? checkMobile(problems, 'mobile', changes.mobile) : undefined;
  const idNumber =
    changes.idNumber != null ? checkResidentId(problems, 'idNumber', changes.idNumber) : undefined;
  problems.throwIfAny();
  await assertUniqueInUnit(em, agent.unit.id, { mobile, idNumber }, agent.id);
  await assertSamePersonAsRegistered(em, {
    name: name ?? agent.name,
    mobile: mobile ?? agent.mobile,
    idNumber: idNumber ?? agent.idNumber,
  });
  if (name !== undefined) agent.name = name;
  if (mobile !== undefined) agent.mobile = mobile;
  if (idNumber !== undefined) agent.idNumber = idNumber;
  await flushUnique(em);
  return agent;
}

/** Disabling ends the agent's sign-ins at once (its refresh tokens are revoked). */
export async function setAgentEnabled(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  enabled: boolean,
): Promise<Agent> {
  const agent = await ownAgent(em, auth, id);
  agent.enabled = enabled;
  await em.flush();
  if (!enabled) await revokeAccountSessions(em, AccountKind.AGENT, agent.id);
  return agent;
}

export async function resetAgentPassword(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  newPassword: string,
): Promise<Agent> {
  const agent = await ownAgent(em, auth, id);
  const problems = new Problems();
  checkPassword(problems, 'newPassword', newPassword, [agent.name, agent.mobile, agent.idNumber]);
  problems.throwIfAny();
  agent.passwordHash = await hashPassword(newPassword);
  await em.flush();
  await clearAccountFailures(em, accountThrottleKey(AccountKind.AGENT, agent.id));
  await revokeAccountSessions(em, AccountKind.AGENT, agent.id);
  return agent;
}
