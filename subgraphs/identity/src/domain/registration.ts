import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { appError, conflict, ErrorCode, notFound, Problems, type EntityManager } from '@zhicheng/server-kit';
import { AccountKind, IdType, Person, SmsPurpose, Unit, UnitStatus } from '../entities';
import { consumeCaptcha } from './captcha';
import { announcePerson } from './person-registered';
import type { CallerMeta, IdentityDeps } from './deps';
import { hashPassword } from './passwords';
import { hitRateLimit } from '@zhicheng/server-kit';
import { consumeSmsCode, issueSmsCode, verifySmsCode, type SmsDelivery, type SmsIssued } from './sms';
import { accountThrottleKey, clearAccountFailures } from './sign-in-throttle';
import { revokeAccountSessions } from './tokens';
import {
  checkCreditCode,
  checkIdNumber,
  checkMobile,
  checkName,
  checkPassword,
  checkResidentId,
  checkSmsCode,
} from './validate';

export interface SendSmsCodeRequest {
  mobile: string;
  purpose: SmsPurpose;
  captchaId: string;
  captchaAnswer: string;
}

/** What a registered mobile receives instead of a registration code: no code, but a way on. */
const ALREADY_REGISTERED_TEXT =
  '【职称申报】有人正在用本手机号注册个人账号，但本手机号已注册。请直接登录；如忘记密码请使用“忘记密码”找回。如非本人操作请忽略。';

/**
 * Sends an SMS code after a captcha, rate-limited per address and per number. The answer is the
 * same whether or not the number is registered: a registered number gets a notice instead of a
 * registration code, recovery and activation codes go only to numbers that can use them. Who is
 * registered is told only to whoever proves the number with its code.
 */
export async function sendSmsCode(
  em: EntityManager,
  deps: IdentityDeps,
  request: SendSmsCodeRequest,
  caller: CallerMeta,
): Promise<SmsIssued> {
  const problems = new Problems();
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  if (!request.captchaAnswer.trim()) problems.add('captchaAnswer', 'REQUIRED', '请输入图形验证码');
  problems.throwIfAny();
  const perAddress = await hitRateLimit(
    em,
    `sms:ip:${caller.ip}`,
    deps.env.SMS_LIMIT_PER_IP,
    deps.env.SMS_LIMIT_WINDOW_SECONDS,
  );
  if (!perAddress.allowed) {
    throw appError(
      ErrorCode.RATE_LIMITED,
      `获取验证码过于频繁，请 ${Math.ceil(perAddress.retryAfterSeconds / 60)} 分钟后再试`,
      { retryAfterSeconds: perAddress.retryAfterSeconds },
    );
  }
  await consumeCaptcha(em, request.captchaId, request.captchaAnswer);

  let delivery: SmsDelivery = 'code';
  switch (request.purpose) {
    case SmsPurpose.REGISTER_PERSON:
      if (await em.count(Person, { mobile })) delivery = { notice: ALREADY_REGISTERED_TEXT };
      break;
    case SmsPurpose.RECOVER_PASSWORD:
      if ((await em.count(Person, { mobile })) + (await em.count(Unit, { mobile })) === 0)
        delivery = 'nothing';
      break;
    case SmsPurpose.ACTIVATE_UNIT:
      if ((await em.count(Unit, { mobile, status: UnitStatus.PENDING_ACTIVATION })) === 0)
        delivery = 'nothing';
      break;
    case SmsPurpose.REGISTER_UNIT:
      break;
  }
  return issueSmsCode(em, deps, mobile, request.purpose, delivery);
}

export interface RegisterPersonRequest {
  name: string;
  idType: IdType;
  idNumber: string;
  mobile: string;
  smsCode: string;
  password: string;
}

const isUniqueViolation = (error: unknown) => error instanceof UniqueConstraintViolationException;

export async function registerPerson(
  em: EntityManager,
  deps: Pick<IdentityDeps, 'cipher'>,
  request: RegisterPersonRequest,
): Promise<Person> {
  const problems = new Problems();
  const name = checkName(problems, 'name', request.name);
  const idNumber = checkIdNumber(problems, 'idNumber', request.idType, request.idNumber);
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  const smsCode = checkSmsCode(problems, 'smsCode', request.smsCode);
  checkPassword(problems, 'password', request.password, [name, idNumber, mobile]);
  problems.throwIfAny();

  // The SMS code first: only someone who proved the number learns that an ID number is taken
  // (and spends the code doing so), so registration cannot be used to test ID numbers.
  await consumeSmsCode(em, deps.cipher, mobile, SmsPurpose.REGISTER_PERSON, smsCode);
  if (await em.count(Person, { idNumber }))
    throw conflict('该证件号码已注册，请直接登录；如忘记密码请使用“忘记密码”找回');
  if (await em.count(Person, { mobile }))
    throw conflict('该手机号已注册，请直接登录；如忘记密码请使用“忘记密码”找回');

  const person = em.create(Person, {
    name,
    idType: request.idType,
    idNumber,
    mobile,
    passwordHash: await hashPassword(request.password),
  });
  announcePerson(em, person);
  try {
    await em.persistAndFlush(person);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该证件号码或手机号已注册');
    throw error;
  }
  return person;
}

export interface RegisterUnitRequest {
  creditCode: string;
  name: string;
  legalPersonName: string;
  legalPersonIdNumber: string;
  mobile: string;
  smsCode: string;
  password: string;
}

