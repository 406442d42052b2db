export { startEmbeddedPostgres, type StartOptions, type EmbeddedPostgres } from './server';
export {
  ensureDatabase,
  databaseUrl,
  waitForPostgres,
  withClient,
  redact,
  type WaitOptions,
} from './database';
export { stopOrphanedServer, readPostmasterPid, isPostmasterOf, type OrphanOutcome } from './orphan';
export { DEV_PORT, TEST_PORT, portFromEnv, isPortFree, findFreePort } from './ports';
export { isProcessAlive, waitForExit } from './processes';
export { ensureRunAsUser, canEnter, type RunAs } from './os-user';
export { resolveBinaries, locateEmbeddedBinaries, type PostgresBinaries } from './binaries';
export { EmbeddedPostgresError, type EmbeddedPostgresErrorCode } from './errors';
