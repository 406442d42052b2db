/** What other processes (benchmarks, the end-to-end tests) start certificate with. */
export { startCertificate, CONSUMER_NAME, type CertificateServer, type StartOptions } from './app';
export { loadCertificateEnv, type CertificateEnv } from './env';
export { createCertificateOrm } from './orm';
// For the bench (bench/src/certificate-issue.ts): the PDF as the holder downloads it.
export { Certificate } from './entities';
export { certificatePdf } from './pdf/service';
// Demo regions and 申报点 (the e2e stack loads them with the other demo data).
export { loadDemoData, DEMO_REGIONS } from './demo-data';
