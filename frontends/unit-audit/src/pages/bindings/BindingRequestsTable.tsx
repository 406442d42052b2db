import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { MaskedId, useTranslation, useWords } from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { BindingRequestRowFragment, BindingStatus } from '../../gql/graphql';

export const BindingRequestRow = graphql(`
  fragment BindingRequestRow on Binding {
    id
    status
    statusText
    requestedAt
    decidedAt
    opinion
    decidedByName
    endedAt
    person {
      id
      name
      idNumberMasked
      mobileMasked
    }
  }
`);

export type BindingRequest = BindingRequestRowFragment;

const STATUS_COLOURS: Record<BindingStatus, string> = {
  PENDING: 'processing',
  APPROVED: 'success',
  REFUSED: 'error',
  ENDED: 'default',
};

function formatTime(value: string | null | undefined): string | undefined {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : undefined;
}

export interface BindingRequestsTableProps {
  requests: readonly BindingRequest[];
  loading: boolean;
  onDecide: (request: BindingRequest, approve: boolean) => void;
}

/** 姓名, 证件号码 (masked), 手机号, 申请时间, 业务状态, 办件意见, 审核人/时间 and 通过 / 不通过. */
export function BindingRequestsTable({ requests, loading, onDecide }: BindingRequestsTableProps) {
  const { t } = useTranslation('unitAudit');
  const words = useWords();
  const columns: TableColumnsType<BindingRequest> = [
    {
      title: t('bindings.columns.name'),
      key: 'name',
      render: (_v, row) => row.person.name,
    },
    {
      title: t('bindings.columns.idNumber'),
      key: 'idNumber',
      render: (_v, row) => <MaskedId value={row.person.idNumberMasked} />,
    },
    {
      title: t('bindings.columns.mobile'),
      key: 'mobile',
      className: 'zc-nowrap',
      render: (_v, row) => row.person.mobileMasked,
    },
    {
      title: t('bindings.columns.requestedAt'),
      dataIndex: 'requestedAt',
      key: 'requestedAt',
      className: 'zc-nowrap',
      render: (value: string) => formatTime(value),
    },
    {
      title: t('bindings.columns.status'),
      key: 'status',
      render: (_v, row) => (
        <Tag color={STATUS_COLOURS[row.status]}>
          {words.status('BindingStatus', row.status, row.statusText)}
        </Tag>
      ),
    },
    {
      title: t('bindings.columns.opinion'),
      dataIndex: 'opinion',
      key: 'opinion',
      render: (value: string | null) => value ?? <span className="zc-muted">-</span>,
    },
    {
      title: t('bindings.columns.decided'),
      key: 'decided',
      className: 'zc-nowrap',
      render: (_v, row) =>
        row.decidedAt ? (
          <span>
            {row.decidedByName}
            <br />
            <span className="zc-muted">{formatTime(row.decidedAt)}</span>
          </span>
        ) : (
          <span className="zc-muted">-</span>
        ),
    },
    {
      title: t('bindings.columns.actions'),
      key: 'actions',
      render: (_v, row) =>
        row.status === 'PENDING' ? (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => onDecide(row, true)}
              aria-label={`${t('bindings.actions.approve')} ${row.person.name}`}
            >
              {t('bindings.actions.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => onDecide(row, false)}
              aria-label={`${t('bindings.actions.refuse')} ${row.person.name}`}
            >
              {t('bindings.actions.refuse')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <Table<BindingRequest>
      rowKey="id"
      columns={columns}
      dataSource={requests}
      loading={loading}
      locale={{ emptyText: t('bindings.empty') }}
      pagination={{
        pageSize: 10,
        hideOnSinglePage: true,
        showTotal: (count) => t('bindings.total', { count }),
      }}
      scroll={{ x: 'max-content' }}
    />
  );
}
