import { resolve } from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';

const subgraphUrls = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be JSON, e.g. {"identity":"http://127.0.0.1:4101/graphql"}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.string().url()));

export const gatewayEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Where each subgraph listens: the supergraph names them, the deployment places them. */
  SUBGRAPH_URLS: subgraphUrls,
  IDENTITY_JWKS_URL: z.string().url(),
  /**
   * Where `/files/*` (uploads, downloads, business forms) is passed; only its origin is used.
   * Default: the origin of SUBGRAPH_URLS.declaration (the file routes live in that service).
   */
  FILES_UPSTREAM_URL: z.string().url().optional(),
  /** The repository (or deployment) root that holds shell/dist, libs/web-kit/dist and frontends/. */
  STATIC_ROOT: z.string().default(resolve(__dirname, '..', '..')),
  SUPERGRAPH_PATH: z.string().default(resolve(__dirname, '..', 'supergraph.graphql')),
  TRUST_PROXY: z.string().default('loopback'),
  /** Requests a third-party client (a CLIENT token) may make to /graphql per window, per gateway process. */
  CLIENT_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  CLIENT_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /**
   * Whether documents that are not the front ends' persisted documents run (docs/operations.md).
   * Default: true, except with NODE_ENV=production, where only third-party clients (client
   * credentials tokens) may send their own documents.
   */
  ALLOW_ARBITRARY_DOCUMENTS: z.enum(['true', 'false']).optional(),
  /** The public schema served at /graphql/schema.graphql (the composed API schema). */
  API_SCHEMA_PATH: z.string().default(resolve(__dirname, '..', 'api-schema.graphql')),
});

export type GatewayEnv = Omit<z.infer<typeof gatewayEnvSchema>, 'ALLOW_ARBITRARY_DOCUMENTS'> & {
  ALLOW_ARBITRARY_DOCUMENTS: boolean;
};

export const loadGatewayEnv = (source: NodeJS.ProcessEnv = process.env): GatewayEnv => {
  const env = parseEnv(gatewayEnvSchema, source);
  return {
    ...env,
    ALLOW_ARBITRARY_DOCUMENTS:
      (env.ALLOW_ARBITRARY_DOCUMENTS ?? String(env.NODE_ENV !== 'production')) === 'true',
  };
};
