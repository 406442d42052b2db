import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';
import { parseDataKey } from './domain/secrets';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const identityEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4101),
    DATABASE_URL: z.string().url(),
    /** Access tokens are short-lived: a stolen one is useful for minutes, not days. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(600)
      .default(7 * 24 * 3600),
    /**
     * The absolute lifetime of a sign-in: refreshing slides the refresh cookie (above) but never
     * past this many seconds after the password was entered.
     */
    SESSION_ABSOLUTE_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .min(600)
      .default(12 * 3600),
    /** Secure cookies need HTTPS; on by default in production. */
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: z.string().default('loopback'),
    /**
     * Escalating delays instead of a lock-out: after SIGN_IN_FREE_ATTEMPTS wrong passwords for an
     * account from one address, each further one doubles the wait (from the base, up to the max).
     * Account-wide (any address) the count starts at SIGN_IN_ACCOUNT_FREE_ATTEMPTS, with a lower cap.
     */
    SIGN_IN_FREE_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    SIGN_IN_DELAY_BASE_SECONDS: z.coerce.number().int().min(1).default(30),
    SIGN_IN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
    SIGN_IN_ACCOUNT_FREE_ATTEMPTS: z.coerce.number().int().min(1).default(50),
    SIGN_IN_ACCOUNT_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).default(300),
    /** SMS codes any one address may ask for per window (each number also has its own limits). */
    SMS_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    SMS_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    /** Captcha pictures one address may ask for per window (each attempt needs a new one). */
    CAPTCHA_LIMIT_PER_IP: z.coerce.number().int().min(1).default(120),
    CAPTCHA_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    SIGN_IN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    /** Third-party clients' access tokens (client credentials): short-lived, each names its scopes. */
    CLIENT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
    /** Requests to /oauth/token one address may make per window (wrong secrets included). */
    TOKEN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(60),
    TOKEN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /**
     * Webhook receivers on loopback addresses over http (tests and development only; production
     * refuses to start with it): otherwise a receiver must be https and resolve to public
     * addresses only, checked at registration and again at every delivery.
     */
    WEBHOOK_ALLOW_LOOPBACK: bool.default(false),
    /** Seconds before each retry of a failed delivery (then it is marked failed, kept, redeliverable). */
    WEBHOOK_RETRY_SCHEDULE_SECONDS: z
      .string()
      .default('5,300,1800,7200,18000,36000,36000')
      .transform((text, ctx) => {
        const list = text.split(',').map((part) => Number(part.trim()));
        if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 0)) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be whole seconds separated by commas, e.g. 5,300,1800',
          });
          return z.NEVER;
        }
        return list;
      }),
    /** How long a receiver may take to answer one delivery. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Delivered and failed deliveries are kept this long (the delivery log), then purged. */
    WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    /** How often the delivery worker looks for due deliveries. */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(1000),
    /** 谁查看了我的信息 lines are kept this long after their last read, then purged (docs/operations.md). */
    ACCESS_LOG_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .default(3 * 365),
    /**
     * 32 random bytes, base64 (`openssl rand -base64 32`): encrypts the token-signing key and pending
     * SMS texts and keys the SMS code hashes. Required in production; `npm start` keeps one in
     * .data/identity-data-key; tests without it get a throw-away key per process.
     */
    IDENTITY_DATA_KEY: z
      .string()
      .optional()
      .refine((value) => value === undefined || parseDataKey(value) !== null, {
        message: 'must be 32 bytes, base64 encoded (openssl rand -base64 32)',
      }),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_LOOPBACK) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_ALLOW_LOOPBACK'],
        message: 'must not be true in production (webhook receivers must be public https addresses)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.IDENTITY_DATA_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['IDENTITY_DATA_KEY'],
        message: 'is required in production (32 bytes, base64: openssl rand -base64 32)',
      });
    }
  });

export type IdentityEnv = z.infer<typeof identityEnvSchema>;

export function loadIdentityEnv(source: NodeJS.ProcessEnv = process.env): IdentityEnv {
  return parseEnv(identityEnvSchema, source);
}
