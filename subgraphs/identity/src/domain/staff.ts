// 人员管理: staff accounts of the organisations an administrator manages (its subtree). A new or
// reset account must choose its own password at its next sign-in (mustChangePassword), so the
// administrator never knows a password in use. Staff of other organisations answer NOT_FOUND:
// staff ids are not public, so they cannot be probed.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { notFound, Problems, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import { AccountKind, StaffAccount } from '../entities';
import { isUuid } from '../loaders';
import { adminScope, isBureau, scopedOrganisation, type AdminScope } from './organisations';
import { hashPassword } from './passwords';
import { accountThrottleKey, clearAccountFailures } from './sign-in-throttle';
import { revokeAccountSessions } from './tokens';
import { checkName, checkPassword } from './validate';

export enum StaffRole {
  /** 审核: reviews at its organisation's level. */
  REVIEWER = 'REVIEWER',
  /** 机构与人员管理: a bureau's administrator of its subtree. */
  ADMINISTRATOR = 'ADMINISTRATOR',
}

export const staffRoles = (staff: StaffAccount): StaffRole[] => [
  ...(staff.reviewer ? [StaffRole.REVIEWER] : []),
  ...(staff.administrator ? [StaffRole.ADMINISTRATOR] : []),
];

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const usernameTaken = (problems: Problems) =>
  problems.add('input.username', 'USERNAME_TAKEN', '该用户名已被使用，请换一个用户名');

export async function listStaff(
  em: EntityManager,
  auth: AuthResult,
  organisationId?: string | null,
): Promise<StaffAccount[]> {
  const scope = await adminScope(em, auth);
  const ids = organisationId ? [scopedOrganisation(scope, organisationId).id] : [...scope.ids];
  return em.find(
    StaffAccount,
    { organisation: { $in: ids } },
    { populate: ['organisation'], orderBy: { username: 'asc' } },
  );
}

async function scopedStaff(em: EntityManager, scope: AdminScope, id: string): Promise<StaffAccount> {
  const staff = isUuid(id) ? await em.findOne(StaffAccount, { id }, { populate: ['organisation'] }) : null;
  if (!staff || !scope.ids.has(staff.organisation.id))
    throw notFound('工作人员不存在，或不在您管理的机构范围内');
  return staff;
}

function checkRoles(problems: Problems, roles: readonly StaffRole[], bureau: boolean): void {
  if (roles.length === 0)
    problems.add('input.roles', 'REQUIRED', '请至少选择一个角色（审核或机构与人员管理）');
  if (roles.includes(StaffRole.ADMINISTRATOR) && !bureau)
    problems.add('input.roles', 'ROLE_NOT_ALLOWED', '只有人社部门的工作人员可以管理机构与人员');
}

export interface CreateStaffRequest {
  organisationId: string;
  username: string;
  name: string;
  roles: StaffRole[];
  /** Told to the person by the administrator; it must be changed at the first sign-in. */
  initialPassword: string;
}

export async function createStaff(
  em: EntityManager,
  auth: AuthResult,
  request: CreateStaffRequest,
): Promise<StaffAccount> {
  const scope = await adminScope(em, auth);
  const organisation = scopedOrganisation(scope, request.organisationId);
  const problems = new Problems();
  const username = request.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    problems.add(
      'input.username',
      'USERNAME_FORMAT',
      '用户名为3-32位小写字母、数字或 . _ -，以字母或数字开头',
    );
  else if (await em.count(StaffAccount, { username })) usernameTaken(problems);
  const name = checkName(problems, 'input.name', request.name);
  checkRoles(problems, request.roles, isBureau(organisation));
  checkPassword(problems, 'input.initialPassword', request.initialPassword, [username, name]);
  if (!organisation.enabled)
    problems.add('input.organisationId', 'ORGANISATION_DISABLED', '该机构已停用，不能新增人员');
  problems.throwIfAny();
  const staff = em.create(StaffAccount, {
    username,
    name,
    organisation,
    reviewer: request.roles.includes(StaffRole.REVIEWER),
    administrator: request.roles.includes(StaffRole.ADMINISTRATOR),
    mustChangePassword: true,
    passwordHash: await hashPassword(request.initialPassword),
  });
  em.persist(staff);
  try {
    await em.flush();
  } catch (error) {
    // Two administrators taking one name at the same moment: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) usernameTaken(new Problems()).throwIfAny();
    throw error;
  }
  return staff;
}

export async function updateStaff(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  changes: { name?: string | null; roles?: StaffRole[] | null },
): Promise<StaffAccount> {
  const scope = await adminScope(em, auth);
  const staff = await scopedStaff(em, scope, id);
  const problems = new Problems();
  const name = changes.name != null ? checkName(problems, 'input.name', changes.name) : undefined;
  if (changes.roles) {
    checkRoles(problems, changes.roles, isBureau(staff.organisation.getEntity()));
    if (staff.id === scope.accountId && !changes.roles.includes(StaffRole.ADMINISTRATOR))
      problems.add('input.roles', 'OWN_ACCOUNT', '不能取消本人的机构与人员管理角色，请联系其他管理员');
  }
  problems.throwIfAny();
  if (name !== undefined) staff.name = name;
  if (changes.roles) {
    staff.reviewer = changes.roles.includes(StaffRole.REVIEWER);
    staff.administrator = changes.roles.includes(StaffRole.ADMINISTRATOR);
  }
  await em.flush();
  // Roles travel in access tokens: the person signs in again to act with the new ones.
  if (changes.roles) await revokeAccountSessions(em, AccountKind.STAFF, staff.id);
  return staff;
}

/** Disabling ends the account's sign-ins at once (its sessions are revoked). */
export async function setStaffEnabled(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  enabled: boolean,
): Promise<StaffAccount> {
  const scope = await adminScope(em, auth);
  const staff = await scopedStaff(em, scope, id);
  if (!enabled && staff.id === scope.accountId)
    new Problems().add('enabled', 'OWN_ACCOUNT', '不能停用本人的账号').throwIfAny();
  staff.enabled = enabled;
  await em.flush();
  if (!enabled) await revokeAccountSessions(em, AccountKind.STAFF, staff.id);
  return staff;
}

/** A temporary password the person must replace at the next sign-in; current sign-ins end. */
export async function resetStaffPassword(
  em: EntityManager,
  auth: AuthResult,
  id: string,
  temporaryPassword: string,
): Promise<StaffAccount> {
  const scope = await adminScope(em, auth);
  const staff = await scopedStaff(em, scope, id);
  const problems = new Problems();
  if (staff.id === scope.accountId) problems.add('id', 'OWN_ACCOUNT', '不能重置本人的密码，请联系其他管理员');
  checkPassword(problems, 'temporaryPassword', temporaryPassword, [staff.username, staff.name]);
  problems.throwIfAny();
  staff.passwordHash = await hashPassword(temporaryPassword);
  staff.mustChangePassword = true;
  await em.flush();
  await clearAccountFailures(em, accountThrottleKey(AccountKind.STAFF, staff.id));
  await revokeAccountSessions(em, AccountKind.STAFF, staff.id);
  return staff;
}
