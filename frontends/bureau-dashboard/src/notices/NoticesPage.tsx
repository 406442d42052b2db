import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  errorMessage,
  Link,
  navigate,
  PageContainer,
  translateOrUndefined,
  useMutation,
  useQuery,
  useTranslation,
  type Crumb,
} from '@zhicheng/web-kit';
import type { Dayjs } from 'dayjs';
import type { BureauNoticesQuery, NoticeStatus } from '../gql/graphql';
import {
  CloseNoticeMutation,
  CopyNoticeMutation,
  ExtendNoticeMutation,
  NoticeEditorDataQuery,
  NoticeListQuery,
  WithdrawNoticeMutation,
} from './documents';
import { formatShanghai, fromShanghaiWall, toShanghaiWall } from './shanghai';

type Row = BureauNoticesQuery['notices'][number];
export type NoticeState = 'DRAFT' | 'NOT_YET' | 'OPEN' | 'CLOSED';

/** 草稿 / 未开始 / 申报中 / 已截止. */
export function noticeState(row: Pick<Row, 'status' | 'isOpen' | 'opensAt'>, now = Date.now()): NoticeState {
  if (row.status === 'DRAFT') return 'DRAFT';
  if (row.isOpen) return 'OPEN';
  return new Date(row.opensAt).getTime() > now ? 'NOT_YET' : 'CLOSED';
}

const STATE_COLOURS: Record<NoticeState, string | undefined> = {
  DRAFT: undefined,
  NOT_YET: 'processing',
  OPEN: 'success',
  CLOSED: 'default',
};

