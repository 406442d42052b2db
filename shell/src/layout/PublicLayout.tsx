import type { ReactNode } from 'react';
import { Card, Space } from 'antd';
import { isDeployed, LanguageSwitch, Link, useLocation, useTranslation } from '@zhicheng/web-kit';

/**
 * Sign-in, registration, activation and recovery: one card on the platform's banner. `wide` for
 * an app's public page (证书查询验证), which needs more room than a form.
 */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('shell');
  const { pathname } = useLocation();
  // 证书查询验证 needs no account: offered on every public page but itself.
  const verifyLink = pathname !== '/verify' && isDeployed('@zhicheng/certificate-center');
  return (
    <div className="zc-shell">
      <div className="zc-public">
        <header className="zc-public-top">
          <strong style={{ fontSize: 20 }}>{t('app.title')}</strong>
          <Space size="middle">
            {verifyLink && (
              <Link to="/verify" className="zc-public-link">
                {ts('links.verify')}
              </Link>
            )}
            <LanguageSwitch />
          </Space>
        </header>
        <main id="zc-main">
          <Card className={wide ? 'zc-public-card zc-public-card-wide' : 'zc-public-card'}>{children}</Card>
        </main>
      </div>
    </div>
  );
}
