import {
  ApiClientsPage,
  CommitteeBatchPanel,
  CommonOpinionsPage,
  Redirect,
  ReviewCasePage,
  ReviewMattersPage,
  ReviewQueuePage,
  matchPrefix,
  useHasRole,
  useLocation,
  useTranslation,
} from '@zhicheng/web-kit';
import { AuditDetailPage } from './certificates/AuditDetailPage';
import { AuditQueuePage, type AuditKind } from './certificates/AuditQueuePage';
import { ChannelsPage } from './channels/ChannelsPage';
import { NoticeEditPage } from './notices/NoticeEditPage';
import { NoticesPage } from './notices/NoticesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationsPage } from './admin/OrganisationsPage';
import { StaffPage } from './admin/StaffPage';
import { StatisticsPage } from './statistics/StatisticsPage';

const REVIEW = '/bureau/review';
const NOTICES = '/bureau/notices';
const CHANNELS = '/bureau/channels';
const COMMITTEE = '/bureau/committee';
const ORGS = '/bureau/organisations';
const STAFF = '/bureau/staff';
const AUDITS: Array<{ kind: AuditKind; base: string }> = [
  { kind: 'reissue', base: '/bureau/reissue' },
  { kind: 'historical', base: '/bureau/historical' },
];

/** 补办审核 / 历史数据登记审核: the queue at the base path, one application under it. */
function CertificateAudit({ pathname, kind, base }: { pathname: string; kind: AuditKind; base: string }) {
  if (pathname === base || pathname === `${base}/`) return <AuditQueuePage kind={kind} basePath={base} />;
  const match = new RegExp(`^${base}/([^/]+)/?$`).exec(pathname);
  if (match) return <AuditDetailPage kind={kind} id={decodeURIComponent(match[1])} listPath={base} />;
  return <NotFoundPage home={base} />;
}

/**
 * One desk (matters → queue → case) under a base path: 业务审核 for department and bureau
 * reviewers (待审 / 已审; bureaus also 暂缓, for the 人才分类定级 results they record after
 * 材料审核通过), 评审结果 for committee secretaries (待审 / 暂缓 / 已审).
 */
function Desk({ pathname, base, committee }: { pathname: string; base: string; committee: boolean }) {
  const { t } = useTranslation('bureau');
  const isBureau = useHasRole('BUREAU_REVIEWER');
  const defers = committee || isBureau;
  const home = { title: t('home'), to: '/' };
  const crumbs = [home, { title: committee ? t('committee') : t('review'), to: base }];
  if (matchPrefix(pathname, `${base}/queue`)) {
    return (
      <ReviewQueuePage
        basePath={base}
        states={defers ? ['PENDING', 'DEFERRED', 'HANDLED'] : ['PENDING', 'HANDLED']}
        breadcrumb={crumbs}
        actionLabel={committee ? t('committee') : undefined}
        selectable={
          committee
            ? {
                states: ['PENDING', 'DEFERRED'],
                render: (selected, done) => <CommitteeBatchPanel selected={selected} onDone={done} />,
              }
            : undefined
        }
      />
    );
  }
  const caseMatch = new RegExp(`^${base}/case/([^/]+)/?$`).exec(pathname);
  if (caseMatch) {
    return (
      <ReviewCasePage
        declarationId={decodeURIComponent(caseMatch[1])}
        listPath={`${base}/queue`}
        homeCrumb={home}
        listTitle={committee ? t('committee') : t('review')}
      />
    );
  }
  if (pathname === base || pathname === `${base}/`) {
    return (
      <ReviewMattersPage
        basePath={base}
        columns={defers ? ['pending', 'deferred'] : ['pending']}
        breadcrumb={[home]}
      />
    );
  }
  return <NotFoundPage home={base} />;
}

/** 通知管理: the list at the base path, 新建 under /new, one notice under its id (bureau staff). */
function Notices({ pathname }: { pathname: string }) {
  const { t } = useTranslation('bureau');
  const home = [{ title: t('home'), to: '/' }];
  if (pathname === NOTICES || pathname === `${NOTICES}/`)
    return <NoticesPage basePath={NOTICES} breadcrumb={home} />;
  const match = new RegExp(`^${NOTICES}/([^/]+)/?$`).exec(pathname);
  if (match) {
    const id = decodeURIComponent(match[1]);
    return <NoticeEditPage key={id} id={id === 'new' ? null : id} listPath={NOTICES} breadcrumb={home} />;
  }
  return <NotFoundPage home={NOTICES} />;
}

/** Routes inside /bureau (the shell hands this app everything under it). */
export function App() {
  const { pathname } = useLocation();
  const { t } = useTranslation('bureau');
  const isSecretary = useHasRole('COMMITTEE_SECRETARY');
  const isBureau = useHasRole('BUREAU_REVIEWER');
  const isAdmin = useHasRole('ORGANISATION_ADMIN');
  const isReviewer = useHasRole('DEPARTMENT_REVIEWER', 'BUREAU_REVIEWER');
  const home = isSecretary ? COMMITTEE : isAdmin && !isReviewer ? ORGS : REVIEW;
  if (pathname === '/bureau' || pathname === '/bureau/') return <Redirect to={home} />;
  // 机构与人员 (ORGANISATION_ADMIN; the API answers FORBIDDEN to anyone else).
  if (matchPrefix(pathname, ORGS)) return <OrganisationsPage />;
  if (matchPrefix(pathname, STAFF)) return <StaffPage />;
  if (matchPrefix(pathname, REVIEW)) return <Desk pathname={pathname} base={REVIEW} committee={false} />;
  if (matchPrefix(pathname, COMMITTEE)) return <Desk pathname={pathname} base={COMMITTEE} committee />;
  if (isBureau && matchPrefix(pathname, NOTICES)) return <Notices pathname={pathname} />;
  if (isBureau && matchPrefix(pathname, CHANNELS))
    return <ChannelsPage breadcrumb={[{ title: t('home'), to: '/' }]} />;
  for (const audit of AUDITS)
    if (matchPrefix(pathname, audit.base)) return <CertificateAudit pathname={pathname} {...audit} />;
  // 统计分析: bureau staff only (the API answers FORBIDDEN to anyone else).
  if (isBureau && matchPrefix(pathname, '/bureau/statistics')) return <StatisticsPage />;
  if (matchPrefix(pathname, '/bureau/clients'))
    return <ApiClientsPage breadcrumb={[{ title: t('home'), to: '/' }]} roles={['BUREAU_REVIEWER']} />;
  if (matchPrefix(pathname, '/bureau/opinions')) {
    return (
      <CommonOpinionsPage
        kinds={
          isSecretary
            ? ['COMMITTEE_PASS', 'COMMITTEE_FAIL', 'COMMITTEE_DEFER']
            : isBureau
              ? // Bureaus also record 人才分类定级 results (通过 / 不通过 / 暂缓).
                ['PASS', 'RETURN', 'TERMINATE', 'COMMITTEE_PASS', 'COMMITTEE_FAIL', 'COMMITTEE_DEFER']
              : ['PASS', 'RETURN', 'TERMINATE']
        }
        breadcrumb={[{ title: t('home'), to: '/' }]}
      />
    );
  }
  return <NotFoundPage home={home} />;
}
