import { Menu } from 'antd';
import { EyeOutlined, FileTextOutlined, HomeOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useTranslation } from '@zhicheng/web-kit';
import { paths, type Route } from '../routes';

function sectionOf(route: Route): string | undefined {
  switch (route.page) {
    case 'home':
      return 'home';
    case 'notices':
    case 'notice':
    case 'start':
      return 'notices';
    case 'items':
    case 'fill':
    case 'attachments':
    case 'done':
    case 'declaration':
      return 'items';
    case 'accessLog':
      return 'accessLog';
    default:
      return undefined;
  }
}

/** The applicant's sections: 首页 (binding, history), 申报通知, 我的办件, 谁查看了我的信息. */
export function AppNav({ route }: { route: Route }) {
  const { t } = useTranslation('applicant');
  const selected = sectionOf(route);
  const items = [
    { key: 'home', icon: <HomeOutlined aria-hidden />, label: <Link to={paths.home}>{t('nav.home')}</Link> },
    {
      key: 'notices',
      icon: <FileTextOutlined aria-hidden />,
      label: <Link to={paths.notices()}>{t('nav.notices')}</Link>,
    },
    {
      key: 'items',
      icon: <InboxOutlined aria-hidden />,
      label: <Link to={paths.items}>{t('nav.items')}</Link>,
    },
    {
      key: 'accessLog',
      icon: <EyeOutlined aria-hidden />,
      label: <Link to={paths.accessLog}>{t('nav.accessLog')}</Link>,
    },
  ];
  return (
    <nav aria-label={t('nav.label')} className="zc-app-nav">
      <Menu mode="horizontal" selectedKeys={selected ? [selected] : []} items={items} disabledOverflow />
    </nav>
  );
}
