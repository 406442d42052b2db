import {
  appError,
  ErrorCode,
  Problems,
  unauthenticated,
  type EntityManager,
  type Principal,
} from '@zhicheng/server-kit';
import {
  Agent,
  AccountKind,
  Person,
  StaffAccount,
  Unit,
  UnitStatus,
  type PasswordAccount,
} from '../entities';
import { DB_SCHEMA } from '../db-schema';
import { consumeCaptcha } from './captcha';
import type { CallerMeta, IdentityDeps } from './deps';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { principalOf, type Account } from './principal';
import { hitRateLimit } from './rate-limit';
import { openSession, rotateSession, findSessionByToken, revokeFamily, signAccessToken } from './tokens';
import { markUnitSignedIn } from './unit-ready';

export interface SignInRequest {
  kind: AccountKind;
  account: string;
  creditCode?: string | null;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

export interface IssuedSession {
  principal: Principal;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * One answer for a wrong password and for an account that does not exist (no remaining-attempts
 * count, which only an existing account has), so sign-in cannot be used to find out who is registered.
 */
const invalidCredentials = (deps: IdentityDeps) =>
  appError(
    ErrorCode.INVALID_CREDENTIALS,
    `账号或密码错误；连续输错 ${deps.env.LOCKOUT_THRESHOLD} 次账号将被锁定 ${deps.env.LOCKOUT_MINUTES} 分钟，忘记密码请使用“忘记密码”找回`,
  );

async function findAccount(em: EntityManager, request: SignInRequest): Promise<Account | null> {
  const account = request.account.trim();
  switch (request.kind) {
    case AccountKind.PERSON: {
      const where = /^1\d{10}$/.test(account) ? { mobile: account } : { idNumber: account.toUpperCase() };
      const entity = await em.findOne(Person, where);
      return entity && { kind: AccountKind.PERSON, entity };
    }
    case AccountKind.LEGAL_PERSON: {
      const entity = await em.findOne(Unit, { creditCode: account.toUpperCase() });
      return entity && { kind: AccountKind.LEGAL_PERSON, entity };
    }
    case AccountKind.AGENT: {
      const unit = await em.findOne(Unit, { creditCode: (request.creditCode ?? '').trim().toUpperCase() });
      if (!unit) return null;
      const entity = await em.findOne(
        Agent,
        { unit, $or: [{ mobile: account }, { idNumber: account.toUpperCase() }] },
        { populate: ['unit'] },
      );
      return entity && { kind: AccountKind.AGENT, entity };
    }
    case AccountKind.STAFF: {
      const entity = await em.findOne(
        StaffAccount,
        { username: account.toLowerCase() },
        { populate: ['organisation'] },
      );
      return entity && { kind: AccountKind.STAFF, entity };
    }
  }
}

/** States that refuse sign-in; told only to someone who knows the password. */
function refuseInactive(account: Account): void {
  if (account.kind === AccountKind.LEGAL_PERSON && account.entity.status !== UnitStatus.ACTIVE) {
    throw appError(ErrorCode.ACCOUNT_NOT_ACTIVATED, '单位账号尚未激活，请先点击“账号激活”完成激活');
  }
  if (account.kind === AccountKind.AGENT) {
    if (!account.entity.enabled)
      throw appError(ErrorCode.ACCOUNT_DISABLED, '该经办人账号已停用，请联系本单位法人');
    if (account.entity.unit.getEntity().status !== UnitStatus.ACTIVE) {
      throw appError(ErrorCode.ACCOUNT_NOT_ACTIVATED, '所属单位账号尚未激活，请联系本单位法人激活');
    }
  }
  if (account.kind === AccountKind.STAFF && !account.entity.enabled) {
    throw appError(ErrorCode.ACCOUNT_DISABLED, '该工作人员账号已停用，请联系管理员');
  }
}

function lockedError(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return appError(
    ErrorCode.ACCOUNT_LOCKED,
    `密码错误次数过多，账号已锁定，请 ${Math.ceil(seconds / 60)} 分钟后重试或找回密码`,
    {
      retryAfterSeconds: seconds,
    },
  );
}

/**
 * Counts a wrong password in one statement, so a burst of parallel guesses cannot overwrite each
 * other's count (a read-modify-write through the entity lost updates), and locks the account
 * when the count reaches the threshold. Returns the end of the lock when the account is locked.
 */
async function recordWrongPassword(
  em: EntityManager,
  deps: IdentityDeps,
  account: Account,
): Promise<Date | null> {
  const { tableName } = em.getMetadata().get(account.entity.constructor.name);
  const { LOCKOUT_THRESHOLD: threshold, LOCKOUT_MINUTES: minutes } = deps.env;
  const rows: Array<{ locked_until: Date | null; locked: boolean }> = await em.getConnection().execute(
    `update ${DB_SCHEMA}.${tableName} set
       failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end,
       locked_until = case when failed_sign_ins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
     where id = ?
     returning locked_until, coalesce(locked_until > now(), false) as locked`,
    [threshold, threshold, minutes, account.entity.id],
  );
  return rows[0]?.locked ? new Date(rows[0].locked_until!) : null;
}

/**
 * Signs an account in: per-address rate limit, single-use captcha, lock-out after repeated
 * wrong passwords, and no hint whether an account exists.
 */
export async function signIn(
  em: EntityManager,
  deps: IdentityDeps,
  request: SignInRequest,
  caller: CallerMeta,
): Promise<IssuedSession> {
  const problems = new Problems();
  if (!request.account.trim()) problems.add('account', 'REQUIRED', '请输入账号');
  if (!request.password) problems.add('password', 'REQUIRED', '请输入密码');
  if (request.kind === AccountKind.AGENT && !request.creditCode?.trim())
    problems.add('creditCode', 'REQUIRED', '请输入单位统一社会信用代码');
  if (!request.captchaAnswer.trim()) problems.add('captchaAnswer', 'REQUIRED', '请输入图形验证码');
  problems.throwIfAny();

  const limit = await hitRateLimit(
    em,
    `signin:ip:${caller.ip}`,
    deps.env.SIGN_IN_LIMIT_PER_IP,
    deps.env.SIGN_IN_LIMIT_WINDOW_SECONDS,
  );
  if (!limit.allowed) {
    throw appError(
      ErrorCode.RATE_LIMITED,
      `登录尝试过于频繁，请 ${Math.ceil(limit.retryAfterSeconds / 60)} 分钟后再试`,
      {
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    );
  }
  await consumeCaptcha(em, request.captchaId, request.captchaAnswer);

  const account = await findAccount(em, request);
  if (!account) {
    await verifyPassword(await decoyPasswordHash(), request.password);
    throw invalidCredentials(deps);
  }
  const entity: PasswordAccount = account.entity;
  if (entity.lockedUntil && entity.lockedUntil > new Date()) throw lockedError(entity.lockedUntil);

  if (!(await verifyPassword(entity.passwordHash, request.password))) {
    const lockedUntil = await recordWrongPassword(em, deps, account);
    if (lockedUntil) throw lockedError(lockedUntil);
    throw invalidCredentials(deps);
  }
  refuseInactive(account);

  const now = new Date();
  entity.failedSignIns = 0;
  entity.lockedUntil = null;
  entity.lastSignInAt = now;
  if (account.kind === AccountKind.LEGAL_PERSON) markUnitSignedIn(em, account.entity, now);
  if (account.kind === AccountKind.AGENT) markUnitSignedIn(em, account.entity.unit.getEntity(), now);
  await em.flush();

  return issueFor(em, deps, account, caller);
}

async function issueFor(
  em: EntityManager,
  deps: IdentityDeps,
  account: Account,
  caller: CallerMeta,
): Promise<IssuedSession> {
  const principal = principalOf(account);
  const refresh = await openSession(
    em,
    { kind: account.kind, id: account.entity.id },
    deps.env.REFRESH_TOKEN_TTL_SECONDS,
    caller,
  );
  const access = await signAccessToken(deps.signingKey, principal, deps.env.ACCESS_TOKEN_TTL_SECONDS);
  return {
    principal,
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.session.expiresAt,
  };
}

/** Loads the account behind a session or token; null when it no longer exists. */
export async function loadAccount(em: EntityManager, kind: AccountKind, id: string): Promise<Account | null> {
  switch (kind) {
    case AccountKind.PERSON: {
      const entity = await em.findOne(Person, { id });
      return entity && { kind, entity };
    }
    case AccountKind.LEGAL_PERSON: {
      const entity = await em.findOne(Unit, { id });
      return entity && { kind, entity };
    }
    case AccountKind.AGENT: {
      const entity = await em.findOne(Agent, { id }, { populate: ['unit'] });
      return entity && { kind, entity };
    }
    case AccountKind.STAFF: {
      const entity = await em.findOne(StaffAccount, { id }, { populate: ['organisation'] });
      return entity && { kind, entity };
    }
  }
}

/**
 * Exchanges the refresh cookie's token for a new pair. The account is checked again, so a
 * disabled agent or a locked account loses access at its next refresh at the latest.
 */
export async function refreshSession(
  em: EntityManager,
  deps: IdentityDeps,
  refreshToken: string,
  caller: CallerMeta,
): Promise<IssuedSession> {
  const rotated = await rotateSession(em, refreshToken, deps.env.REFRESH_TOKEN_TTL_SECONDS, caller);
  const account = await loadAccount(em, rotated.session.accountKind, rotated.session.accountId);
  const locked = account?.entity.lockedUntil && account.entity.lockedUntil > new Date();
  if (!account || locked) {
    await revokeFamily(em, rotated.session.familyId);
    throw unauthenticated('登录已失效，请重新登录');
  }
  try {
    refuseInactive(account);
  } catch (error) {
    await revokeFamily(em, rotated.session.familyId);
    throw error;
  }
  const principal = principalOf(account);
  const access = await signAccessToken(deps.signingKey, principal, deps.env.ACCESS_TOKEN_TTL_SECONDS);
  return {
    principal,
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken: rotated.token,
    refreshExpiresAt: rotated.session.expiresAt,
  };
}

/** Revokes the sign-in the refresh token belongs to (every rotation of it). */
export async function signOut(em: EntityManager, refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  const session = await findSessionByToken(em, refreshToken);
  if (session) await revokeFamily(em, session.familyId);
}
