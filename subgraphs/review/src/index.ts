/** What other processes (the end-to-end tests, benchmarks) start review with, and its rules. */
export { startReviewService, type ReviewServer, type StartOptions } from './app';
export { CONSUMER_NAME } from './events/consumers';
export { loadReviewEnv, type ReviewEnv } from './env';
export { createReviewOrm } from './orm';
// For the benchmark (bench/src/statistics.ts): the statements behind 统计分析, run as its peer.
export { figuresQueries, type Cohort } from './statistics/figures';
export * from './domain';
// The demo season's decisions (npm start runs them after start; the e2e test too).
export { decideDemoSeason } from './demo-season';
