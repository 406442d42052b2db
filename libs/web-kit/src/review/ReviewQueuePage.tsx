import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { MaskedId } from '../ui/MaskedId';
import { PageContainer, type Crumb } from '../ui/PageContainer';
import type { ReviewQueueState } from '../gql/graphql';
import { ReviewCountsQuery, ReviewQueueChangedSubscription, ReviewQueueQuery } from './documents';
import './i18n';

const PAGE_SIZE = 20;

export interface QueueRow {
  declarationId: string;
  applicantName: string;
  idNumberMasked: string;
  titleName: string;
  noticeTitle: string;
  submittedAt: string;
  state: ReviewQueueState;
}

export interface ReviewQueuePageProps {
  /** e.g. /unit/review: the queue is `${basePath}/queue`, a case `${basePath}/case/<id>`. */
  basePath: string;
  /** The tabs, e.g. 待审 / 待送审 / 已审 for units. */
  states: readonly ReviewQueueState[];
  breadcrumb?: Crumb[];
  /** The action word for open rows (审核, or 评审结果 for a committee). */
  actionLabel?: string;
  /** A state whose rows may be selected, and what to show with the selection (批量送审). */
  selectable?: {
    state: ReviewQueueState;
    render: (selected: string[], done: () => void) => ReactNode;
  };
}

/** 审核列表: tabs per state, filters by matter and applicant name, Relay pages, live refetch. */
export function ReviewQueuePage({
  basePath,
  states,
  breadcrumb,
  actionLabel,
  selectable,
}: ReviewQueuePageProps) {
  const { t } = useTranslation('review');
  const { searchParams } = useLocation();
  const stateParam = searchParams.get('state') as ReviewQueueState | null;
  const state: ReviewQueueState = stateParam && states.includes(stateParam) ? stateParam : states[0];
  const noticeId = searchParams.get('notice') ?? undefined;
  const applicantName = searchParams.get('name') ?? undefined;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [selected, setSelected] = useState<string[]>([]);
  const [form] = Form.useForm<{ notice?: string; name?: string }>();
  const after = cursors[cursors.length - 1];

  useEffect(() => {
    setCursors([null]);
    setSelected([]);
    form.setFieldsValue({ notice: noticeId, name: applicantName });
  }, [state, noticeId, applicantName, form]);

  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReviewQueueQuery,
    variables: {
      state,
      filter: { noticeId, applicantName },
      first: PAGE_SIZE,
      after,
    },
    requestPolicy: 'cache-and-network',
  });
  const [counts, refetchCounts] = useQuery({ query: ReviewCountsQuery, requestPolicy: 'cache-and-network' });
  useSubscription({ query: ReviewQueueChangedSubscription }, (_, event) => {
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
    return event;
  });

  const go = (params: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = { state, notice: noticeId, name: applicantName, ...params };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    navigate(`${basePath}/queue?${next.toString()}`);
  };

  const connection = data?.reviewQueue;
  const rows: QueueRow[] = (connection?.edges ?? []).map(({ node }) => ({
    declarationId: node.declarationId,
    applicantName: node.applicantName,
    idNumberMasked: node.applicant.idNumberMasked,
    titleName: `${node.titleName}${node.levelName ? `（${node.levelName}）` : ''}`,
    noticeTitle: node.notice.title,
    submittedAt: node.submittedAt,
    state,
  }));
  const selecting = selectable && selectable.state === state;
  const refresh = () => {
    setSelected([]);
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };

  return (
    <PageContainer title={t('queue.title')} breadcrumb={breadcrumb}>
      <Tabs
        activeKey={state}
        onChange={(key) => go({ state: key })}
        items={states.map((value) => ({ key: value, label: t(`states.${value}`) }))}
      />
      <Form
        form={form}
        layout="inline"
        name="review-queue-filter"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          go({ notice: values.notice || undefined, name: values.name?.trim() || undefined })
        }
      >
        <Form.Item name="notice" label={t('queue.notice')}>
          <Select
            allowClear
            placeholder={t('queue.allNotices')}
            style={{ minWidth: 260 }}
            options={(counts.data?.reviewCounts ?? []).map((count) => ({
              value: count.noticeId,
              label: count.notice.title,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('queue.applicantName')}>
          <Input placeholder={t('queue.namePlaceholder')} allowClear />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" autoInsertSpace={false}>
            {t('queue.search')}
          </Button>
          <Button autoInsertSpace={false} onClick={() => go({ notice: undefined, name: undefined })}>
            {t('queue.reset')}
          </Button>
        </Space>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          message={t('queue.loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
        />
      )}
      {selecting && selectable.render(selected, refresh)}
      <Table<QueueRow>
        rowKey="declarationId"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('queue.empty') }}
        rowSelection={
          selecting
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({ 'aria-label': t('queue.select', { name: row.applicantName }) }),
              }
            : undefined
        }
        columns={[
          { key: 'name', title: t('queue.applicantName'), dataIndex: 'applicantName' },
          {
            key: 'id',
            title: t('queue.idNumber'),
            render: (_, row) => <MaskedId value={row.idNumberMasked} />,
          },
          { key: 'title', title: t('queue.titleName'), dataIndex: 'titleName' },
          { key: 'notice', title: t('queue.notice'), dataIndex: 'noticeTitle' },
          {
            key: 'submitted',
            title: t('queue.submittedAt'),
            render: (_, row) => dayjs(row.submittedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'state',
            title: t('queue.state'),
            render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{t(`states.${row.state}`)}</span>,
          },
          {
            key: 'actions',
            title: t('queue.actions'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, row) => (
              <Link
                to={`${basePath}/case/${row.declarationId}`}
                aria-label={`${row.state === 'PENDING' || row.state === 'DEFERRED' ? (actionLabel ?? t('queue.audit')) : t('queue.view')} ${row.applicantName}`}
              >
                {row.state === 'PENDING' || row.state === 'DEFERRED'
                  ? (actionLabel ?? t('queue.audit'))
                  : t('queue.view')}
              </Link>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text>{t('queue.total', { count: connection?.totalCount ?? 0 })}</Typography.Text>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('queue.previous')}
        </Button>
        <Button
          disabled={!connection?.pageInfo.hasNextPage}
          onClick={() => {
            const end = connection?.pageInfo.endCursor;
            if (end) setCursors((list) => [...list, end]);
          }}
        >
          {t('queue.next')}
        </Button>
      </Space>
    </PageContainer>
  );
}
