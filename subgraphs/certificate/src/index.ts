/** What other processes (benchmarks, the end-to-end tests) start certificate with. */
export { startCertificate, CONSUMER_NAME, type CertificateServer, type StartOptions } from './app';
export { loadCertificateEnv, type CertificateEnv } from './env';
export { createCertificateOrm } from './orm';
// For the bench (bench/src/certificate-issue.ts): the PDF as the holder downloads it.
export { Certificate } from './entities';
export { certificatePdf } from './pdf/service';
