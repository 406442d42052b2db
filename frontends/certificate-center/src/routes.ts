// The URLs of certificate-center. The shell hands it everything under /certificates (signed in)
// and /verify (everyone, signed in or not; shell/src/microFrontends.ts).

export const paths = {
  /** 我的证照 (证书在线领取) */
  mine: '/certificates',
  /** 证书补办/换发 (?registration=<id> or ?certificate=<id> chooses the certificate) */
  reissue: '/certificates/reissue',
  /** 历史职称数据登记 */
  historical: '/certificates/historical',
  /** 证书查询验证, public; a QR code opens /verify#<credential> */
  verify: '/verify',
  /** The declaration behind a certificate, in the applicant wizard (its read-only view once submitted). */
  declaration: (declarationId: string) => `/applicant/declarations/${encodeURIComponent(declarationId)}`,
};

export type Route =
  { page: 'mine' } | { page: 'reissue' } | { page: 'historical' } | { page: 'verify' } | { page: 'notFound' };

/** Which page a path shows. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === paths.mine) return { page: 'mine' };
  if (path === paths.reissue) return { page: 'reissue' };
  if (path === paths.historical) return { page: 'historical' };
  if (path === paths.verify) return { page: 'verify' };
  return { page: 'notFound' };
}

/** Pages anyone may open, signed in or not (the shell registers them as public). */
export const PUBLIC_PAGES: ReadonlyArray<Route['page']> = ['verify'];
