import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch, Link, navigate, useAuth, useLocation, useTranslation } from '@zhicheng/web-kit';
import { navItemsFor, selectedNavPath } from './navigation';

/** The signed-in frame: header (name, language, sign-out), the role-based menu, the content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation();
  const { viewer, signOut } = useAuth();
  const { pathname } = useLocation();
  const items = navItemsFor(viewer);
  const selected = selectedNavPath(items, pathname);

  const handleSignOut = async () => {
    await signOut();
    navigate('/sign-in');
  };

  return (
    <Layout className="zc-shell" style={{ minHeight: '100vh' }}>
      <a className="zc-skip-link" href="#zc-main">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header className="zc-shell-header">
        <p className="zc-shell-brand">{tc('app.title')}</p>
        <Space size="middle">
          <span title={t('layout.signedInAs', { name: viewer?.displayName })}>
            <UserOutlined aria-hidden /> {viewer?.displayName}
          </span>
          <LanguageSwitch />
          <Button type="text" icon={<LogoutOutlined aria-hidden />} onClick={() => void handleSignOut()}>
            {t('layout.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={208} breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={t('nav.menu')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items.map((item) => ({
                key: item.path,
                icon: item.icon,
                label: <Link to={item.path}>{t(item.labelKey)}</Link>,
              }))}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="zc-main" tabIndex={-1} className="zc-shell-content">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
