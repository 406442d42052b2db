/** What other processes (benchmarks, the end-to-end tests) start binding with. */
export { startBinding, CONSUMER_NAME, type BindingServer, type StartOptions } from './app';
export { loadBindingEnv, type BindingEnv } from './env';
export { createBindingOrm } from './orm';
