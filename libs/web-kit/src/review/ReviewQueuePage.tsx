import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tabs } from 'antd';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { MaskedId } from '../ui/MaskedId';
import { PageContainer, type Crumb } from '../ui/PageContainer';
import type { ReviewQueueState } from '../gql/graphql';
import {
  ReviewCountsQuery,
  ReviewQueueChangedSubscription,
  ReviewQueueQuery,
  TitleSeriesQuery,
} from './documents';
import { rememberTrail } from './queueNav';
import './i18n';

/** Page sizes offered; the API pages at most 100. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
/** The deepest page the API serves (offset ≤ 10000). */
const OFFSET_MAX = 10_000;

export interface QueueRow {
  declarationId: string;
  applicantName: string;
  idNumberMasked: string;
  titleName: string;
  noticeTitle: string;
  submittedAt: string;
  state: ReviewQueueState;
  unitName?: string | null;
  seriesName?: string | null;
  specialtyName?: string | null;
}

export interface ReviewQueuePageProps {
  /** e.g. /unit/review: the queue is `${basePath}/queue`, a case `${basePath}/case/<id>`. */
  basePath: string;
  /** The tabs, e.g. 待审 / 待送审 / 已审 for units. */
  states: readonly ReviewQueueState[];
  breadcrumb?: Crumb[];
  /** The action word for open rows (审核, or 评审结果 for a committee). */
  actionLabel?: string;
  /** Offer the 推荐单位 filter (not for a unit, whose queue holds only its own). Default true. */
  unitFilter?: boolean;
  /** States whose rows may be selected, and what to show with the selection (批量送审, 评审结果). */
  selectable?: {
    /** One state (kept for existing callers) … */
    state?: ReviewQueueState;
    /** … or several. */
    states?: readonly ReviewQueueState[];
    render: (selected: string[], done: () => void) => ReactNode;
  };
}

/** The queue's address parameters (tab, filters, page) ↔ the URL. */
interface QueueParams {
  state: ReviewQueueState;
  notice?: string;
  name?: string;
  unit?: string;
  series?: string;
  specialty?: string;
  from?: string;
  to?: string;
  page: number;
  size: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the queue's parameters from the address; anything malformed falls back to the default. */
export function readQueueParams(search: URLSearchParams, states: readonly ReviewQueueState[]): QueueParams {
  const state = search.get('state') as ReviewQueueState | null;
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const day = (key: string) => (DAY.test(search.get(key) ?? '') ? search.get(key)! : undefined);
  const size = Number(search.get('size'));
  const page = Number(search.get('page'));
  const pageSize = Number.isInteger(size) && size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE;
  const maxPage = Math.floor(OFFSET_MAX / pageSize) + 1;
  return {
    state: state && states.includes(state) ? state : states[0],
    notice: text('notice'),
    name: text('name'),
    unit: text('unit'),
    series: text('series'),
    specialty: text('specialty'),
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, maxPage) : 1,
    size: pageSize,
  };
}

export function queueHref(basePath: string, params: QueueParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'size' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return `${basePath}/queue?${search.toString()}`;
}

