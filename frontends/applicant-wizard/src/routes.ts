// The URLs of the applicant's pages (everything under /applicant belongs to this app).

export const paths = {
  home: '/applicant',
  notices: (channel?: string | null) =>
    channel ? `/applicant/notices?channel=${encodeURIComponent(channel)}` : '/applicant/notices',
  notice: (noticeId: string) => `/applicant/notices/${encodeURIComponent(noticeId)}`,
  /** 01 条件自检 for a notice, before the declaration exists. */
  start: (noticeId: string) => `/applicant/notices/${encodeURIComponent(noticeId)}/start`,
  /** 02 信息填报, optionally at one module. */
  fill: (declarationId: string, module?: string | null) =>
    `/applicant/declarations/${encodeURIComponent(declarationId)}/fill${module ? `?module=${module}` : ''}`,
  /** 03 附件上传 */
  attachments: (declarationId: string) =>
    `/applicant/declarations/${encodeURIComponent(declarationId)}/attachments`,
  /** 04 提交完成 / a submitted declaration's progress */
  done: (declarationId: string) => `/applicant/declarations/${encodeURIComponent(declarationId)}/done`,
  items: '/applicant/items',
  /** 谁查看了我的信息 */
  accessLog: '/applicant/access-log',
};

export type Route =
  | { page: 'home' }
  | { page: 'notices' }
  | { page: 'notice'; noticeId: string }
  | { page: 'start'; noticeId: string }
  | { page: 'fill'; declarationId: string }
  | { page: 'attachments'; declarationId: string }
  | { page: 'done'; declarationId: string }
  | { page: 'declaration'; declarationId: string }
  | { page: 'items' }
  | { page: 'accessLog' }
  | { page: 'notFound' };

/** Which page a path shows. */
export function routeOf(pathname: string): Route {
  const parts = pathname
    .replace(/\/+$/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  if (parts[0] !== 'applicant') return { page: 'notFound' };
  const [, section, id, step, ...rest] = parts;
  if (rest.length > 0) return { page: 'notFound' };
  if (!section) return { page: 'home' };
  if (section === 'items' && !id) return { page: 'items' };
  if (section === 'access-log' && !id) return { page: 'accessLog' };
  if (section === 'notices') {
    if (!id) return { page: 'notices' };
    if (!step) return { page: 'notice', noticeId: id };
    if (step === 'start') return { page: 'start', noticeId: id };
  }
  if (section === 'declarations' && id) {
    if (!step) return { page: 'declaration', declarationId: id };
    if (step === 'fill') return { page: 'fill', declarationId: id };
    if (step === 'attachments') return { page: 'attachments', declarationId: id };
    if (step === 'done') return { page: 'done', declarationId: id };
  }
  return { page: 'notFound' };
}
