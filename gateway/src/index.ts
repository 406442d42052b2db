/** What other processes (benchmarks, the end-to-end tests) start the gateway with. */
export { startGateway, type RunningGateway } from './app';
export { loadGatewayEnv, type GatewayEnv } from './env';
