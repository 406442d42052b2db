import { Result } from 'antd';
import { Link, useDocumentTitle, useTranslation } from '@zhicheng/web-kit';
import { paths } from '../routes';

export function NotFoundPage() {
  const { t } = useTranslation('certificates');
  useDocumentTitle(t('notFound'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound')}</h1>}
      extra={<Link to={paths.mine}>{t('nav.mine')}</Link>}
    />
  );
}
