import { randomInt } from 'node:crypto';
import { appError, ErrorCode, type EntityManager, type Logger } from '@zhicheng/server-kit';
import { maskMobile } from '@zhicheng/domain-codes';
import { SmsCode, SmsOutboxMessage, SmsPurpose } from '../entities';
import { hitRateLimit } from '@zhicheng/server-kit';
import type { DataCipher } from './secrets';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_RESEND_SECONDS = 60;
const SMS_DAILY_LIMIT = 10;
const SMS_MAX_ATTEMPTS = 5;

/** Where texts go: into the outbox (sealed), then to the phone network when a gateway is set. */
export interface SmsSender {
  send(em: EntityManager, mobile: string, text: string): Promise<void>;
}

/** The phone network: an SMS provider in production, the log in development, memory in tests. */
export interface SmsGateway {
  deliver(mobile: string, text: string): Promise<void>;
}

/**
 * Writes each message to the outbox encrypted (AES-256-GCM with IDENTITY_DATA_KEY), delivers it
 * through the gateway when there is one, and then keeps no text at all: the row only says that
 * a message went to that number and when. Without a gateway (production before a provider is
 * plugged in) messages wait sealed for the relay that will drain them.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(
    private readonly cipher: DataCipher,
    private readonly gateway: SmsGateway | null,
  ) {}

  async send(em: EntityManager, mobile: string, text: string): Promise<void> {
    const message = em.create(SmsOutboxMessage, { mobile });
    message.sealedText = this.cipher.encrypt(text, message.id);
    em.persist(message);
    await em.flush();
    if (!this.gateway) return;
    await this.gateway.deliver(mobile, text);
    message.sealedText = null;
    message.sentAt = new Date();
    await em.flush();
  }
}

/**
 * Development only (`npm start`): the log is the phone, so the demo can be followed without an
 * SMS provider. Never used in production (startIdentity picks it only for NODE_ENV=development).
 */
export class LogSmsGateway implements SmsGateway {
  constructor(private readonly logger: Logger) {}

  async deliver(mobile: string, text: string): Promise<void> {
    this.logger.info({ mobile }, `SMS to ${mobile}: ${text}`);
  }
}

/** Tests: a phone that keeps what it received, as a person reads their phone. */
export class MemorySmsGateway implements SmsGateway {
  readonly received: Array<{ mobile: string; text: string }> = [];

  async deliver(mobile: string, text: string): Promise<void> {
    this.received.push({ mobile, text });
  }

  latestText(mobile: string): string | undefined {
    return this.received.filter((message) => message.mobile === mobile).at(-1)?.text;
  }

  latestCode(mobile: string): string | undefined {
    return /验证码 (\d{6})/.exec(this.latestText(mobile) ?? '')?.[1];
  }
}

/** The keyed hash of a code (HMAC, see DataCipher): a database copy alone cannot try all 10^6. */
const hashCode = (hasher: CodeHasher, mobile: string, purpose: SmsPurpose, code: string) =>
  hasher.keyedHash(`${purpose}:${mobile}:${code}`);

export type CodeHasher = Pick<DataCipher, 'keyedHash'>;

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
  deps: { sms: SmsSender; cipher: CodeHasher },
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
    await deps.sms.send(em, mobile, delivery.notice);
    await em.flush();
  } else if (delivery === 'code') {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    em.persist(
      em.create(SmsCode, {
        mobile,
        purpose,
        codeHash: hashCode(deps.cipher, mobile, purpose, code),
        expiresAt,
      }),
    );
    await deps.sms.send(
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
  hasher: CodeHasher,
  mobile: string,
  purpose: SmsPurpose,
  code: string,
): Promise<void> {
  const latest = await verifySmsCode(em, hasher, mobile, purpose, code);
  latest.consumedAt = new Date();
  await em.flush();
}

/**
 * Checks the newest live code (a wrong one counts as an attempt) and returns it unspent: the
 * caller sets `consumedAt` and flushes once its own checks pass.
 */
export async function verifySmsCode(
  em: EntityManager,
  hasher: CodeHasher,
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
  if (latest.codeHash !== hashCode(hasher, mobile, purpose, code.trim())) {
    latest.attempts += 1;
    await em.flush();
    throw invalid();
  }
  return latest;
}
