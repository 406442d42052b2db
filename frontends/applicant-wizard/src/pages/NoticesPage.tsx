import { useMemo, useState } from 'react';
import { Alert, Button, Col, Flex, Menu, Row, Space, Switch, Table, type TableColumnsType } from 'antd';
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
import { ChannelsQuery, NoticesQuery } from '../declaration/documents';
import { WindowTag } from '../declaration/window';
import { formatDate } from '../format';
import type { NoticeSummaryFieldsFragment } from '../gql/graphql';
import { paths } from '../routes';

type NoticeRow = NoticeSummaryFieldsFragment;

/** 申报通知: channels grouped as the seeds' menus (人才人事 → …) and the notices of the chosen one. */
export function NoticesPage() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { searchParams } = useLocation();
  const channelCode = searchParams.get('channel');
  const openOnly = searchParams.get('all') !== '1';
  const [channels] = useQuery({ query: ChannelsQuery });
  const [notices] = useQuery({ query: NoticesQuery, variables: { channelCode, openOnly } });

  const groups = useMemo(() => {
    const byGroup = new Map<string, { name: string; channels: { code: string; name: string }[] }>();
    for (const channel of channels.data?.channels ?? []) {
      const group = byGroup.get(channel.group) ?? {
        name: words.status('ChannelGroup', channel.group, channel.groupName),
        channels: [],
      };
      group.channels.push(channel);
      byGroup.set(channel.group, group);
    }
    return [...byGroup.entries()];
  }, [channels.data]);

  // Every group starts open (the channels arrive after the first render); people may fold them.
  const [openKeys, setOpenKeys] = useState<string[] | null>(null);

  const go = (channel: string | null, all: boolean) => {
    const query = new URLSearchParams();
    if (channel) query.set('channel', channel);
    if (all) query.set('all', '1');
    const search = query.toString();
    navigate(`${paths.notices()}${search ? `?${search}` : ''}`, { replace: true });
  };

  const columns: TableColumnsType<NoticeRow> = [
    {
      title: t('notices.columns.title'),
      key: 'title',
      render: (_v, row) => (
        <div className="zc-cell-wide">
          <Link to={paths.notice(row.id)}>{row.title}</Link>
        </div>
      ),
    },
    {
      title: t('notices.columns.channel'),
      key: 'channel',
      render: (_v, row) => (
        <>
          {row.channel.name}
          <br />
          <span className="zc-muted">
            {words.status('ChannelGroup', row.channel.group, row.channel.groupName)}
          </span>
        </>
      ),
    },
    {
      title: t('notices.columns.window'),
      key: 'window',
      className: 'zc-nowrap',
      render: (_v, row) => (
        <>
          {`${formatDate(row.opensAt)} ~ ${formatDate(row.closesAt)}`}
          <br />
          <WindowTag notice={row} />
        </>
      ),
    },
    {
      title: t('notices.columns.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Space size={0}>
          <Link
            to={paths.notice(row.id)}
            className="zc-action-link"
            aria-label={`${t('notices.view')} ${row.title}`}
          >
            {t('notices.view')}
          </Link>
          {row.isOpen && (
            <Link
              to={paths.notice(row.id)}
              className="zc-action-link zc-action-primary"
              aria-label={`${t('notices.declare')} ${row.title}`}
            >
              {t('notices.declare')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const error = channels.error ?? notices.error;
  const allKey = '__all__';
  return (
    <PageContainer
      title={t('notices.title')}
      breadcrumb={[{ title: t('nav.home'), to: paths.home }, { title: t('notices.title') }]}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('notices.loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={7} lg={6}>
          <nav aria-label={t('notices.channels')}>
            <Menu
              mode="inline"
              className="zc-channel-menu"
              selectedKeys={[channelCode ?? allKey]}
              openKeys={openKeys ?? groups.map(([group]) => group)}
              onOpenChange={setOpenKeys}
              onClick={({ key }) => go(key === allKey ? null : key, !openOnly)}
              items={[
                { key: allKey, label: t('notices.allChannels') },
                ...groups.map(([group, value]) => ({
                  key: group,
                  label: value.name,
                  children: value.channels.map((channel) => ({ key: channel.code, label: channel.name })),
                })),
              ]}
            />
          </nav>
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 12 }}>
            <label htmlFor="zc-open-only">{t('notices.openOnly')}</label>
            <Switch id="zc-open-only" checked={openOnly} onChange={(checked) => go(channelCode, !checked)} />
          </Flex>
          <Table<NoticeRow>
            rowKey="id"
            columns={columns}
            dataSource={notices.data?.notices ?? []}
            loading={notices.fetching}
            locale={{ emptyText: openOnly ? t('notices.emptyOpen') : t('notices.empty') }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            caption={<span className="zc-visually-hidden">{t('notices.title')}</span>}
          />
          <Button type="link" onClick={() => navigate(paths.home)} style={{ paddingInline: 0 }}>
            {t('notices.backHome')}
          </Button>
        </Col>
      </Row>
    </PageContainer>
  );
}
