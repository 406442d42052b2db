import type { ComponentType } from 'react';
import { Flex, Spin } from 'antd';
import { Redirect, safeReturnPath, useAuth, useLocation, useTranslation } from '@zhicheng/web-kit';
import { ActivateUnitPage } from './auth/ActivateUnitPage';
import { RecoverPasswordPage } from './auth/RecoverPasswordPage';
import { RegisterPersonPage } from './auth/RegisterPersonPage';
import { RegisterUnitPage } from './auth/RegisterUnitPage';
import { SignInPage } from './auth/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { microFrontendFor, publicMicroFrontendFor } from './microFrontends';
import { HomePage } from './pages/HomePage';
import { MicroFrontendPage } from './pages/MicroFrontendPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Pages for people who are not signed in. */
const PUBLIC_PAGES = new Map<string, ComponentType>([
  ['/sign-in', SignInPage],
  ['/register', RegisterPersonPage],
  ['/register/unit', RegisterUnitPage],
  ['/activate', ActivateUnitPage],
  ['/recover', RecoverPasswordPage],
]);

/** The shell's routing: public pages, or the signed-in layout around a shell page or an app. */
export function ShellApp() {
  const { t } = useTranslation();
  const { pathname, search, searchParams } = useLocation();
  const { status, signedOutReason } = useAuth();

  // A public page of an app (/verify): for everyone, in the layout of whoever is looking. While the
  // session is being restored it shows in the public frame rather than behind a spinner.
  const publicApp = publicMicroFrontendFor(pathname);
  if (publicApp) {
    const page = <MicroFrontendPage app={publicApp} />;
    return status === 'signedIn' ? <AppLayout>{page}</AppLayout> : <PublicLayout wide>{page}</PublicLayout>;
  }

  if (status === 'restoring') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" aria-label={t('loading')} />
      </Flex>
    );
  }

  const PublicPage = PUBLIC_PAGES.get(pathname);
  if (PublicPage) {
    if (status === 'signedIn') return <Redirect to={safeReturnPath(searchParams.get('next'))} />;
    return (
      <PublicLayout>
        <PublicPage />
      </PublicLayout>
    );
  }

  if (status === 'signedOut') {
    // After "安全退出" start afresh; otherwise come back here after signing in.
    const next = signedOutReason === 'user' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return <Redirect to={`/sign-in${next}`} />;
  }

  const app = microFrontendFor(pathname);
  return (
    <AppLayout>
      {pathname === '/' ? <HomePage /> : app ? <MicroFrontendPage app={app} /> : <NotFoundPage />}
    </AppLayout>
  );
}
