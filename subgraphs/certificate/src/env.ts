import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';

/**
 * Used only outside production, so `npm start` and the tests work without configuration. Keys
 * stored under it are readable by anyone with this source: production refuses to start without
 * its own CERTIFICATE_KEY_ENCRYPTION_KEY.
 */
/** Used only outside production: anyone with this source could forge its download links. */
export const DEV_FILES_SIGNING_SECRET = 'zhicheng-dev-only-certificate-files-secret-not-for-production';

export const DEV_KEY_ENCRYPTION_KEY = Buffer.from('zhicheng-dev-only-certificate-ke').toString('base64');

const base64Key = z.string().refine((text) => Buffer.from(text, 'base64').length === 32, {
  message: 'must be 32 random bytes, base64 (e.g. `openssl rand -base64 32`)',
});

export const certificateEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4105),
    DATABASE_URL: z.string().url(),
    /** identity's key set: certificate verifies every access token itself (ARCHITECTURE §6). */
    IDENTITY_JWKS_URL: z.string().url().default('http://127.0.0.1:4101/.well-known/jwks.json'),
    TRUST_PROXY: z.string().default('loopback'),
    /**
     * The platform's public origin (the gateway's). The issuer is did:web of its host, and the
     * status list URL is built on it. Configuration, never taken from a request.
     */
    PUBLIC_URL: z.string().url().default('http://localhost:4000'),
    /** The issuer's name printed on certificates (发证机关). */
    ISSUER_NAME: z.string().min(1).default('吉林省人力资源和社会保障厅'),
    /** AES-256-GCM key that encrypts the signing keys at rest (32 bytes, base64). */
    CERTIFICATE_KEY_ENCRYPTION_KEY: base64Key.optional(),
    /** verifyCertificate (number + name) per client address and window. */
    VERIFY_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    VERIFY_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /** HMAC secret of the certificate PDF download links (≥ 32 characters). */
    FILES_SIGNING_SECRET: z.string().min(32).optional(),
    /** How long an upload ticket of a 补办 / 登记 material works. */
    UPLOAD_TICKET_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
    /** How long a certificate PDF link (Certificate.pdfUrl) or a material's link works. */
    DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.CERTIFICATE_KEY_ENCRYPTION_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['CERTIFICATE_KEY_ENCRYPTION_KEY'],
        message: 'required in production: 32 random bytes, base64 (e.g. `openssl rand -base64 32`)',
      });
    if (env.NODE_ENV === 'production' && !env.FILES_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['FILES_SIGNING_SECRET'],
        message: 'required in production (a random string of at least 32 characters)',
      });
  })
  .transform((env) => ({
    ...env,
    CERTIFICATE_KEY_ENCRYPTION_KEY: env.CERTIFICATE_KEY_ENCRYPTION_KEY ?? DEV_KEY_ENCRYPTION_KEY,
    FILES_SIGNING_SECRET: env.FILES_SIGNING_SECRET ?? DEV_FILES_SIGNING_SECRET,
  }));

export type CertificateEnv = z.infer<typeof certificateEnvSchema>;

export function loadCertificateEnv(source: NodeJS.ProcessEnv = process.env): CertificateEnv {
  return parseEnv(certificateEnvSchema, source);
}