/** A legal person registers the unit; it can sign in only after activation. */
export async function registerUnit(
  em: EntityManager,
  deps: Pick<IdentityDeps, 'cipher'>,
  request: RegisterUnitRequest,
): Promise<Unit> {
  const problems = new Problems();
  const creditCode = checkCreditCode(problems, 'creditCode', request.creditCode);
  const name = request.name.trim();
  if (name.length < 2 || name.length > 100) problems.add('name', 'NAME_LENGTH', '单位名称须为2-100个字符');
  const legalPersonName = checkName(problems, 'legalPersonName', request.legalPersonName, '法定代表人姓名');
  const legalPersonIdNumber = checkResidentId(problems, 'legalPersonIdNumber', request.legalPersonIdNumber);
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  const smsCode = checkSmsCode(problems, 'smsCode', request.smsCode);
  checkPassword(problems, 'password', request.password, [
    creditCode,
    name,
    legalPersonName,
    legalPersonIdNumber,
    mobile,
  ]);
  problems.throwIfAny();

  // As for persons: the code is proven before anything about existing units is told.
  await consumeSmsCode(em, deps.cipher, mobile, SmsPurpose.REGISTER_UNIT, smsCode);
  if (await em.count(Unit, { creditCode }))
    throw conflict('该统一社会信用代码已注册，请直接登录；未激活的请使用“账号激活”');

  const unit = em.create(Unit, {
    creditCode,
    name,
    legalPersonName,
    legalPersonIdNumber,
    mobile,
    status: UnitStatus.PENDING_ACTIVATION,
    passwordHash: await hashPassword(request.password),
  });
  try {
    await em.persistAndFlush(unit);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该统一社会信用代码已注册');
    throw error;
  }
  return unit;
}

export async function activateUnit(
  em: EntityManager,
  deps: Pick<IdentityDeps, 'cipher'>,
  request: { creditCode: string; mobile: string; smsCode: string },
): Promise<Unit> {
  const problems = new Problems();
  const creditCode = checkCreditCode(problems, 'creditCode', request.creditCode);
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  const smsCode = checkSmsCode(problems, 'smsCode', request.smsCode);
  problems.throwIfAny();

  // Activation codes reach only the mobiles of units waiting for activation; the code is proven
  // before anything about the credit code is told.
  await consumeSmsCode(em, deps.cipher, mobile, SmsPurpose.ACTIVATE_UNIT, smsCode);
  const unit = await em.findOne(Unit, { creditCode });
  if (!unit || unit.mobile !== mobile)
    throw notFound('未找到该统一社会信用代码对应的单位，或手机号与注册时填写的不一致');
  if (unit.status === UnitStatus.ACTIVE) throw conflict('该单位账号已激活，请直接登录');
  unit.status = UnitStatus.ACTIVE;
  unit.activatedAt = new Date();
  await em.flush();
  return unit;
}

export interface ResetPasswordRequest {
  kind: AccountKind;
  creditCode?: string | null;
  mobile: string;
  smsCode: string;
  newPassword: string;
}

/** Password recovery by SMS for persons and legal persons; every sign-in of the account ends. */
export async function resetPassword(
  em: EntityManager,
  deps: Pick<IdentityDeps, 'cipher'>,
  request: ResetPasswordRequest,
): Promise<void> {
  const problems = new Problems();
  const mobile = checkMobile(problems, 'mobile', request.mobile);
  const smsCode = checkSmsCode(problems, 'smsCode', request.smsCode);
  let creditCode = '';
  if (request.kind === AccountKind.LEGAL_PERSON)
    creditCode = checkCreditCode(problems, 'creditCode', request.creditCode ?? '');
  else if (request.kind !== AccountKind.PERSON) {
    problems.add('kind', 'KIND_UNSUPPORTED', '经办人密码由本单位法人重置，工作人员密码由管理员重置');
  }
  checkPassword(problems, 'newPassword', request.newPassword, [mobile, creditCode].filter(Boolean));
  problems.throwIfAny();

  const account =
    request.kind === AccountKind.PERSON
      ? await em.findOne(Person, { mobile })
      : await em.findOne(Unit, { creditCode, mobile });
  // The code was only delivered to registered numbers, so an unknown account fails like a wrong
  // code. It is checked (not yet spent) before the password is compared with the account's own
  // data, so that comparison tells nothing to someone who has not proven the number.
  const code = await verifySmsCode(em, deps.cipher, mobile, SmsPurpose.RECOVER_PASSWORD, smsCode);
  if (!account) {
    code.consumedAt = new Date();
    await em.flush();
    throw appError(ErrorCode.SMS_CODE_INVALID, '短信验证码错误或已过期，请重新获取');
  }
  const own = new Problems();
  checkPassword(
    own,
    'newPassword',
    request.newPassword,
    account instanceof Person
      ? [account.name, account.idNumber, account.mobile]
      : [account.name, account.legalPersonName, account.legalPersonIdNumber, account.creditCode],
  );
  own.throwIfAny();
  code.consumedAt = new Date();
  account.passwordHash = await hashPassword(request.newPassword);
  await em.flush();
  await clearAccountFailures(em, accountThrottleKey(request.kind, account.id));
  await revokeAccountSessions(em, request.kind, account.id);
}
