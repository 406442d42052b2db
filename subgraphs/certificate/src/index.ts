/** What other processes (benchmarks, the end-to-end tests) start certificate with. */
export { startCertificate, CONSUMER_NAME, type CertificateServer, type StartOptions } from './app';
export { loadCertificateEnv, type CertificateEnv } from './env';
export { createCertificateOrm } from './orm';
