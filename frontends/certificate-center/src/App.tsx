import { Result } from 'antd';
import { Link, useHasRole, useLocation, useTranslation } from '@zhicheng/web-kit';
import { HistoricalPage } from './applications/HistoricalPage';
import { ReissuePage } from './applications/ReissuePage';
import { CertificateNav } from './components/CertificateNav';
import { MyCertificatesPage } from './certificates/MyCertificatesPage';
import { NotFoundPage } from './components/NotFoundPage';
import { routeOf } from './routes';
import { VerifyPage } from './verify/VerifyPage';

/** Routes inside /certificates (holders) and /verify (everyone). */
export function App() {
  const { t } = useTranslation('certificates');
  const { pathname } = useLocation();
  const isHolder = useHasRole('APPLICANT');
  const route = routeOf(pathname);
  // /verify is the same page for everyone; only a signed-in holder also gets the section menu.
  if (route.page === 'verify') {
    return (
      <>
        {isHolder && <CertificateNav route={route} />}
        <VerifyPage />
      </>
    );
  }
  if (!isHolder) {
    return <Result status="403" subTitle={t('forbidden')} extra={<Link to="/">{t('shellHome')}</Link>} />;
  }
  return (
    <>
      <CertificateNav route={route} />
      {route.page === 'mine' ? (
        <MyCertificatesPage />
      ) : route.page === 'reissue' ? (
        <ReissuePage />
      ) : route.page === 'historical' ? (
        <HistoricalPage />
      ) : (
        <NotFoundPage />
      )}
    </>
  );
}
