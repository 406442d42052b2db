import 'reflect-metadata';
import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startDeclaration } from './app';
import { loadDeclarationEnv } from './env';

async function main() {
  const env = loadDeclarationEnv();
  const logger = createLogger('declaration', env.LOG_LEVEL);
  const server = await startDeclaration(env, { logger });
  onShutdown(logger, [() => server.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
