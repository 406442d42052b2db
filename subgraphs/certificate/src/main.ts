import 'reflect-metadata';
import { createLogger, onShutdown } from '@zhicheng/server-kit';
import { startCertificate } from './app';
import { loadCertificateEnv } from './env';

async function main() {
  const env = loadCertificateEnv();
  const logger = createLogger('certificate', env.LOG_LEVEL);
  const server = await startCertificate(env, { logger });
  onShutdown(logger, [() => server.close()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
