import svgCaptcha from 'svg-captcha';
import { appError, ErrorCode, type EntityManager } from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';
import { Captcha } from '../entities';
import { isUuid } from '../loaders';

const CAPTCHA_TTL_MS = 5 * 60_000;

export async function createCaptcha(em: EntityManager): Promise<{ captcha: Captcha; svg: string }> {
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
