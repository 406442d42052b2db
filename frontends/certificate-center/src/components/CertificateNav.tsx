import { Menu } from 'antd';
import {
  FileSyncOutlined,
  HistoryOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Link, useTranslation } from '@zhicheng/web-kit';
import { paths, type Route } from '../routes';

/** The holder's certificate sections: 我的证照, 证书补办/换发, 历史职称数据登记 and 证书查询验证. */
export function CertificateNav({ route }: { route: Route }) {
  const { t } = useTranslation('certificates');
  const items = [
    {
      key: 'mine',
      icon: <SafetyCertificateOutlined aria-hidden />,
      label: <Link to={paths.mine}>{t('nav.mine')}</Link>,
    },
    {
      key: 'reissue',
      icon: <FileSyncOutlined aria-hidden />,
      label: <Link to={paths.reissue}>{t('nav.reissue')}</Link>,
    },
    {
      key: 'historical',
      icon: <HistoryOutlined aria-hidden />,
      label: <Link to={paths.historical}>{t('nav.historical')}</Link>,
    },
    {
      key: 'verify',
      icon: <SearchOutlined aria-hidden />,
      label: <Link to={paths.verify}>{t('nav.verify')}</Link>,
    },
  ];
  return (
    <nav aria-label={t('nav.label')} className="zc-app-nav">
      <Menu mode="horizontal" selectedKeys={[route.page]} items={items} disabledOverflow />
    </nav>
  );
}
