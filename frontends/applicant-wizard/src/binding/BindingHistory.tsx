import { useMemo } from 'react';
import { Alert, Table, Tag, type TableColumnsType } from 'antd';
import { errorMessage, translateOrUndefined, useQuery, useTranslation, useWords } from '@zhicheng/web-kit';
import type { BindingFieldsFragment } from '../gql/graphql';
import { formatTime } from '../format';
import { MyBindingsQuery } from './documents';
import { BINDING_STATUS_COLOURS } from './status';

/** 绑定单位申报状态: every binding request with its status, 办件意见 and who decided when. */
export function BindingHistory() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const context = useMemo(() => ({ additionalTypenames: ['Binding'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: MyBindingsQuery, context });
  const columns: TableColumnsType<BindingFieldsFragment> = [
    { title: t('binding.unitName'), key: 'unit', render: (_v, row) => row.unit.name },
    {
      title: t('binding.creditCode'),
      key: 'code',
      className: 'zc-nowrap',
      render: (_v, row) => row.unit.creditCode,
    },
    {
      title: t('binding.requestedAt'),
      dataIndex: 'requestedAt',
      key: 'requestedAt',
      className: 'zc-nowrap',
      render: formatTime,
    },
    {
      title: t('binding.status'),
      key: 'status',
      render: (_v, row) => (
        <Tag color={BINDING_STATUS_COLOURS[row.status]}>
          {words.status('BindingStatus', row.status, row.statusText)}
        </Tag>
      ),
    },
    {
      title: t('binding.opinion'),
      dataIndex: 'opinion',
      key: 'opinion',
      render: (value: string | null) => value || <span className="zc-muted">-</span>,
    },
    {
      title: t('binding.decided'),
      key: 'decided',
      className: 'zc-nowrap',
      render: (_v, row) =>
        row.decidedAt ? (
          <>
            {row.decidedByName}
            <br />
            <span className="zc-muted">{formatTime(row.decidedAt)}</span>
          </>
        ) : (
          <span className="zc-muted">-</span>
        ),
    },
    {
      title: t('binding.endedAt'),
      dataIndex: 'endedAt',
      key: 'endedAt',
      className: 'zc-nowrap',
      render: (value: string | null) => formatTime(value) ?? <span className="zc-muted">-</span>,
    },
  ];
  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, translateOrUndefined)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<BindingFieldsFragment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.myBindings ?? []}
        loading={fetching}
        locale={{ emptyText: t('binding.noHistory') }}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        caption={<span className="zc-visually-hidden">{t('binding.historyTitle')}</span>}
      />
    </>
  );
}
