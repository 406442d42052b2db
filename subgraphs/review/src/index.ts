/** What other processes (the end-to-end tests, benchmarks) start review with, and its rules. */
export { startReviewService, type ReviewServer, type StartOptions } from './app';
export { CONSUMER_NAME } from './events/consumers';
export { loadReviewEnv, type ReviewEnv } from './env';
export { createReviewOrm } from './orm';
export * from './domain';
