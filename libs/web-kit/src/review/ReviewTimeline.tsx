import { Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useWords, type NamedModule } from '../vocabulary';

export interface TimelineRow {
  id: string;
  at: string;
  step: string;
  stepText: string;
  level: string;
  levelText: string;
  organisationName?: string | null;
  actorName: string;
  opinion?: string | null;
  modules?: readonly string[] | null;
  moduleNames?: readonly string[] | null;
  returnTarget?: string | null;
  returnTargetText?: string | null;
}

export interface ProgressNode {
  level: string;
  levelText: string;
  organisationId: string;
  name: string;
  node: 'DONE' | 'CURRENT' | 'RETURNED' | 'TERMINATED' | 'WAITING';
}

const STEP_STATUS = {
  DONE: 'finish',
  CURRENT: 'process',
  RETURNED: 'error',
  TERMINATED: 'error',
  WAITING: 'wait',
} as const;

/** 进度跟踪 (the route's nodes) and 流程推送 (every step: level, organisation, reviewer, decision, opinion, time). */
export function ReviewTimeline({
  timeline,
  progress,
  moduleConfig,
}: {
  timeline: readonly TimelineRow[];
  progress?: readonly ProgressNode[];
  /** The notice's modules: their own names for flagged modules. */
  moduleConfig?: readonly NamedModule[] | null;
}) {
  const { t } = useTranslation('review');
  const words = useWords();
  const flagged = (row: TimelineRow) =>
    row.modules ? words.modules(row.modules, moduleConfig) : words.join(row.moduleNames ?? []);
  return (
    <section aria-label={t('timeline.title')}>
      {progress && progress.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('timeline.progress')}
          </Typography.Title>
          <Steps
            size="small"
            style={{ marginBottom: 16 }}
            items={progress.map((node) => ({
              title: words.status('ReviewLevel', node.level, node.levelText),
              description: `${node.name} · ${t(`timeline.nodes.${node.node}`)}`,
              status: STEP_STATUS[node.node],
            }))}
          />
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('timeline.title')}
      </Typography.Title>
      <Table<TimelineRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...timeline]}
        locale={{ emptyText: t('timeline.empty') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'level',
            title: t('timeline.level'),
            render: (_, row) => words.status('TimelineLevel', row.level, row.levelText),
          },
          { key: 'org', title: t('timeline.organisation'), render: (_, row) => row.organisationName ?? '—' },
          { key: 'actor', title: t('timeline.reviewer'), dataIndex: 'actorName' },
          {
            key: 'step',
            title: t('timeline.decision'),
            render: (_, row) => {
              const step = words.status('TimelineStep', row.step, row.stepText);
              if (!row.returnTarget && !row.returnTargetText) return step;
              const target = words.status('ReturnTarget', row.returnTarget, row.returnTargetText);
              return words.language === 'zh-CN' ? `${step}（${target}）` : `${step} (${target})`;
            },
          },
          {
            key: 'opinion',
            title: t('timeline.opinion'),
            render: (_, row) => (
              <>
                {row.opinion ?? '—'}
                {((row.modules?.length ?? 0) > 0 || (row.moduleNames?.length ?? 0) > 0) && (
                  <div>
                    <Typography.Text type="secondary">
                      {t('timeline.modules', { modules: flagged(row) })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'at',
            title: t('timeline.time'),
            render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm:ss'),
          },
        ]}
      />
    </section>
  );
}