interface FilterValues {
  notice?: string;
  name?: string;
  unit?: string;
  series?: string;
  specialty?: string;
  submitted?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * 审核列表: tabs per state; filters (事项, 申报人, 推荐单位, 申报系列, 申报专业, 提交日期) kept in the
 * address; numbered pages with a page size and the total (paged by the server); live refetch.
 * The listed cases are remembered for the case page's 上一件/下一件.
 */
export function ReviewQueuePage({
  basePath,
  states,
  breadcrumb,
  actionLabel,
  unitFilter = true,
  selectable,
}: ReviewQueuePageProps) {
  const { t } = useTranslation('review');
  const { pathname, searchParams } = useLocation();
  const params = readQueueParams(searchParams, states);
  const [selected, setSelected] = useState<string[]>([]);
  const [form] = Form.useForm<FilterValues>();
  const chosenSeries = Form.useWatch('series', form);
  const paramsKey = queueHref(basePath, params);

  useEffect(() => {
    setSelected([]);
    form.setFieldsValue({
      notice: params.notice,
      name: params.name,
      unit: params.unit,
      series: params.series,
      specialty: params.specialty,
      submitted:
        params.from || params.to
          ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]
          : null,
    });
    // Every parameter is in the key.
  }, [paramsKey, form]);

  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReviewQueueQuery,
    variables: {
      state: params.state,
      filter: {
        noticeId: params.notice,
        applicantName: params.name,
        unitName: params.unit,
        seriesCode: params.series,
        specialtyCode: params.specialty,
        submittedFrom: params.from,
        submittedTo: params.to,
      },
      first: params.size,
      offset: (params.page - 1) * params.size,
    },
    requestPolicy: 'cache-and-network',
  });
  const [counts, refetchCounts] = useQuery({ query: ReviewCountsQuery, requestPolicy: 'cache-and-network' });
  const [catalogue] = useQuery({ query: TitleSeriesQuery });
  useSubscription({ query: ReviewQueueChangedSubscription }, (_, event) => {
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
    return event;
  });

  const go = (next: Partial<QueueParams>) => navigate(queueHref(basePath, { ...params, page: 1, ...next }));

  const connection = data?.reviewQueue;
  const rows: QueueRow[] = useMemo(
    () =>
      (connection?.edges ?? []).map(({ node }) => ({
        declarationId: node.declarationId,
        applicantName: node.applicantName,
        idNumberMasked: node.applicant.idNumberMasked,
        titleName: `${node.titleName}${node.levelName ? `（${node.levelName}）` : ''}`,
        noticeTitle: node.notice.title,
        submittedAt: node.submittedAt,
        state: params.state,
        unitName: node.unitName,
        seriesName: node.seriesName,
        specialtyName: node.specialtyName,
      })),
    [connection, params.state],
  );
  // 上一件/下一件 on the case page walk this page of this list.
  useEffect(() => {
    if (!connection) return;
    rememberTrail(window.sessionStorage, `${basePath}/queue`, {
      href: `${pathname}?${searchParams.toString()}`,
      cases: rows.map((row) => ({ id: row.declarationId, name: row.applicantName })),
    });
  }, [rows, connection, basePath, pathname, searchParams]);

  const selectableStates = selectable
    ? (selectable.states ?? (selectable.state ? [selectable.state] : []))
    : [];
  const selecting = selectable && selectableStates.includes(params.state);
  const refresh = () => {
    setSelected([]);
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };
  const seriesOptions = catalogue.data?.titleCatalogue ?? [];
  const specialtyOptions = seriesOptions.find((series) => series.code === chosenSeries)?.children ?? [];
  const open = params.state === 'PENDING' || params.state === 'DEFERRED';
  const total = connection?.totalCount ?? 0;

  return (
    <PageContainer title={t('queue.title')} breadcrumb={breadcrumb}>
      <Tabs
        activeKey={params.state}
        onChange={(key) => go({ state: key as ReviewQueueState })}
        items={states.map((value) => ({ key: value, label: t(`states.${value}`) }))}
      />
      <Form<FilterValues>
        form={form}
        layout="vertical"
        name="review-queue-filter"
        aria-label={t('queue.filters')}
        style={{ marginBottom: 8 }}
        onValuesChange={(changed) => {
          if ('series' in changed) form.setFieldsValue({ specialty: undefined });
        }}
        onFinish={(values) =>
          go({
            notice: values.notice || undefined,
            name: values.name?.trim() || undefined,
            unit: values.unit?.trim() || undefined,
            series: values.series || undefined,
            specialty: values.specialty || undefined,
            from: values.submitted?.[0]?.format('YYYY-MM-DD'),
            to: values.submitted?.[1]?.format('YYYY-MM-DD'),
          })
        }
      >
        <Row gutter={[12, 0]}>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name="notice" label={t('queue.notice')}>
              <Select
                allowClear
                placeholder={t('queue.allNotices')}
                options={(counts.data?.reviewCounts ?? []).map((count) => ({
                  value: count.noticeId,
                  label: count.notice.title,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name="name" label={t('queue.applicantName')}>
              <Input placeholder={t('queue.namePlaceholder')} allowClear />
            </Form.Item>
          </Col>
          {unitFilter && (
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="unit" label={t('queue.unit')}>
                <Input placeholder={t('queue.unitPlaceholder')} allowClear />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name="series" label={t('queue.series')}>
              <Select
                allowClear
                placeholder={t('queue.allSeries')}
                options={seriesOptions.map((series) => ({ value: series.code, label: series.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name="specialty" label={t('queue.specialty')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                disabled={specialtyOptions.length === 0}
                placeholder={t('queue.allSpecialties')}
                options={specialtyOptions.map((specialty) => ({
                  value: specialty.code,
                  label: specialty.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name="submitted" label={t('queue.submittedRange')}>
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={[t('queue.startDate'), t('queue.endDate')]}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6} style={{ display: 'flex', alignItems: 'flex-end', marginBottom: 24 }}>
            <Space>
              <Button type="primary" htmlType="submit" autoInsertSpace={false}>
                {t('queue.search')}
              </Button>
              <Button
                autoInsertSpace={false}
                onClick={() =>
                  go({
                    notice: undefined,
                    name: undefined,
                    unit: undefined,
                    series: undefined,
                    specialty: undefined,
                    from: undefined,
                    to: undefined,
                  })
                }
              >
                {t('queue.reset')}
              </Button>
            </Space>
          </Col>
        </Row>
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
        scroll={{ x: true }}
        locale={{ emptyText: t('queue.empty') }}
        pagination={{
          current: params.page,
          pageSize: params.size,
          total: Math.min(total, OFFSET_MAX + params.size),
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (_, [from, to]) => t('queue.range', { from, to, total }),
          onChange: (page, size) =>
            navigate(queueHref(basePath, { ...params, page: size === params.size ? page : 1, size })),
        }}
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
          ...(unitFilter
            ? [
                {
                  key: 'unit',
                  title: t('queue.unit'),
                  render: (_: unknown, row: QueueRow) => row.unitName ?? '—',
                },
              ]
            : []),
          {
            key: 'series',
            title: t('queue.series'),
            render: (_, row) => [row.seriesName, row.specialtyName].filter(Boolean).join(' · ') || '—',
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
                aria-label={`${open ? (actionLabel ?? t('queue.audit')) : t('queue.view')} ${row.applicantName}`}
              >
                {open ? (actionLabel ?? t('queue.audit')) : t('queue.view')}
              </Link>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
