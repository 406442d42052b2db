import type { LivePubSub } from '@zhicheng/live';
import type { Logger, RequestContext } from '@zhicheng/server-kit';
import type { CertificateEnv } from './env';
import type { PdfLinks } from './pdf/links';
import type { PdfSigner } from './pdf/sign';
import type { KeyRing } from './services/keys';

/** What certificate's services need besides the request's EntityManager. */
export interface CertificateDeps {
  env: CertificateEnv;
  logger: Logger;
  keys: KeyRing;
  live: LivePubSub;
  /** Signed links to certificate PDFs (Certificate.pdfUrl). */
  pdfLinks: PdfLinks;
  /** The PDF signer, made on first use (its self-signed certificate takes a key generation). */
  pdfSigner(): PdfSigner;
  /** The clock (tests may move it). */
  now(): Date;
}

export interface CertificateContext extends RequestContext {
  deps: CertificateDeps;
}
