import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startGateway } from './app';
import { loadGatewayEnv } from './env';

async function main() {
  const env = loadGatewayEnv();
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const gateway = await startGateway(env, { logger });
  onShutdown(logger, [() => gateway.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
