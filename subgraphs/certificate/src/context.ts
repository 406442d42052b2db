import type { LivePubSub } from '@zhicheng/live';
import type { Logger, RequestContext } from '@zhicheng/server-kit';
import type { CertificateEnv } from './env';
import type { MaterialLinks } from './files/tokens';
import type { PdfLinks } from './pdf/links';
import type { KeyRing } from './services/keys';

/** What certificate's services need besides the request's EntityManager. */
export interface CertificateDeps {
  env: CertificateEnv;
  logger: Logger;
  keys: KeyRing;
  live: LivePubSub;
  /** Signed links to certificate PDFs (Certificate.pdfUrl). */
  pdfLinks: PdfLinks;
  /** Upload tickets and links of 补办/登记 materials. */
  materialLinks: MaterialLinks;
  /** The clock (tests may move it). */
  now(): Date;
}

export interface CertificateContext extends RequestContext {
  deps: CertificateDeps;
}
