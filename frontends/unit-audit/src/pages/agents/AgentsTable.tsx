import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { MaskedId, useTranslation } from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { AgentRowFragment } from '../../gql/graphql';
import { AgentStatusAction } from './AgentStatusAction';

export const AgentRow = graphql(`
  fragment AgentRow on Agent {
    id
    name
    mobile
    idNumberMasked
    enabled
    createdAt
    lastSignInAt
  }
`);

export type Agent = AgentRowFragment;

function formatTime(value: string | null | undefined): string | undefined {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : undefined;
}

export interface AgentsTableProps {
  agents: readonly Agent[];
  loading: boolean;
  onEdit: (agent: Agent) => void;
  onResetPassword: (agent: Agent) => void;
}

/** 姓名, 手机号, 身份证号 (masked), 状态, 创建时间, 最近登录 and the row actions. */
export function AgentsTable({ agents, loading, onEdit, onResetPassword }: AgentsTableProps) {
  const { t } = useTranslation('unitAudit');
  const columns: TableColumnsType<Agent> = [
    { title: t('agents.columns.name'), dataIndex: 'name', key: 'name' },
    { title: t('agents.columns.mobile'), dataIndex: 'mobile', key: 'mobile', className: 'zc-nowrap' },
    {
      title: t('agents.columns.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'idNumber',
      render: (value: string) => <MaskedId value={value} />,
    },
    {
      title: t('agents.columns.status'),
      dataIndex: 'enabled',
      key: 'status',
      render: (enabled: boolean) =>
        enabled ? (
          <Tag color="success">{t('agents.status.enabled')}</Tag>
        ) : (
          <Tag>{t('agents.status.disabled')}</Tag>
        ),
    },
    {
      title: t('agents.columns.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      className: 'zc-nowrap',
      render: (value: string) => formatTime(value),
    },
    {
      title: t('agents.columns.lastSignInAt'),
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      className: 'zc-nowrap',
      render: (value: string | null) =>
        formatTime(value) ?? <span className="zc-muted">{t('agents.neverSignedIn')}</span>,
    },
    {
      title: t('agents.columns.actions'),
      key: 'actions',
      render: (_value, agent) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => onEdit(agent)}
            aria-label={`${t('agents.actions.edit')} ${agent.name}`}
          >
            {t('agents.actions.edit')}
          </Button>
          <AgentStatusAction agent={agent} />
          <Button
            type="link"
            size="small"
            onClick={() => onResetPassword(agent)}
            aria-label={`${t('agents.actions.resetPassword')} ${agent.name}`}
          >
            {t('agents.actions.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<Agent>
      rowKey="id"
      columns={columns}
      dataSource={agents}
      loading={loading}
      locale={{ emptyText: t('agents.empty') }}
      pagination={{
        pageSize: 10,
        hideOnSinglePage: true,
        showTotal: (count) => t('agents.total', { count }),
      }}
      scroll={{ x: 'max-content' }}
    />
  );
}
