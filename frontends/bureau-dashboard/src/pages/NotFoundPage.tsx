import { Result } from 'antd';
import { Link, useDocumentTitle, useTranslation } from '@zhicheng/web-kit';

export function NotFoundPage({ home }: { home: string }) {
  const { t } = useTranslation('bureau');
  useDocumentTitle(t('notFound'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound')}</h1>}
      extra={<Link to={home}>{t('home')}</Link>}
    />
  );
}
