import { Alert, Empty, Flex, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation, useWords } from '@zhicheng/web-kit';
import { formatTime } from '../format';
import type { ReviewTrackFieldsFragment } from '../gql/graphql';
import { reviewResultOf, type ReviewResultKind } from './status';

type Track = ReviewTrackFieldsFragment;
type Entry = Track['timeline'][number];

const NODE_STATUS = {
  DONE: 'finish',
  CURRENT: 'process',
  RETURNED: 'error',
  TERMINATED: 'error',
  WAITING: 'wait',
} as const;

const STEP_COLOURS: Partial<Record<Entry['step'], string>> = {
  SUBMIT: 'blue',
  RESUBMIT: 'blue',
  PASS: 'green',
  FORWARD: 'cyan',
  COMMITTEE_PASS: 'green',
  RETURN: 'orange',
  TERMINATE: 'red',
  COMMITTEE_FAIL: 'red',
  COMMITTEE_DEFER: 'gold',
};

const RESULT_ALERT: Record<ReviewResultKind, 'info' | 'warning' | 'success' | 'error'> = {
  AWAITING: 'info',
  DEFER: 'warning',
  PASS: 'success',
  FAIL: 'error',
};

/** 评审结果: awaited after 材料审核通过, then 通过 (with the class, for 人才分类定级) / 不通过 / 暂缓. */
function ReviewResult({ result }: { result: NonNullable<ReturnType<typeof reviewResultOf>> }) {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const description =
    result.kind === 'AWAITING' ? (
      t('done.result.awaiting')
    ) : (
      <>
        {/* 评审通过（认定为C类）: the class a 人才分类定级 result awarded. */}
        {result.kind === 'PASS' && result.stepText && (
          <div>{words.status('TimelineStep', result.step, result.stepText)}</div>
        )}
        {result.opinion && <div>{result.opinion}</div>}
        {result.kind === 'DEFER' && <div>{t('done.result.deferredHint')}</div>}
        {result.at && (
          <Typography.Text type="secondary">
            {t('done.result.decidedBy', { org: result.organisationName ?? '-', at: formatTime(result.at) })}
          </Typography.Text>
        )}
      </>
    );
  return (
    <Alert
      role="status"
      type={RESULT_ALERT[result.kind]}
      showIcon
      message={
        <span>
          {t('done.result.title')}：<strong>{t(`done.result.${result.kind}`)}</strong>
        </span>
      }
      description={description}
    />
  );
}

/**
 * 进度跟踪 / 流程推送: the route's nodes (申报人 → 推荐单位 → … → 评委会) as review sees them, and
 * every step so far with level, organisation, reviewer, decision, opinion and time.
 */
export function ReviewTrack({
  track,
  submittedAt,
  compact = false,
}: {
  track: Track;
  submittedAt?: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const nodes = [
    {
      title: t('done.applicant'),
      status: submittedAt ? ('finish' as const) : ('process' as const),
      description: submittedAt
        ? `${t('done.submittedAt')} ${formatTime(submittedAt)}`
        : t('done.notSubmitted'),
    },
    ...track.reviewProgress.map((node) => ({
      title: `${words.status('ReviewLevel', node.level, node.levelText)}${words.language === 'zh-CN' ? '：' : ': '}${node.name}`,
      status: NODE_STATUS[node.node],
      description:
        node.node === 'CURRENT' && track.reviewPosition?.deferred
          ? t('done.deferred')
          : t(`done.nodes.${node.node}`),
    })),
  ];
  const current = Math.max(
    0,
    nodes.findIndex((node) => node.status === 'process' || node.status === 'error'),
  );
  const columns: TableColumnsType<Entry> = [
    { title: t('done.timelineColumns.at'), key: 'at', render: (_v, e) => formatTime(e.at) },
    {
      title: t('done.timelineColumns.level'),
      key: 'level',
      render: (_v, e) => words.status('TimelineLevel', e.level, e.levelText),
    },
    {
      title: t('done.timelineColumns.organisation'),
      key: 'organisation',
      render: (_v, e) => e.organisationName ?? '-',
    },
    { title: t('done.timelineColumns.actor'), key: 'actor', render: (_v, e) => e.actorName },
    {
      title: t('done.timelineColumns.decision'),
      key: 'decision',
      render: (_v, e) => (
        <Tag color={STEP_COLOURS[e.step]}>{words.status('TimelineStep', e.step, e.stepText)}</Tag>
      ),
    },
    {
      title: t('done.timelineColumns.opinion'),
      key: 'opinion',
      render: (_v, e) => (
        <span>
          {e.opinion ?? '-'}
          {(e.modules?.length ?? 0) > 0 && (
            <Typography.Text type="secondary">
              {' '}
              （{t('done.flaggedModules')}：{words.modules(e.modules)}）
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('done.timelineColumns.status'),
      key: 'status',
      render: (_v, e) => words.status('DeclarationStatus', e.statusAfter, e.statusText),
    },
  ];
  const result = reviewResultOf(track.status, track.timeline);
  return (
    <Flex vertical gap={16} className="zc-review-track">
      {result && <ReviewResult result={result} />}
      <Steps
        orientation={compact ? 'horizontal' : 'vertical'}
        size="small"
        current={current}
        items={nodes}
        aria-label={t('done.track')}
      />
      <section aria-label={t('done.timeline')}>
        <Typography.Title level={3} className="zc-section-title" style={{ fontSize: 15 }}>
          {t('done.timeline')}
        </Typography.Title>
        {track.timeline.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('done.noTimeline')} />
        ) : (
          <Table<Entry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={track.timeline}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </section>
    </Flex>
  );
}
