import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@zhicheng/server-kit';

export const bindingEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4102),
  DATABASE_URL: z.string().url(),
  /** identity's key set: binding verifies every access token itself (ARCHITECTURE §6). */
  IDENTITY_JWKS_URL: z.string().url(),
  TRUST_PROXY: z.string().default('loopback'),
});

export type BindingEnv = z.infer<typeof bindingEnvSchema>;

export function loadBindingEnv(source: NodeJS.ProcessEnv = process.env): BindingEnv {
  return parseEnv(bindingEnvSchema, source);
}
