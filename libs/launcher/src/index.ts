export { runLauncher, type LauncherOptions } from './launcher';
export { SUBGRAPHS, GATEWAY, JWKS_OWNER, type ServiceSpec } from './processes';
export {
  formatLogLine,
  formatTable,
  parseDemoLine,
  displayWidth,
  makePrefixer,
  DEMO_HEADERS,
} from './format';
export { Supervisor, type Managed, type ExitInfo, type SpawnRequest } from './supervisor';
export { waitForReady } from './health';
export {
  cleanUpPreviousRun,
  writeRunState,
  clearRunState,
  type RunState,
  type PreviousRun,
} from './run-state';
