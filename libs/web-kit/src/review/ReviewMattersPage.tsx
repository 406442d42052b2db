import { Alert, Table } from 'antd';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { Link } from '../router';
import { PageContainer, type Crumb } from '../ui/PageContainer';
import { ReviewCountsQuery, ReviewQueueChangedSubscription } from './documents';
import './i18n';

interface MatterRow {
  noticeId: string;
  title: string;
  pending: number;
  awaitingForward: number;
  deferred: number;
}

/** 业务审核: each matter (notice) with its 待审 / 待送审 (units) / 暂缓 (committees) counts, live. */
export function ReviewMattersPage({
  basePath,
  columns,
  breadcrumb,
}: {
  basePath: string;
  /** Which counts to show. */
  columns: readonly ('pending' | 'awaitingForward' | 'deferred')[];
  breadcrumb?: Crumb[];
}) {
  const { t } = useTranslation('review');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReviewCountsQuery,
    requestPolicy: 'cache-and-network',
  });
  useSubscription({ query: ReviewQueueChangedSubscription }, (_, event) => {
    refetch({ requestPolicy: 'network-only' });
    return event;
  });
  const state = { pending: 'PENDING', awaitingForward: 'AWAITING_FORWARD', deferred: 'DEFERRED' } as const;
  const rows: MatterRow[] = (data?.reviewCounts ?? []).map((count) => ({
    noticeId: count.noticeId,
    title: count.notice.title,
    pending: count.pending,
    awaitingForward: count.awaitingForward,
    deferred: count.deferred,
  }));
  return (
    <PageContainer
      title={t('matters.title')}
      breadcrumb={breadcrumb}
      extra={<Link to={`${basePath}/queue?state=HANDLED`}>{t('states.HANDLED')}</Link>}
    >
      {error && <Alert type="error" showIcon message={errorMessage(error, translateOrUndefined)} />}
      <Table<MatterRow>
        rowKey="noticeId"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('matters.empty') }}
        columns={[
          { key: 'notice', title: t('matters.notice'), dataIndex: 'title' },
          ...columns.map((column) => ({
            key: column,
            title: t(`matters.${column}`),
            render: (_: unknown, row: MatterRow) => (
              <Link
                to={`${basePath}/queue?state=${state[column]}&notice=${encodeURIComponent(row.noticeId)}`}
                aria-label={`${row.title} ${t(`matters.${column}`)} ${row[column]}`}
              >
                {row[column]}
              </Link>
            ),
          })),
        ]}
      />
    </PageContainer>
  );
}
