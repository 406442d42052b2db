import { createHash, randomInt } from 'node:crypto';
import { appError, ErrorCode, type EntityManager, type Logger } from '@zhicheng/server-kit';
import { maskMobile } from '@zhicheng/domain-codes';
import { SmsCode, SmsOutboxMessage, SmsPurpose } from '../entities';
import { hitRateLimit } from './rate-limit';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_RESEND_SECONDS = 60;
const SMS_DAILY_LIMIT = 10;
const SMS_MAX_ATTEMPTS = 5;

/** Where texts go. Production plugs in a provider; development and tests keep the outbox. */
export interface SmsSender {
  send(em: EntityManager, mobile: string, text: string): Promise<void>;
}

/** Writes the message to the outbox table in the caller's transaction (tests read it there). */
export class OutboxSmsSender implements SmsSender {
  constructor(
    private readonly logger: Logger,
    private readonly echoToLog: boolean,
  ) {}

  async send(em: EntityManager, mobile: string, text: string): Promise<void> {
    em.persist(em.create(SmsOutboxMessage, { mobile, text }));
    // In development the log is the phone: the demo can be followed without an SMS gateway.
    if (this.echoToLog) this.logger.info({ mobile }, `SMS to ${mobile}: ${text}`);
  }
}

const hashCode = (mobile: string, purpose: SmsPurpose, code: string) =>
  createHash('sha256').update(`${purpose}:${mobile}:${code}`).digest('hex');

const purposeText: Record<SmsPurpose, string> = {
  REGISTER_PERSON: '个人用户注册',
  REGISTER_UNIT: '法人用户注册',
  RECOVER_PASSWORD: '找回密码',
  ACTIVATE_UNIT: '法人账号激活',
};

export interface SmsIssued {
  mobileMasked: string;
  expiresAt: Date;
  resendAfterSeconds: number;
}

/** A code, a notice text instead of a code (e.g. "already registered"), or nothing at all. */
export type SmsDelivery = 'code' | 'nothing' | { notice: string };

/** Issues a 6-digit code: one a minute per purpose (registering then activating needs no wait) and ten a day per mobile number. */
export async function issueSmsCode(
  em: EntityManager,
  sender: SmsSender,
  mobile: string,
  purpose: SmsPurpose,
  delivery: SmsDelivery,
): Promise<SmsIssued> {
  const minute = await hitRateLimit(em, `sms:minute:${purpose}:${mobile}`, 1, SMS_RESEND_SECONDS);
  if (!minute.allowed) {
    throw appError(ErrorCode.RATE_LIMITED, `验证码发送过于频繁，请 ${minute.retryAfterSeconds} 秒后再试`, {
      retryAfterSeconds: minute.retryAfterSeconds,
    });
  }
  const day = await hitRateLimit(em, `sms:day:${mobile}`, SMS_DAILY_LIMIT, 24 * 3600);
  if (!day.allowed) {
    throw appError(ErrorCode.RATE_LIMITED, '该手机号今日获取验证码次数已达上限，请明天再试', {
      retryAfterSeconds: day.retryAfterSeconds,
    });
  }
  const expiresAt = new Date(Date.now() + SMS_CODE_TTL_SECONDS * 1000);
  // Not delivering a code (e.g. recovery for an unknown number) still answers the same way,
  // so the endpoint cannot be used to find out who is registered.
  if (typeof delivery === 'object') {
    await sender.send(em, mobile, delivery.notice);
    await em.flush();
  } else if (delivery === 'code') {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    em.persist(em.create(SmsCode, { mobile, purpose, codeHash: hashCode(mobile, purpose, code), expiresAt }));
    await sender.send(
      em,
      mobile,
      `【职称申报】您正在进行${purposeText[purpose]}，验证码 ${code}，5分钟内有效。如非本人操作请忽略。`,
    );
    await em.flush();
  }
  return { mobileMasked: maskMobile(mobile), expiresAt, resendAfterSeconds: SMS_RESEND_SECONDS };
}

/** Checks the newest live code for this number and purpose and consumes it on success. */
export async function consumeSmsCode(
  em: EntityManager,
  mobile: string,
  purpose: SmsPurpose,
  code: string,
): Promise<void> {
  const latest = await verifySmsCode(em, mobile, purpose, code);
  latest.consumedAt = new Date();
  await em.flush();
}

/**
 * Checks the newest live code (a wrong one counts as an attempt) and returns it unspent: the
 * caller sets `consumedAt` and flushes once its own checks pass.
 */
export async function verifySmsCode(
  em: EntityManager,
  mobile: string,
  purpose: SmsPurpose,
  code: string,
): Promise<SmsCode> {
  const invalid = (message = '短信验证码错误或已过期，请重新获取') =>
    appError(ErrorCode.SMS_CODE_INVALID, message);
  const latest = await em.findOne(
    SmsCode,
    { mobile, purpose, consumedAt: null, expiresAt: { $gt: new Date() } },
    { orderBy: { createdAt: 'desc' } },
  );
  if (!latest) throw invalid();
  if (latest.attempts >= SMS_MAX_ATTEMPTS) throw invalid('短信验证码错误次数过多，请重新获取');
  if (latest.codeHash !== hashCode(mobile, purpose, code.trim())) {
    latest.attempts += 1;
    await em.flush();
    throw invalid();
  }
  return latest;
}
