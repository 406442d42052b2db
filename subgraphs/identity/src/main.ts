import 'reflect-metadata';
import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startIdentity } from './app';
import { loadIdentityEnv } from './env';

async function main() {
  const env = loadIdentityEnv();
  const logger = createLogger('identity', env.LOG_LEVEL);
  const server = await startIdentity(env, { logger });
  onShutdown(logger, [() => server.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
