import { useState, type ReactNode } from 'react';
import { Button, Drawer, Layout, Menu, Space } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch, Link, navigate, useAuth, useLocation, useTranslation } from '@zhicheng/web-kit';
import { navItemsFor, selectedNavPath, type NavItem } from './navigation';

/**
 * The signed-in frame: header (name, language, sign-out), the role-based menu, the content.
 * On a phone (below 768 px, see styles.css) the side menu and the name move into a drawer opened
 * from the header, and 安全退出 becomes an icon button that keeps its name: the header fits 360 px
 * and signing out stays one tap away on every page.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation();
  const { viewer, signOut } = useAuth();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navItemsFor(viewer);
  const selected = selectedNavPath(items, pathname);
  const signedInAs = t('layout.signedInAs', { name: viewer?.displayName });

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
        <Button
          type="text"
          className="zc-shell-menu-button"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('nav.menu')}
          aria-expanded={drawerOpen}
          aria-controls="zc-shell-drawer"
          onClick={() => setDrawerOpen(true)}
        />
        <p className="zc-shell-brand">{tc('app.title')}</p>
        <Space size="middle" className="zc-shell-tools">
          <span className="zc-shell-user" title={signedInAs}>
            <UserOutlined aria-hidden /> {viewer?.displayName}
          </span>
          <LanguageSwitch />
          <Button
            type="text"
            className="zc-shell-sign-out"
            icon={<LogoutOutlined aria-hidden />}
            aria-label={t('layout.signOut')}
            title={t('layout.signOut')}
            onClick={() => void handleSignOut()}
          >
            <span className="zc-shell-sign-out-label">{t('layout.signOut')}</span>
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={208} className="zc-shell-sider">
          <NavMenu label={t('nav.menu')} items={items} selected={selected} labelOf={t} />
        </Layout.Sider>
        <Layout.Content id="zc-main" tabIndex={-1} className="zc-shell-content">
          {children}
        </Layout.Content>
      </Layout>
      <Drawer
        id="zc-shell-drawer"
        placement="left"
        size="min(280px, 85vw)"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        title={
          <span title={signedInAs}>
            <UserOutlined aria-hidden /> {viewer?.displayName}
          </span>
        }
        styles={{ body: { padding: 0 } }}
      >
        <NavMenu
          label={t('nav.menu')}
          items={items}
          selected={selected}
          labelOf={t}
          onNavigate={() => setDrawerOpen(false)}
        />
      </Drawer>
    </Layout>
  );
}

function NavMenu({
  label,
  items,
  selected,
  labelOf,
  onNavigate,
}: {
  label: string;
  items: NavItem[];
  selected: string | undefined;
  labelOf: (key: string) => string;
  onNavigate?: () => void;
}) {
  return (
    <nav aria-label={label}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        onClick={onNavigate}
        items={items.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: <Link to={item.path}>{labelOf(item.labelKey)}</Link>,
        }))}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
