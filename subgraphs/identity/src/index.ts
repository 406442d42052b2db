/** What other processes (benchmarks, the end-to-end tests) start identity with. */
export { startIdentity, type IdentityServer, type StartOptions } from './app';
export { loadIdentityEnv, type IdentityEnv } from './env';
export { loadDemoData, DEMO_PASSWORD } from './demo-data';
export { loadDemoSeason } from './demo-season';
export { hashPassword } from './domain/passwords';
export { createIdentityOrm } from './orm';
export { MemorySmsGateway, type SmsGateway } from './domain/sms';
export { generateDataKey } from './domain/secrets';