/** 通知管理: every notice with filters; create, edit, copy, publish, close early, extend, withdraw. */
export function NoticesPage({ basePath, breadcrumb }: { basePath: string; breadcrumb: Crumb[] }) {
  const { t } = useTranslation('bureau');
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<NoticeStatus | undefined>();
  const [channelCode, setChannelCode] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const variables = useMemo(
    () => ({ status, channelCode, search: search || undefined }),
    [status, channelCode, search],
  );
  const [{ data, fetching, error }, refetch] = useQuery({ query: NoticeListQuery, variables });
  const [channels] = useQuery({ query: NoticeEditorDataQuery, variables: { includeRetired: true } });
  const [, copy] = useMutation(CopyNoticeMutation);
  const [, close] = useMutation(CloseNoticeMutation);
  const [, extend] = useMutation(ExtendNoticeMutation);
  const [, withdraw] = useMutation(WithdrawNoticeMutation);
  const [extending, setExtending] = useState<Row | null>(null);
  const [newDeadline, setNewDeadline] = useState<Dayjs | null>(null);
  const [extendError, setExtendError] = useState<string | null>(null);

  const run = async (
    action: () => Promise<{ error?: unknown; data?: unknown }>,
    done: string,
  ): Promise<boolean> => {
    const result = await action();
    if (result.error) {
      message.error(errorMessage(result.error as never, translateOrUndefined));
      return false;
    }
    message.success(done);
    refetch({ requestPolicy: 'network-only' });
    return true;
  };
  const confirm = (title: string, content: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, content, okText: t('notices.confirm'), cancelText: t('notices.cancel'), onOk });

  const actions = (row: Row) => {
    const state = noticeState(row);
    const edit = `${basePath}/${encodeURIComponent(row.id)}`;
    return (
      <Space size={0} wrap>
        <Link to={edit} className="zc-action-link">
          {state === 'DRAFT' ? t('notices.edit') : t('notices.view')}
        </Link>
        <Button
          type="link"
          onClick={() =>
            run(async () => {
              const result = await copy({ id: row.id });
              if (result.data) navigate(`${basePath}/${encodeURIComponent(result.data.copyNotice.id)}`);
              return result;
            }, t('notices.copied'))
          }
        >
          {t('notices.copy')}
        </Button>
        {state === 'DRAFT' && (
          <Button type="link" onClick={() => navigate(edit)}>
            {t('notices.publish')}
          </Button>
        )}
        {state === 'OPEN' && (
          <Button
            type="link"
            danger
            onClick={() =>
              confirm(t('notices.closeConfirm', { title: row.title }), t('notices.closeHint'), () =>
                run(() => close({ id: row.id }), t('notices.closed')),
              )
            }
          >
            {t('notices.close')}
          </Button>
        )}
        {state !== 'DRAFT' && (
          <Button
            type="link"
            onClick={() => {
              setExtending(row);
              setNewDeadline(toShanghaiWall(row.closesAt).add(7, 'day'));
              setExtendError(null);
            }}
          >
            {t('notices.extend')}
          </Button>
        )}
        {state === 'NOT_YET' && (
          <Button
            type="link"
            danger
            onClick={() =>
              confirm(t('notices.withdrawConfirm', { title: row.title }), t('notices.withdrawHint'), () =>
                run(() => withdraw({ id: row.id }), t('notices.withdrawn')),
              )
            }
          >
            {t('notices.withdraw')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <PageContainer
      title={t('notices.title')}
      breadcrumb={breadcrumb}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate(`${basePath}/new`)}
        >
          {t('notices.create')}
        </Button>
      }
    >
      <Form layout="inline" className="zc-filters" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('notices.filterStatus')} htmlFor="zc-notice-status">
          <Select
            id="zc-notice-status"
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('notices.all')}
            style={{ width: 140 }}
            options={[
              { value: 'DRAFT', label: t('notices.state.DRAFT') },
              { value: 'PUBLISHED', label: t('notices.published') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('notices.filterChannel')} htmlFor="zc-notice-channel">
          <Select
            id="zc-notice-channel"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={channelCode}
            onChange={setChannelCode}
            placeholder={t('notices.all')}
            style={{ width: 240 }}
            options={(channels.data?.channels ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('notices.filterTitle')} htmlFor="zc-notice-search">
          <Input.Search id="zc-notice-search" allowClear onSearch={setSearch} style={{ width: 240 }} />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{errorMessage(error, translateOrUndefined)}</Typography.Text>}
      <Table<Row>
        rowKey="id"
        loading={fetching}
        dataSource={data?.notices ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => t('queue.total', { total }) }}
        scroll={{ x: 'max-content' }}
        caption={<span className="zc-visually-hidden">{t('notices.title')}</span>}
        locale={{ emptyText: t('notices.empty') }}
        columns={[
          { title: t('notices.noticeTitle'), key: 'title', render: (_v, row) => row.title },
          { title: t('notices.channel'), key: 'channel', render: (_v, row) => row.channel.name },
          {
            title: t('notices.window'),
            key: 'window',
            render: (_v, row) => (
              <span className="zc-nowrap">
                {formatShanghai(row.opensAt)} ~ {formatShanghai(row.closesAt)}
              </span>
            ),
          },
          {
            title: t('notices.status'),
            key: 'status',
            render: (_v, row) => {
              const state = noticeState(row);
              return <Tag color={STATE_COLOURS[state]}>{t(`notices.state.${state}`)}</Tag>;
            },
          },
          { title: t('notices.actions'), key: 'actions', render: (_v, row) => actions(row) },
        ]}
      />
      <Modal
        open={!!extending}
        title={t('notices.extendTitle', { title: extending?.title ?? '' })}
        okText={t('notices.extend')}
        cancelText={t('notices.cancel')}
        onCancel={() => setExtending(null)}
        onOk={async () => {
          if (!extending || !newDeadline) return setExtendError(t('notices.extendRequired'));
          const result = await extend({ id: extending.id, closesAt: fromShanghaiWall(newDeadline) });
          if (result.error) return setExtendError(errorMessage(result.error, translateOrUndefined));
          message.success(t('notices.extended'));
          setExtending(null);
          refetch({ requestPolicy: 'network-only' });
        }}
      >
        <Typography.Paragraph>
          {t('notices.currentDeadline', { at: extending ? formatShanghai(extending.closesAt) : '' })}
        </Typography.Paragraph>
        <label htmlFor="zc-new-deadline">{t('notices.newDeadline')}</label>
        <DatePicker
          id="zc-new-deadline"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={newDeadline}
          onChange={setNewDeadline}
          style={{ display: 'block', marginTop: 4 }}
        />
        {extendError && (
          <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>
            {extendError}
          </Typography.Paragraph>
        )}
      </Modal>
    </PageContainer>
  );
}
