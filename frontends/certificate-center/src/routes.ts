// The URLs of certificate-center. The shell hands it everything under /certificates (signed in)
// and /verify (everyone, signed in or not; shell/src/microFrontends.ts).

export const paths = {
  /** 我的证照 (证书在线领取) */
  mine: '/certificates',
  /** 证书补办/换发 (its pages come with the reissue work: add them to routeOf and CertificateNav) */
  reissue: '/certificates/reissue',
  /** 历史职称数据登记 (likewise) */
  historical: '/certificates/historical',
  /** 证书查询验证, public; a QR code opens /verify#<credential> */
  verify: '/verify',
  /** The declaration behind a certificate, in the applicant wizard (its read-only view once submitted). */
  declaration: (declarationId: string) => `/applicant/declarations/${encodeURIComponent(declarationId)}`,
};

export type Route = { page: 'mine' } | { page: 'verify' } | { page: 'notFound' };

/** Which page a path shows. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === paths.mine) return { page: 'mine' };
  if (path === paths.verify) return { page: 'verify' };
  return { page: 'notFound' };
}

/** Pages anyone may open, signed in or not (the shell registers them as public). */
export const PUBLIC_PAGES: ReadonlyArray<Route['page']> = ['verify'];
