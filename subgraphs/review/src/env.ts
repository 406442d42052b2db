import { resolve } from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';

/** Used only outside production, so `npm start` works without configuration. */
export const DEV_FILES_SIGNING_SECRET = 'zhicheng-dev-only-review-files-signing-secret-not-for-production';

export const reviewEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4104),
    DATABASE_URL: z.string().url(),
    /** identity's JSON Web Key Set: every subgraph verifies access tokens itself (ARCHITECTURE §6). */
    IDENTITY_JWKS_URL: z.string().url().default('http://127.0.0.1:4101/.well-known/jwks.json'),
    TRUST_PROXY: z.string().default('loopback'),
    /**
     * Where batch attachments (推荐报告/申报函) are stored (local-directory storage), under keys
     * `review/batches/<id>`. Relative paths resolve against the working directory; `npm start`
     * runs from the repository root, so the default is the git-ignored `.data/files`.
     */
    FILES_DIR: z
      .string()
      .min(1)
      .default('.data/files')
      .transform((dir) => resolve(dir)),
    /** HMAC secret of batch-attachment upload tickets and download links (≥ 32 characters). */
    FILES_SIGNING_SECRET: z.string().min(32).optional(),
    /** How long an upload ticket from requestBatchAttachmentUpload may be used. */
    UPLOAD_TICKET_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    /** How long a download link of a batch attachment works. */
    DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
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
  }));

export type ReviewEnv = z.infer<typeof reviewEnvSchema>;

export function loadReviewEnv(source: NodeJS.ProcessEnv = process.env): ReviewEnv {
  return parseEnv(reviewEnvSchema, source);
}
