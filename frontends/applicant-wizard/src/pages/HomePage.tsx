import { Alert, Button, Card, Collapse, Flex, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import {
  errorMessage,
  navigate,
  PageContainer,
  translateOrUndefined,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { useCallback, useMemo } from 'react';
import { BindingPanel } from '../binding/BindingPanel';
import { useCurrentBinding } from '../binding/useCurrentBinding';
import { DeclarationSteps } from '../components/DeclarationSteps';
import { DeclarationsTable } from '../declaration/DeclarationsTable';
import { MyDeclarationsQuery } from '../declaration/documents';
import { LiveRows } from '../declaration/LiveTrack';
import { paths } from '../routes';

/**
 * 首页 / 01 条件自检 as the seeds show it: 申报注意事项, 申报历史信息, 申请人基本信息 with the
 * 推荐单位 (去绑定 / 解绑), and 确认并开始申报, which leads to the notices.
 */
export function HomePage() {
  const { t } = useTranslation('applicant');
  const context = useMemo(() => ({ additionalTypenames: ['Declaration'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyDeclarationsQuery, context });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { bound } = useCurrentBinding();
  const notes = t('home.notes', { returnObjects: true }) as string[];

  return (
    <PageContainer title={t('home.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <DeclarationSteps current={0} />
        <LiveRows rows={data?.myDeclarations ?? []} onChange={refresh} />
        <Collapse
          defaultActiveKey={['notes']}
          items={[
            {
              key: 'notes',
              label: <h2 className="zc-section-title">{t('home.notesTitle')}</h2>,
              children: (
                <ol className="zc-notes">
                  {notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ol>
              ),
            },
          ]}
        />
        <Card title={<h2 className="zc-section-title">{t('history.title')}</h2>} size="small">
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('history.loadFailed')}
              description={errorMessage(error, translateOrUndefined)}
            />
          )}
          <DeclarationsTable
            rows={data?.myDeclarations ?? []}
            loading={fetching}
            caption={t('history.title')}
          />
        </Card>
        <Card title={<h2 className="zc-section-title">{t('person.title')}</h2>} size="small">
          <BindingPanel />
        </Card>
        <Flex vertical align="center" gap={8}>
          <Button
            type="primary"
            size="large"
            disabled={!bound}
            onClick={() => navigate(paths.notices())}
            aria-describedby={bound ? undefined : 'zc-start-hint'}
          >
            {t('home.confirmStart')} <RightOutlined aria-hidden />
          </Button>
          {!bound && (
            <Typography.Text type="secondary" id="zc-start-hint">
              {t('home.bindFirst')}
            </Typography.Text>
          )}
        </Flex>
      </Space>
    </PageContainer>
  );
}
