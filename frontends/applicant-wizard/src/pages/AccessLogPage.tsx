import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Table, Typography, type TableColumnsType } from 'antd';
import {
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { MyDataAccessLogQuery } from '../access-log/documents';
import type { MyDataAccessLogQuery as LogData } from '../gql/graphql';
import dayjs from 'dayjs';
import { formatDate } from '../format';
import { paths } from '../routes';

type Line = LogData['myDataAccessLog']['edges'][number]['node'];
const PAGE = 20;

/** One page of the log; "加载更多" renders the next page below it (Relay cursors). */
function LogPage({
  after,
  onLoaded,
}: {
  after: string | null;
  onLoaded?: (next: string | null, total: number) => void;
}) {
  const { t } = useTranslation('applicant');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyDataAccessLogQuery,
    variables: { first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  const log = data?.myDataAccessLog;
  const next = log?.pageInfo.hasNextPage ? (log.pageInfo.endCursor ?? null) : null;
  const total = log?.totalCount;
  useEffect(() => {
    if (total !== undefined) onLoaded?.(next, total);
  }, [next, total, onLoaded]);
  const columns: TableColumnsType<Line> = [
    {
      title: t('accessLog.columns.time'),
      key: 'time',
      render: (_v, line) => (
        <>
          {/* Date and time on two lines (each whole) keep the three columns within a 360 px screen. */}
          <time dateTime={line.viewedAt} className="zc-access-log-time">
            <span className="zc-nowrap">{formatDate(line.viewedAt)}</span>{' '}
            <span className="zc-nowrap">{dayjs(line.viewedAt).format('HH:mm')}</span>
          </time>
          {line.viewCount > 1 && (
            <div className="zc-muted">{t('accessLog.times', { n: line.viewCount })}</div>
          )}
        </>
      ),
    },
    {
      // Organisation with the role under it: three columns fit a 360 px screen without scrolling.
      title: `${t('accessLog.columns.organisation')} / ${t('accessLog.columns.role')}`,
      key: 'organisation',
      render: (_v, line) => (
        <div className="zc-access-log-cell">
          {line.organisationName ?? t('accessLog.unknownOrganisation')}
          <div className="zc-muted">{t(`accessLog.roles.${line.viewerRole}`)}</div>
        </div>
      ),
    },
    {
      title: t('accessLog.columns.items'),
      key: 'items',
      render: (_v, line) => (
        <div className="zc-access-log-cell">
          {line.items.map((item) => t(`accessLog.items.${item}`)).join('、')}
        </div>
      ),
    },
  ];
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={errorMessage(error, translateOrUndefined)}
        action={
          <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('retry')}
          </Button>
        }
      />
    );
  return (
    <Table<Line>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={log?.edges.map((edge) => edge.node) ?? []}
      loading={fetching && !log}
      pagination={false}
      showHeader={after === null}
      locale={{ emptyText: t('accessLog.empty') }}
      caption={
        after === null ? <span className="zc-visually-hidden">{t('accessLog.caption')}</span> : undefined
      }
    />
  );
}

/** 谁查看了我的信息: who else read the applicant's data (as the national 12333 platform shows). */
export function AccessLogPage() {
  const { t } = useTranslation('applicant');
  // The cursors of the pages shown after the first; the last one's "next" offers 加载更多.
  const [pages, setPages] = useState<string[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const loaded = useCallback((cursor: string | null, count: number) => {
    setNext(cursor);
    setTotal(count);
  }, []);
  return (
    <PageContainer
      title={t('accessLog.title')}
      breadcrumb={[{ title: t('nav.home'), to: paths.home }, { title: t('accessLog.title') }]}
    >
      <Typography.Paragraph type="secondary">{t('accessLog.intro')}</Typography.Paragraph>
      {total !== null && total > 0 && (
        <Typography.Paragraph>{t('accessLog.total', { n: total })}</Typography.Paragraph>
      )}
      {[null, ...pages].map((after, index) => (
        <LogPage
          key={after ?? 'first'}
          after={after}
          onLoaded={index === pages.length ? loaded : undefined}
        />
      ))}
      {next && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => {
            setPages((shown) => [...shown, next]);
            setNext(null);
          }}
        >
          {t('accessLog.more')}
        </Button>
      )}
    </PageContainer>
  );
}
