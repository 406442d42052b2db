import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const identityEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  DATABASE_URL: z.string().url(),
  /** Access tokens are short-lived: a stolen one is useful for minutes, not days. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(600)
    .default(7 * 24 * 3600),
  /** Secure cookies need HTTPS; on by default in production. */
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: z.string().default('loopback'),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /** 谁查看了我的信息 lines are kept this long after their last read, then purged (docs/operations.md). */
  ACCESS_LOG_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3 * 365),
});

export type IdentityEnv = z.infer<typeof identityEnvSchema>;

export function loadIdentityEnv(source: NodeJS.ProcessEnv = process.env): IdentityEnv {
  return parseEnv(identityEnvSchema, source);
}
