import { Alert, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  errorMessage,
  Link,
  navigate,
  PageContainer,
  translateOrUndefined,
  useLocation,
  useQuery,
  useTranslation,
  useWords,
} from '@zhicheng/web-kit';
import type { CertificateApplicationStatus } from '../gql/graphql';
import { HistoricalAuditQueueQuery, ReissueAuditQueueQuery } from './documents';

const PAGE_SIZE = 10;
const FILTERS = ['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const;
type Filter = (typeof FILTERS)[number];

export type AuditKind = 'reissue' | 'historical';

interface Row {
  id: string;
  status: CertificateApplicationStatus;
  statusText: string;
  applicantName: string;
  certificateNumber: string;
  titleName: string;
  detail: string;
  submittedAt: string;
}

export const statusColour: Record<CertificateApplicationStatus, string> = {
  PENDING: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

/** 补办审核 / 历史数据登记审核: the bureau's applications by status, a page at a time. */
export function AuditQueuePage({ kind, basePath }: { kind: AuditKind; basePath: string }) {
  const { t } = useTranslation('bureau');
  const words = useWords();
  const { searchParams } = useLocation();
  const filterParam = searchParams.get('status') as Filter | null;
  const filter: Filter = filterParam && FILTERS.includes(filterParam) ? filterParam : 'PENDING';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const variables = {
    status: filter === 'ALL' ? null : (filter as CertificateApplicationStatus),
    first: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const [reissue] = useQuery({
    query: ReissueAuditQueueQuery,
    variables,
    pause: kind !== 'reissue',
    requestPolicy: 'cache-and-network',
  });
  const [historical] = useQuery({
    query: HistoricalAuditQueueQuery,
    variables,
    pause: kind !== 'historical',
    requestPolicy: 'cache-and-network',
  });
  const result = kind === 'reissue' ? reissue : historical;
  const connection =
    kind === 'reissue' ? reissue.data?.reissueAuditQueue : historical.data?.historicalRegistrationAuditQueue;
  const rows: Row[] =
    kind === 'reissue'
      ? (reissue.data?.reissueAuditQueue.items ?? []).map((i) => ({
          ...i,
          detail: `${i.businessTypeText} · ${i.declarationPointName}`,
        }))
      : (historical.data?.historicalRegistrationAuditQueue.items ?? []).map((i) => ({
          ...i,
          detail: `${i.levelName} · ${i.issuerName}`,
        }));
  const go = (next: { status?: Filter; page?: number }) => {
    const params = new URLSearchParams({ status: next.status ?? filter, page: String(next.page ?? 1) });
    navigate(`${basePath}?${params.toString()}`);
  };

  return (
    <PageContainer title={t(`${kind}.title`)} breadcrumb={[{ title: t('home'), to: '/' }]}>
      <Tabs
        activeKey={filter}
        onChange={(key) => go({ status: key as Filter })}
        items={FILTERS.map((value) => ({ key: value, label: t(`status.${value}`) }))}
      />
      {result.error && (
        <Alert
          type="error"
          showIcon
          message={t('queue.loadFailed')}
          description={errorMessage(result.error, translateOrUndefined)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Row>
        rowKey="id"
        loading={result.fetching}
        dataSource={rows}
        scroll={{ x: true }}
        locale={{ emptyText: t('queue.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: connection?.totalCount ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('queue.total', { total }),
          onChange: (next) => go({ page: next }),
        }}
        columns={[
          { key: 'applicant', title: t('queue.applicant'), dataIndex: 'applicantName' },
          { key: 'number', title: t('queue.number'), dataIndex: 'certificateNumber' },
          { key: 'title', title: t('queue.titleName'), dataIndex: 'titleName' },
          { key: 'detail', title: t(`${kind}.detailColumn`), dataIndex: 'detail' },
          {
            key: 'submitted',
            title: t('queue.submittedAt'),
            render: (_, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {dayjs(row.submittedAt).format('YYYY-MM-DD HH:mm')}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('queue.status'),
            render: (_, row) => (
              <Tag color={statusColour[row.status]}>
                {words.status('CertificateApplicationStatus', row.status, row.statusText)}
              </Tag>
            ),
          },
          {
            key: 'actions',
            title: t('queue.actions'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, row) => (
              <Link
                to={`${basePath}/${row.id}`}
                aria-label={`${row.status === 'PENDING' ? t('queue.audit') : t('queue.view')} ${row.applicantName}`}
              >
                {row.status === 'PENDING' ? t('queue.audit') : t('queue.view')}
              </Link>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
