import { requirePrincipal, Role, forbidden, type AuthResult } from '@zhicheng/server-kit';
import type { Certificate } from '../entities';

/** The signed-in person (an applicant account), whose certificates these are. */
export function requireHolder(auth: AuthResult): string {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'PERSON' || !principal.roles.includes(Role.APPLICANT))
    throw forbidden('只有持证人本人可以查看“我的证照”');
  return principal.accountId;
}

/** Whether the caller is the certificate's holder (the only one who sees it whole). */
export function isHolderOf(auth: AuthResult, certificate: Pick<Certificate, 'holderPersonId'>): boolean {
  const p = auth.principal;
  return (
    p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === certificate.holderPersonId
  );
}

export function isPersonSelf(auth: AuthResult, personId: string): boolean {
  const p = auth.principal;
  return p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === personId;
}
