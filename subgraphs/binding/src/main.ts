import 'reflect-metadata';
import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startBinding } from './app';
import { loadBindingEnv } from './env';

async function main() {
  const env = loadBindingEnv();
  const logger = createLogger('binding', env.LOG_LEVEL);
  const server = await startBinding(env, { logger });
  onShutdown(logger, [() => server.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
