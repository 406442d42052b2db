import {
  appError,
  ErrorCode,
  Problems,
  unauthenticated,
  type AuthResult,
  type EntityManager,
  type Principal,
} from '@zhicheng/server-kit';
import { Agent, AccountKind, AuthSession, Person, StaffAccount, Unit, UnitStatus } from '../entities';
import { isUuid } from '../loaders';
import { consumeCaptcha } from './captcha';
import type { CallerMeta, IdentityDeps } from './deps';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { principalOf, type Account } from './principal';
import { hitRateLimit } from '@zhicheng/server-kit';
import {
  accountThrottleKey,
  clearFailures,
  recordFailure,
  throttleWait,
  type DelayPolicy,
} from './sign-in-throttle';
import {
  findSessionByToken,
  openSession,
  revokeFamily,
  rotateSession,
  signAccessToken,
  type SessionLifetime,
} from './tokens';
import { markUnitSignedIn } from './unit-ready';
import { checkPassword } from './validate';

export interface SignInRequest {
  kind: AccountKind;
  account: string;
  creditCode?: string | null;
  password: string;
  captchaId: string;
  captchaAnswer: string;
  /** A staff account that must change its password (new or reset) sends the new one here. */
  newPassword?: string | null;
}

export interface IssuedSession {
  principal: Principal;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * One answer for a wrong password and for an account that does not exist (same code, same
 * message, same delays), so sign-in cannot be used to find out who is registered. When the wrong
 * password started a delay, the answer says how long it is.
 */
const invalidCredentials = (waitSeconds: number) =>
  appError(
    ErrorCode.INVALID_CREDENTIALS,
    waitSeconds > 0
      ? `账号或密码错误；为保护账号安全，请 ${waitText(waitSeconds)}后再试，忘记密码请使用“忘记密码”找回`
      : '账号或密码错误，请检查后重试；忘记密码请使用“忘记密码”找回',
    waitSeconds > 0 ? { retryAfterSeconds: waitSeconds } : {},
  );

const waitText = (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`);

/** An attempt inside a delay is not checked at all (the password is not even compared). */
const tooSoon = (waitSeconds: number) =>
  appError(
    ErrorCode.RATE_LIMITED,
    `密码错误次数较多，为保护账号安全，请 ${waitText(waitSeconds)}后再试；忘记密码请使用“忘记密码”找回`,
    { retryAfterSeconds: waitSeconds },
  );

/** Throttle key of an account: its id when it exists, else the identifier that was tried. */
function throttleKey(request: SignInRequest, account: Account | null): string {
  if (account) return accountThrottleKey(account.kind, account.entity.id);
  const credit = (request.creditCode ?? '').trim().toUpperCase();
  return `ident:${request.kind}:${credit}:${request.account.trim().toLowerCase()}`.slice(0, 200);
}

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

const addressPolicy = (deps: IdentityDeps): DelayPolicy => ({
  freeAttempts: deps.env.SIGN_IN_FREE_ATTEMPTS,
  baseDelaySeconds: deps.env.SIGN_IN_DELAY_BASE_SECONDS,
  maxDelaySeconds: deps.env.SIGN_IN_DELAY_MAX_SECONDS,
});
const accountPolicy = (deps: IdentityDeps): DelayPolicy => ({
  freeAttempts: deps.env.SIGN_IN_ACCOUNT_FREE_ATTEMPTS,
  baseDelaySeconds: deps.env.SIGN_IN_DELAY_BASE_SECONDS,
  maxDelaySeconds: deps.env.SIGN_IN_ACCOUNT_DELAY_MAX_SECONDS,
});

/**
 * Signs an account in: per-address rate limit, a single-use captcha for every attempt,
 * escalating delays after repeated wrong passwords (no lock-out), and no hint whether an
 * account exists.
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
  // Per account and address: a guesser elsewhere delays only their own address, never the owner.
  // Account-wide, much later and shorter: slows guessing spread over many addresses.
  const key = throttleKey(request, account);
  const entries = [
    { key: `${key}|ip:${caller.ip}`, policy: addressPolicy(deps) },
    { key, policy: accountPolicy(deps) },
  ];
  const wait = await throttleWait(
    em,
    entries.map((entry) => entry.key),
  );
  if (wait > 0) throw tooSoon(wait);

  // An unknown account costs the same argon2 verification as a known one.
  const passwordOk = await verifyPassword(
    account ? account.entity.passwordHash : await decoyPasswordHash(),
    request.password,
  );
  if (!account || !passwordOk) throw invalidCredentials(await recordFailure(em, entries));
  refuseInactive(account);

  const now = new Date();
  await clearFailures(
    em,
    entries.map((entry) => entry.key),
  );
  if (account.kind === AccountKind.STAFF && account.entity.mustChangePassword)
    await replaceTemporaryPassword(account.entity, request);
  account.entity.lastSignInAt = now;
  if (account.kind === AccountKind.LEGAL_PERSON) markUnitSignedIn(em, account.entity, now);
  if (account.kind === AccountKind.AGENT) markUnitSignedIn(em, account.entity.unit.getEntity(), now);
  await em.flush();

  return issueFor(em, deps, account, caller);
}

/**
 * A new or reset staff account signs in once with the password its administrator gave and a new
 * one of its own; no session exists before that, so nothing can be done with the temporary one.
 */
async function replaceTemporaryPassword(staff: StaffAccount, request: SignInRequest): Promise<void> {
  if (!request.newPassword)
    throw appError(
      ErrorCode.PASSWORD_CHANGE_REQUIRED,
      '首次登录或密码被重置后须设置新密码：请输入新密码后再登录',
    );
  const problems = new Problems();
  checkPassword(problems, 'newPassword', request.newPassword, [staff.username, staff.name]);
  if (request.newPassword === request.password)
    problems.add('newPassword', 'SAME_AS_TEMPORARY', '新密码不能与管理员设置的初始密码相同');
  problems.throwIfAny();
  staff.passwordHash = await hashPassword(request.newPassword);
  staff.mustChangePassword = false;
}

async function issueFor(
  em: EntityManager,
  deps: IdentityDeps,
  account: Account,
  caller: CallerMeta,
): Promise<IssuedSession> {
  const refresh = await openSession(
    em,
    { kind: account.kind, id: account.entity.id },
    lifetime(deps),
    caller,
  );
  const principal = { ...principalOf(account), sessionId: refresh.session.familyId };
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
 * disabled agent loses access at its next refresh at the latest.
 */
export async function refreshSession(
  em: EntityManager,
  deps: IdentityDeps,
  refreshToken: string,
  caller: CallerMeta,
): Promise<IssuedSession> {
  const rotated = await rotateSession(em, refreshToken, lifetime(deps), caller);
  const account = await loadAccount(em, rotated.session.accountKind, rotated.session.accountId);
  if (!account) {
    await revokeFamily(em, rotated.session.familyId);
    throw unauthenticated('登录已失效，请重新登录');
  }
  try {
    refuseInactive(account);
  } catch (error) {
    await revokeFamily(em, rotated.session.familyId);
    throw error;
  }
  const principal = { ...principalOf(account), sessionId: rotated.session.familyId };
  const access = await signAccessToken(deps.signingKey, principal, deps.env.ACCESS_TOKEN_TTL_SECONDS);
  return {
    principal,
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken: rotated.token,
    refreshExpiresAt: rotated.session.expiresAt,
  };
}

/**
 * Revokes the sign-in the refresh token belongs to (every rotation of it), or else the one the
 * access token names. Its access tokens stop working in every process (the revocation feed).
 */
export async function signOut(
  em: EntityManager,
  deps: IdentityDeps,
  refreshToken: string | undefined,
  auth: AuthResult,
): Promise<void> {
  const session = refreshToken ? await findSessionByToken(em, refreshToken) : null;
  const familyId = session?.familyId ?? auth.principal?.sessionId;
  if (!familyId) return;
  if (!session && auth.principal && !(await ownsFamily(em, familyId, auth.principal.accountId))) return;
  await revokeFamily(em, familyId);
  // This process refuses the tokens at once; the others within a poll of the feed.
  deps.revocations.add(familyId, Date.now() + (deps.env.ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
}

async function ownsFamily(em: EntityManager, familyId: string, accountId: string): Promise<boolean> {
  if (!isUuid(familyId)) return false;
  return (await em.count(AuthSession, { familyId, accountId })) > 0;
}

const lifetime = (deps: IdentityDeps): SessionLifetime => ({
  ttlSeconds: deps.env.REFRESH_TOKEN_TTL_SECONDS,
  absoluteSeconds: deps.env.SESSION_ABSOLUTE_LIFETIME_SECONDS,
});
