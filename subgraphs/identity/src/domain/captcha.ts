import svgCaptcha from 'svg-captcha';
import { appError, ErrorCode, type EntityManager } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';
import { Captcha } from '../entities';
import { isUuid } from '../loaders';
import { hitRateLimit } from '@zhicheng/server-kit';

const CAPTCHA_TTL_MS = 5 * 60_000;

/**
 * A new picture for one attempt. Limited per client address (a flood of pictures is a flood of
 * rows), and spent pictures an hour old are cleared as new ones are made.
 */
export async function createCaptcha(
  em: EntityManager,
  limit: { ip: string; perWindow: number; windowSeconds: number },
): Promise<{ captcha: Captcha; svg: string }> {
  const decision = await hitRateLimit(em, `captcha:ip:${limit.ip}`, limit.perWindow, limit.windowSeconds);
  if (!decision.allowed) {
    throw appError(
      ErrorCode.RATE_LIMITED,
      `获取图形验证码过于频繁，请 ${decision.retryAfterSeconds} 秒后再试`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
      },
    );
  }
  await em
    .getConnection()
    .execute(
      `delete from ${DB_SCHEMA}.captcha where id in (select id from ${DB_SCHEMA}.captcha where expires_at < now() - interval '1 hour' limit 100)`,
    );
  // Characters people confuse (0/o, 1/l/i) are left out.
  const { text, data } = svgCaptcha.create({
    size: 4,
    noise: 2,
    ignoreChars: '0oO1ilI',
    color: true,
    background: '#f4f6fa',
  });
  const captcha = em.create(Captcha, {
    answer: text.toLowerCase(),
    expiresAt: new Date(Date.now() + CAPTCHA_TTL_MS),
  });
  await em.persistAndFlush(captcha);
  return { captcha, svg: data };
}

/**
 * Checks and consumes a captcha. It is spent by any attempt, right or wrong, so one picture
 * cannot be used to guess many passwords.
 */
export async function consumeCaptcha(em: EntityManager, id: string, answer: string): Promise<void> {
  const invalid = () =>
    appError(ErrorCode.CAPTCHA_INVALID, '图形验证码错误或已过期，请点击图片刷新后重新输入');
  if (!isUuid(id)) throw invalid();
  const spent: Array<{ answer: string }> = await em
    .getConnection()
    .execute(
      `update ${DB_SCHEMA}.captcha set used_at = now() where id = ? and used_at is null and expires_at > now() returning answer`,
      [id],
    );
  if (spent.length === 0 || spent[0].answer !== answer.trim().toLowerCase()) throw invalid();
}
