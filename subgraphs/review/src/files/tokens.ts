import { randomUUID } from 'node:crypto';
import { signToken, TokenRejected, verifyToken, type FileFormat } from '@zhicheng/files';
import type { ReviewEnv } from '../env';

/**
 * Where review's file routes live. The gateway sends `/files/review/*` here (same path) and every
 * other `/files/*` to the declaration subgraph, so a browser uploads on the gateway's origin.
 */
export const FILES_PREFIX = '/files/review';

/** What an upload ticket allows: one 推荐报告/申报函 file, for one unit, by one account. */
export interface BatchUploadClaims {
  kind: 'review-upload';
  ticketId: string;
  unitId: string;
  uploadedById: string;
  uploadedByName: string;
  fileName: string;
  maxBytes: number;
  formats: FileFormat[];
}

export interface BatchDownloadClaims {
  kind: 'review-download';
  attachmentId: string;
}

type Claims = BatchUploadClaims | BatchDownloadClaims;

/**
 * Signed, expiring tokens in URL paths. Each carries its purpose (prefixed `review-`, so not even
 * a token of the declaration service signed with the same secret is accepted here).
 */
export class FileLinks {
  constructor(
    private readonly env: Pick<
      ReviewEnv,
      'FILES_SIGNING_SECRET' | 'UPLOAD_TICKET_TTL_SECONDS' | 'DOWNLOAD_LINK_TTL_SECONDS'
    >,
  ) {}

  uploadTicket(claims: Omit<BatchUploadClaims, 'kind' | 'ticketId'>, now: Date) {
    const ttl = this.env.UPLOAD_TICKET_TTL_SECONDS;
    const token = signToken(
      this.env.FILES_SIGNING_SECRET,
      { kind: 'review-upload', ticketId: randomUUID(), ...claims } satisfies BatchUploadClaims,
      ttl,
      { now },
    );
    return { url: `${FILES_PREFIX}/uploads/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  download(attachmentId: string, now: Date) {
    const ttl = this.env.DOWNLOAD_LINK_TTL_SECONDS;
    const claims: BatchDownloadClaims = { kind: 'review-download', attachmentId };
    const token = signToken(this.env.FILES_SIGNING_SECRET, claims, ttl, { now });
    return { url: `${FILES_PREFIX}/downloads/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  /** The claims of a token of `kind`; TokenRejected when forged, expired or of another kind. */
  verify<K extends Claims['kind']>(kind: K, token: string, now: Date): Extract<Claims, { kind: K }> {
    const claims = verifyToken<Claims>(this.env.FILES_SIGNING_SECRET, token, { now });
    if (!claims || typeof claims !== 'object' || claims.kind !== kind)
      throw new TokenRejected('TOKEN_INVALID');
    return claims as Extract<Claims, { kind: K }>;
  }
}
