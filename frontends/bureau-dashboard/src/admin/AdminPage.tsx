import type { ReactNode } from 'react';
import { Alert, Button, Space } from 'antd';
import { errorMessage, PageContainer, translateOrUndefined, useTranslation } from '@zhicheng/web-kit';

/** A 机构与人员 page: its title, what failed (loading or the last action), the 新增 button, the list. */
export function AdminPage({
  title,
  error,
  createLabel,
  onCreate,
  createDisabled,
  children,
}: {
  title: string;
  /** A failed load (urql's error) or a failed action's text. */
  error: unknown;
  createLabel: string;
  onCreate: () => void;
  createDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('bureau');
  return (
    <PageContainer title={title} breadcrumb={[{ title: t('home'), to: '/' }]}>
      {Boolean(error) && (
        <Alert
          type="error"
          showIcon
          title={typeof error === 'string' ? error : errorMessage(error, translateOrUndefined)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" disabled={createDisabled} onClick={onCreate}>
          {createLabel}
        </Button>
      </Space>
      {children}
    </PageContainer>
  );
}
