import { randomUUID } from 'node:crypto';
import type { PersonalDataViewer } from '@zhicheng/events';
import { signToken, TokenRejected, verifyToken } from '@zhicheng/files';
import type { CertificateEnv } from '../env';
import type { MaterialPurpose } from '../domain/materials';
import { CERTIFICATE_FILES_PREFIX } from '../pdf/links';

/** The gateway forwards these fixed path shapes here (gateway/src/files.ts). */
export const UPLOADS_PREFIX = `${CERTIFICATE_FILES_PREFIX}/uploads`;
export const MATERIALS_PREFIX = `${CERTIFICATE_FILES_PREFIX}/materials`;

/** What an upload ticket allows: one PDF for one material slot, by one person. */
export interface MaterialUploadClaims {
  kind: 'certificate-material-upload';
  ticketId: string;
  ownerPersonId: string;
  purpose: MaterialPurpose;
  slot: string;
  fileName: string;
  maxBytes: number;
}

/** What a download link allows: one uploaded material, for the account it was made for. */
export interface MaterialDownloadClaims {
  kind: 'certificate-material';
  fileId: string;
  /** The account the link was made for (the owner, or an auditor of the application). */
  viewerId: string;
  /**
   * Who that account is, when it is not the file's owner: the download route has no token to read
   * it from, and logs the download for the owner (谁查看了我的信息) under this viewer.
   */
  viewer?: PersonalDataViewer;
}

type Claims = MaterialUploadClaims | MaterialDownloadClaims;

/** Signed, expiring tickets and links (libs/files tokens under this service's own secret). */
export class MaterialLinks {
  constructor(
    private readonly env: Pick<
      CertificateEnv,
      'FILES_SIGNING_SECRET' | 'UPLOAD_TICKET_TTL_SECONDS' | 'DOWNLOAD_LINK_TTL_SECONDS'
    >,
  ) {}

  uploadTicket(claims: Omit<MaterialUploadClaims, 'kind' | 'ticketId'>, now: Date) {
    const ttl = this.env.UPLOAD_TICKET_TTL_SECONDS;
    const token = signToken(
      this.env.FILES_SIGNING_SECRET,
      {
        kind: 'certificate-material-upload',
        ticketId: randomUUID(),
        ...claims,
      } satisfies MaterialUploadClaims,
      ttl,
      { now },
    );
    return { url: `${UPLOADS_PREFIX}/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  /** `viewer`: who the caller is, for a link made for someone other than the file's owner. */
  download(fileId: string, viewerId: string, now: Date, viewer?: PersonalDataViewer | null) {
    const ttl = this.env.DOWNLOAD_LINK_TTL_SECONDS;
    const claims: MaterialDownloadClaims = {
      kind: 'certificate-material',
      fileId,
      viewerId,
      ...(viewer ? { viewer } : {}),
    };
    const token = signToken(this.env.FILES_SIGNING_SECRET, claims, ttl, { now });
    return { url: `${MATERIALS_PREFIX}/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  /** The claims of a token of `kind`; TokenRejected when forged, expired or of another kind. */
  verify<K extends Claims['kind']>(kind: K, token: string, now: Date): Extract<Claims, { kind: K }> {
    const claims = verifyToken<Claims>(this.env.FILES_SIGNING_SECRET, token, { now });
    if (!claims || typeof claims !== 'object' || claims.kind !== kind)
      throw new TokenRejected('TOKEN_INVALID');
    return claims as Extract<Claims, { kind: K }>;
  }
}
