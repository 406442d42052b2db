import { randomUUID } from 'node:crypto';
import { signToken, verifyToken, TokenRejected, type FileFormat } from '@zhicheng/files';
import type { Principal } from '@zhicheng/server-kit';
import type { DeclarationEnv } from '../env';

/** Where the files routes live; the gateway forwards /files/* here (same path). */
export const FILES_PREFIX = '/files';

export interface UploadSlot {
  kind: 'CATALOGUE' | 'ENTRY';
  /** CATALOGUE: the catalogue code; ENTRY: the module key. */
  code: string;
  entryId: string | null;
}

/** What an upload ticket allows: one file, into one slot of one declaration, by its applicant. */
export interface UploadTicketClaims {
  kind: 'upload';
  ticketId: string;
  declarationId: string;
  applicantId: string;
  slot: UploadSlot;
  fileName: string;
  maxBytes: number;
  formats: FileFormat[];
}

/**
 * Who a download link was made for. A browser follows the link without its token, so the route
 * checks again, with the declaration as it is then, that this reader may still read it.
 */
export type LinkViewer = Pick<
  Principal,
  'accountId' | 'kind' | 'roles' | 'unitId' | 'organisationId' | 'scopes'
>;

export const linkViewerOf = (p: Principal): LinkViewer => ({
  accountId: p.accountId,
  kind: p.kind,
  roles: p.roles,
  ...(p.unitId ? { unitId: p.unitId } : {}),
  ...(p.organisationId ? { organisationId: p.organisationId } : {}),
  // A third-party client's link is checked against its scopes too.
  ...(p.scopes ? { scopes: p.scopes } : {}),
});

/** The viewer as a principal for the access rule (a link carries no display name). */
export const viewerPrincipal = (viewer: LinkViewer | undefined): Principal | null =>
  viewer && typeof viewer.accountId === 'string' && Array.isArray(viewer.roles)
    ? { ...viewer, displayName: '' }
    : null;

export interface DownloadClaims {
  kind: 'download';
  attachmentId: string;
  viewer: LinkViewer;
}

export interface FormClaims {
  kind: 'form';
  declarationId: string;
  form: 'REVIEW_LIST' | 'PUBLICITY' | 'TALENT_APPLICATION';
  viewer: LinkViewer;
}

type Claims = UploadTicketClaims | DownloadClaims | FormClaims;

/**
 * Signed, expiring tokens in URL paths. Each carries its purpose, checked on use, so a download
 * link can never be replayed as an upload ticket or the other way round.
 */
export class FileLinks {
  constructor(
    private readonly env: Pick<
      DeclarationEnv,
      'FILES_SIGNING_SECRET' | 'UPLOAD_TICKET_TTL_SECONDS' | 'DOWNLOAD_LINK_TTL_SECONDS'
    >,
  ) {}

  uploadTicket(claims: Omit<UploadTicketClaims, 'kind' | 'ticketId'>, now: Date) {
    const ttl = this.env.UPLOAD_TICKET_TTL_SECONDS;
    const token = signToken(
      this.env.FILES_SIGNING_SECRET,
      { kind: 'upload', ticketId: randomUUID(), ...claims },
      ttl,
      { now },
    );
    return { url: `${FILES_PREFIX}/uploads/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }

  download(attachmentId: string, viewer: Principal, now: Date) {
    return this.link(
      `${FILES_PREFIX}/downloads`,
      { kind: 'download', attachmentId, viewer: linkViewerOf(viewer) },
      now,
    );
  }

  form(declarationId: string, form: FormClaims['form'], viewer: Principal, now: Date) {
    return this.link(
      `${FILES_PREFIX}/forms`,
      { kind: 'form', declarationId, form, viewer: linkViewerOf(viewer) },
      now,
    );
  }

  /** The claims of a token of `kind`; TokenRejected when forged, expired or of another kind. */
  verify<K extends Claims['kind']>(kind: K, token: string, now: Date): Extract<Claims, { kind: K }> {
    const claims = verifyToken<Claims>(this.env.FILES_SIGNING_SECRET, token, { now });
    if (!claims || typeof claims !== 'object' || claims.kind !== kind)
      throw new TokenRejected('TOKEN_INVALID');
    return claims as Extract<Claims, { kind: K }>;
  }

  private link(prefix: string, claims: Claims, now: Date) {
    const ttl = this.env.DOWNLOAD_LINK_TTL_SECONDS;
    const token = signToken(this.env.FILES_SIGNING_SECRET, claims, ttl, { now });
    return { url: `${prefix}/${token}`, expiresAt: new Date(now.getTime() + ttl * 1000) };
  }
}
