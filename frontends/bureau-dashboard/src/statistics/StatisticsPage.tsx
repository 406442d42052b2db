// 统计分析: the bureau's figures for declarations first submitted in a period, by notice and area,
// as charts (ECharts) each with a table of the same figures, exported as CSV or XLSX.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
} from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { toShanghaiWall } from '../notices/shanghai';
import { chartLabel, chartOf } from './charts';
import { DeclarationStatisticsQuery, StatisticsNoticesQuery } from './documents';
import { downloadCsv, downloadXlsx } from './download';
import { EChart } from './EChart';
import { sectionsOf, type Section } from './sections';

const DAY = 'YYYY-MM-DD';
type View = 'chart' | 'table';

function SectionCard({ section }: { section: Section }) {
  const { t } = useTranslation('bureau');
  const option = useMemo(() => chartOf(section), [section]);
  const [view, setView] = useState<View>('chart');
  const shown = option && view === 'chart' ? 'chart' : 'table';
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{section.title}</h2>}
      size="small"
      extra={
        option && (
          <Segmented<View>
            size="small"
            value={view}
            onChange={setView}
            aria-label={t('statistics.viewOf', { title: section.title })}
            options={[
              { value: 'chart', label: t('statistics.chart') },
              { value: 'table', label: t('statistics.table') },
            ]}
          />
        )
      }
    >
      {section.rows.length === 0 ? (
        <Empty description={t('statistics.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : shown === 'chart' ? (
        <EChart option={option!} label={chartLabel(section, t('statistics.more'))} />
      ) : (
        <Table
          size="small"
          rowKey={(_, index) => String(index)}
          scroll={{ x: true }}
          pagination={
            section.rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false
          }
          dataSource={section.rows.map((cells) => ({ cells }))}
          columns={section.columns.map((title, i) => ({
            key: String(i),
            title,
            align: i === 0 ? ('left' as const) : ('right' as const),
            render: (_: unknown, row: { cells: Section['rows'][number] }) => row.cells[i] ?? '—',
          }))}
        />
      )}
    </Card>
  );
}

const shanghaiToday = () => toShanghaiWall(new Date());

export function StatisticsPage() {
  const { t } = useTranslation('bureau');
  const { message } = App.useApp();
  const [noticeId, setNoticeId] = useState<string | null>(null);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  // Days are China days (the API counts by Asia/Shanghai dates): "today" is Shanghai's today, or a
  // browser elsewhere (UTC before 08:00 next day) would leave out what was submitted since midnight.
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [
    shanghaiToday().subtract(29, 'day'),
    shanghaiToday(),
  ]);
  const filter = { noticeId, regionCode, from: period[0].format(DAY), to: period[1].format(DAY) };
  const [result, refetch] = useQuery({
    query: DeclarationStatisticsQuery,
    variables: { filter },
    requestPolicy: 'cache-and-network',
  });
  const [notices] = useQuery({ query: StatisticsNoticesQuery });
  const channelNames = useMemo(
    () => new Map((notices.data?.notices ?? []).map((n) => [n.channel.code, n.channel.name])),
    [notices.data],
  );
  const figures = result.data?.declarationStatistics;
  const sections = useMemo(
    () => (figures ? sectionsOf(figures, t, channelNames) : []),
    [figures, t, channelNames],
  );
  const fileName = `${t('statistics.title')}_${filter.from}_${filter.to}`;
  const exportXlsx = () =>
    downloadXlsx(sections, fileName).catch(() => void message.error(t('statistics.exportFailed')));

  return (
    <PageContainer
      title={t('statistics.title')}
      breadcrumb={[{ title: t('home'), to: '/' }]}
      extra={
        <>
          <Button
            icon={<ReloadOutlined />}
            loading={result.fetching}
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          >
            {t('statistics.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            disabled={!figures}
            onClick={() => downloadCsv(sections, fileName)}
          >
            {t('statistics.exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!figures} onClick={exportXlsx}>
            {t('statistics.exportXlsx')}
          </Button>
        </>
      }
    >
      <Form layout="vertical" style={{ marginBottom: 8 }}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('statistics.filters.notice')} htmlFor="statistics-notice">
              <Select
                id="statistics-notice"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('statistics.filters.allNotices')}
                value={noticeId}
                onChange={(value) => setNoticeId(value ?? null)}
                loading={notices.fetching}
                options={(notices.data?.notices ?? []).map((n) => ({ value: n.id, label: n.title }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('statistics.filters.region')} htmlFor="statistics-region">
              <Select
                id="statistics-region"
                value={regionCode ?? figures?.regionOptions[0]?.code ?? null}
                onChange={(value) => setRegionCode(value === figures?.regionOptions[0]?.code ? null : value)}
                options={(figures?.regionOptions ?? []).map((r, i) => ({
                  value: r.code,
                  label: i === 0 ? t('statistics.filters.wholeArea', { name: r.name }) : r.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('statistics.filters.period')} htmlFor="statistics-period">
              <DatePicker.RangePicker
                id={{ start: 'statistics-period' }}
                allowClear={false}
                value={period}
                disabledDate={(day) => day.isAfter(shanghaiToday(), 'day')}
                onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {result.error && (
        <Alert
          type="error"
          showIcon
          message={t('statistics.loadFailed')}
          description={errorMessage(result.error, translateOrUndefined)}
          style={{ marginBottom: 16 }}
        />
      )}
      {figures && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['total', figures.total],
                ['passRate', `${(figures.passRate * 100).toFixed(1)}%`],
                ['returnRate', `${(figures.returnRate * 100).toFixed(1)}%`],
                ['terminateRate', `${(figures.terminateRate * 100).toFixed(1)}%`],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} md={6} key={key}>
                <Card size="small">
                  <Statistic title={t(`statistics.summary.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            {sections
              .filter((s) => s.id !== 'summary')
              .map((section) => (
                <Col xs={24} xl={section.id === 'perDay' || section.id === 'unit' ? 24 : 12} key={section.id}>
                  <SectionCard section={section} />
                </Col>
              ))}
          </Row>
        </>
      )}
    </PageContainer>
  );
}
