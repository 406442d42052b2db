import { signToken, TokenRejected, verifyToken } from '@zhicheng/files';
import type { CertificateEnv } from '../env';

/** Where the PDF route lives; the gateway forwards /files/certificates/<token> here (same path). */
export const CERTIFICATE_FILES_PREFIX = '/files/certificates';

/** What a PDF link allows: one certificate's PDF, for the holder it was made for. */
export interface PdfLinkClaims {
  kind: 'certificate-pdf';
  certificateId: string;
  /** identity's person id of the holder the link was made for (checked again on use). */
  holderPersonId: string;
}

/** Short-lived signed links to certificate PDFs (libs/files tokens, this service's own secret). */
export class PdfLinks {
  constructor(
    private readonly env: Pick<CertificateEnv, 'FILES_SIGNING_SECRET' | 'DOWNLOAD_LINK_TTL_SECONDS'>,
  ) {}

  link(certificateId: string, holderPersonId: string, now: Date): { url: string; expiresAt: Date } {
    const ttl = this.env.DOWNLOAD_LINK_TTL_SECONDS;
    const claims: PdfLinkClaims = { kind: 'certificate-pdf', certificateId, holderPersonId };
    const token = signToken(this.env.FILES_SIGNING_SECRET, claims, ttl, { now });
    return { url: `${CERTIFICATE_FILES_PREFIX}/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  /** The claims of a PDF link; TokenRejected when forged, expired or another kind of token. */
  verify(token: string, now: Date): PdfLinkClaims {
    const claims = verifyToken<PdfLinkClaims>(this.env.FILES_SIGNING_SECRET, token, { now });
    if (
      !claims ||
      typeof claims !== 'object' ||
      claims.kind !== 'certificate-pdf' ||
      typeof claims.certificateId !== 'string' ||
      typeof claims.holderPersonId !== 'string'
    )
      throw new TokenRejected('TOKEN_INVALID');
    return claims;
  }
}
