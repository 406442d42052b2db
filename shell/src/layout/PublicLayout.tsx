import type { ReactNode } from 'react';
import { Card } from 'antd';
import { LanguageSwitch, useTranslation } from '@zhicheng/web-kit';

/** Sign-in, registration, activation and recovery: one card on the platform's banner. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="zc-shell">
      <div className="zc-public">
        <header className="zc-public-top">
          <strong style={{ fontSize: 20 }}>{t('app.title')}</strong>
          <LanguageSwitch />
        </header>
        <main id="zc-main">
          <Card className="zc-public-card">{children}</Card>
        </main>
      </div>
    </div>
  );
}
