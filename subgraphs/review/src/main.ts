import 'reflect-metadata';
import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startReviewService } from './app';
import { loadReviewEnv } from './env';

async function main() {
  const env = loadReviewEnv();
  const logger = createLogger('review', env.LOG_LEVEL);
  const server = await startReviewService(env, { logger });
  onShutdown(logger, [() => server.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
