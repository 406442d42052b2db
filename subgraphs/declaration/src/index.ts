/** What other processes (benchmarks, the end-to-end tests) start declaration with. */
export { startDeclaration, type DeclarationServer, type StartOptions } from './app';
export { loadDeclarationEnv, type DeclarationEnv } from './env';
export { loadDemoData } from './demo-data';
export { loadDemoSeason } from './demo-season';
export { createDeclarationOrm } from './orm';
