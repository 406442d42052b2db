import { Result } from 'antd';
import { Link, useHasRole, useLocation, useTranslation } from '@zhicheng/web-kit';
import { routeOf } from './routes';
import { HomePage } from './pages/HomePage';
import { NoticesPage } from './pages/NoticesPage';
import { NoticeDetailPage } from './pages/NoticeDetailPage';
import { MyItemsPage } from './pages/MyItemsPage';
import { AccessLogPage } from './pages/AccessLogPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StartPage } from './wizard/StartPage';
import { DeclarationPage } from './wizard/DeclarationPage';
import { AppNav } from './components/AppNav';

/** Routes inside /applicant (the shell hands this app everything under it). */
export function App() {
  const { t } = useTranslation('applicant');
  const { pathname } = useLocation();
  const isApplicant = useHasRole('APPLICANT');
  if (!isApplicant) {
    return <Result status="403" subTitle={t('forbidden')} extra={<Link to="/">{t('nav.shellHome')}</Link>} />;
  }
  const route = routeOf(pathname);
  let page;
  switch (route.page) {
    case 'home':
      page = <HomePage />;
      break;
    case 'notices':
      page = <NoticesPage />;
      break;
    case 'notice':
      page = <NoticeDetailPage noticeId={route.noticeId} />;
      break;
    case 'start':
      page = <StartPage noticeId={route.noticeId} />;
      break;
    case 'fill':
    case 'attachments':
    case 'done':
    case 'declaration':
      page = <DeclarationPage declarationId={route.declarationId} step={route.page} />;
      break;
    case 'items':
      page = <MyItemsPage />;
      break;
    case 'accessLog':
      page = <AccessLogPage />;
      break;
    default:
      page = <NotFoundPage />;
  }
  return (
    <>
      <AppNav route={route} />
      {page}
    </>
  );
}
