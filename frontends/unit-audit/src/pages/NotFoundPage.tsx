import { Result } from 'antd';
import { Link, useDocumentTitle, useTranslation } from '@zhicheng/web-kit';

export function NotFoundPage() {
  const { t } = useTranslation('unitAudit');
  useDocumentTitle(t('notFound'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound')}</h1>}
      extra={<Link to="/unit/bindings">{t('bindings.title')}</Link>}
    />
  );
}
