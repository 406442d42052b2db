import { resolve } from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, demoOrganisationId, parseEnv } from '@zhicheng/server-kit';

/** Used only outside production, so `npm start` works without configuration. */
export const DEV_FILES_SIGNING_SECRET = 'zhicheng-dev-only-files-signing-secret-not-for-production';

export const declarationEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4103),
    DATABASE_URL: z.string().url(),
    /** identity's JSON Web Key Set: every subgraph verifies access tokens itself. */
    IDENTITY_JWKS_URL: z.string().url().default('http://127.0.0.1:4101/.well-known/jwks.json'),
    TRUST_PROXY: z.string().default('loopback'),
    /**
     * Where attachment bytes are stored (local-directory storage). Relative paths resolve against
     * the working directory; `npm start` runs from the repository root, so the default lands in
     * the git-ignored `.data/files` next to the embedded database.
     */
    FILES_DIR: z
      .string()
      .min(1)
      .default('.data/files')
      .transform((dir) => resolve(dir)),
    /** HMAC secret of upload tickets, download links and business-form links (≥ 32 characters). */
    FILES_SIGNING_SECRET: z.string().min(32).optional(),
    /** How long an upload ticket from requestUpload may be used. */
    UPLOAD_TICKET_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    /** How long a download or business-form link works. */
    DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    /**
     * identity's organisation ids (comma-separated) whose bureau staff manage channels (申报通道):
     * the province bureau. Outside production the demo province bureau; unset in production:
     * nobody (channels stay as they are).
     */
    CHANNEL_ADMIN_ORGANISATION_IDS: z
      .string()
      .regex(/^([0-9a-f-]{36})?(,[0-9a-f-]{36})*$/i, 'comma-separated organisation ids (uuid)')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.FILES_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['FILES_SIGNING_SECRET'],
        message: 'required in production (a random string of at least 32 characters)',
      });
  })
  .transform((env) => ({
    ...env,
    FILES_SIGNING_SECRET: env.FILES_SIGNING_SECRET ?? DEV_FILES_SIGNING_SECRET,
    CHANNEL_ADMIN_ORGANISATION_IDS: (
      env.CHANNEL_ADMIN_ORGANISATION_IDS ??
      (env.NODE_ENV === 'production' ? '' : demoOrganisationId('province'))
    )
      .split(',')
      .filter(Boolean)
      .map((id) => id.toLowerCase()),
  }));

export type DeclarationEnv = z.infer<typeof declarationEnvSchema>;

export function loadDeclarationEnv(source: NodeJS.ProcessEnv = process.env): DeclarationEnv {
  return parseEnv(declarationEnvSchema, source);
}
