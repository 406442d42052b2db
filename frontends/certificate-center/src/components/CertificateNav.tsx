import { Menu } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useTranslation } from '@zhicheng/web-kit';
import { paths, type Route } from '../routes';

/**
 * The holder's certificate sections: 我的证照 and 证书查询验证. 证书补办/换发 and 历史职称数据登记
 * join this list with their pages (paths.reissue, paths.historical).
 */
export function CertificateNav({ route }: { route: Route }) {
  const { t } = useTranslation('certificates');
  const items = [
    {
      key: 'mine',
      icon: <SafetyCertificateOutlined aria-hidden />,
      label: <Link to={paths.mine}>{t('nav.mine')}</Link>,
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
