import {
  ApiClientsPage,
  BatchForwardPanel,
  CommonOpinionsPage,
  Redirect,
  ReviewCasePage,
  ReviewMattersPage,
  ReviewQueuePage,
  matchPrefix,
  useLocation,
  useTranslation,
} from '@zhicheng/web-kit';
import { AgentsPage } from './pages/AgentsPage';
import { BindingRequestsPage } from './pages/BindingRequestsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { UnitProfilePage } from './pages/UnitProfilePage';

const REVIEW = '/unit/review';

/** 业务审核 for the unit (legal person and agents): matters → 待审 / 待送审 (批量送审) / 已审 → 审核. */
function ReviewRoutes({ pathname }: { pathname: string }) {
  const { t } = useTranslation('unitAudit');
  const home = { title: t('home'), to: '/' };
  const crumbs = [home, { title: t('review.title'), to: REVIEW }];
  if (matchPrefix(pathname, `${REVIEW}/queue`)) {
    return (
      <ReviewQueuePage
        basePath={REVIEW}
        states={['PENDING', 'AWAITING_FORWARD', 'HANDLED']}
        breadcrumb={crumbs}
        unitFilter={false}
        selectable={{
          state: 'AWAITING_FORWARD',
          render: (selected, done) => <BatchForwardPanel selected={selected} onDone={done} />,
        }}
      />
    );
  }
  const caseMatch = /^\/unit\/review\/case\/([^/]+)\/?$/.exec(pathname);
  if (caseMatch) {
    return (
      <ReviewCasePage
        declarationId={decodeURIComponent(caseMatch[1])}
        listPath={`${REVIEW}/queue`}
        homeCrumb={home}
      />
    );
  }
  if (pathname === REVIEW || pathname === `${REVIEW}/`) {
    return (
      <ReviewMattersPage basePath={REVIEW} columns={['pending', 'awaitingForward']} breadcrumb={[home]} />
    );
  }
  return <NotFoundPage />;
}

/** Routes inside /unit (the shell hands this app everything under it). */
export function App() {
  const { pathname } = useLocation();
  const { t } = useTranslation('unitAudit');
  if (pathname === '/unit' || pathname === '/unit/') {
    return <Redirect to={REVIEW} />;
  }
  if (matchPrefix(pathname, '/unit/agents')) return <AgentsPage />;
  if (matchPrefix(pathname, '/unit/profile')) return <UnitProfilePage />;
  if (matchPrefix(pathname, '/unit/bindings')) return <BindingRequestsPage />;
  if (matchPrefix(pathname, '/unit/clients'))
    return <ApiClientsPage breadcrumb={[{ title: t('home'), to: '/' }]} roles={['LEGAL_PERSON']} />;
  if (matchPrefix(pathname, REVIEW)) return <ReviewRoutes pathname={pathname} />;
  if (matchPrefix(pathname, '/unit/opinions')) {
    return (
      <CommonOpinionsPage
        kinds={['PASS', 'RETURN', 'TERMINATE']}
        breadcrumb={[{ title: t('home'), to: '/' }]}
      />
    );
  }
  return <NotFoundPage />;
}
