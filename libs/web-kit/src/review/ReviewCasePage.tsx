import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Result,
  Skeleton,
  Space,
} from 'antd';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorMessage, hasErrorCode } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { Link, navigate } from '../router';
import { MaskedId } from '../ui/MaskedId';
import { PageContainer } from '../ui/PageContainer';
import type { ModuleKey } from '../gql/graphql';
import {
  DeclarationTimelineChangedSubscription,
  ReviewCaseQuery,
  SaveModuleFlagsMutation,
} from './documents';
import { MODULES } from './labels';
import { ModulesView } from './ModulesView';
import { neighbours, readTrail } from './queueNav';
import { CommitteeResultForm, ReviewDecisionForm, TalentResultForm } from './ReviewDecisionForm';
import { ReviewTimeline } from './ReviewTimeline';
import { useWords } from '../vocabulary';
import './i18n';

export interface ReviewCasePageProps {
  declarationId: string;
  /** Where the list is, for the breadcrumb and after a decision, e.g. /unit/review. */
  listPath: string;
  /** The breadcrumb's first crumb (the app's home). */
  homeCrumb?: { title: string; to: string };
  /** The list's name in the breadcrumb (业务审核 by default; 评审结果 for a committee). */
  listTitle?: string;
}

/** Signed file links last 5 minutes: fetch fresh ones before they run out. */
const LINK_REFRESH_MS = 4 * 60_000;

const sessionStore = () => (typeof window === 'undefined' ? undefined : window.sessionStorage);

/**
 * The audit page: the declaration read-only (modules in the applicant's words, every proof file
 * with an inline preview beside its module, 有误 switches on each module) and, kept in view beside
 * it, the decision or 评审结果 form with 上一件/下一件 of the list the reviewer came from. On a
 * desktop the panel is a sticky side column; on a phone a bottom bar opens it as a drawer.
 */
export function ReviewCasePage({ declarationId, listPath, homeCrumb, listTitle }: ReviewCasePageProps) {
  const { t } = useTranslation('review');
  const words = useWords();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReviewCaseQuery,
    variables: { declarationId },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useSubscription(
    { query: DeclarationTimelineChangedSubscription, variables: { id: declarationId } },
    (_, event) => {
      reload();
      return event;
    },
  );
  // Fresh file links for previews opened later (an open preview keeps its own).
  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), LINK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);
  useEffect(() => setDrawerOpen(false), [declarationId]);
  const [flagState, saveFlags] = useMutation(SaveModuleFlagsMutation);
  const review = data?.reviewCase;
  const decide = review?.allowedActions.find((action) => action.type === 'DECIDE');
  const committee = review?.allowedActions.find((action) => action.type === 'RECORD_COMMITTEE_RESULT');
  const talent = review?.allowedActions.find((action) => action.type === 'RECORD_TALENT_RESULT');
  const taskSequence = decide?.taskSequence ?? review?.currentTask?.sequence;

  const trail = useMemo(() => readTrail(sessionStore(), listPath), [listPath]);
  const around = neighbours(trail, declarationId);
  const backTo = trail?.href ?? listPath;

  const flags = useMemo(() => {
    const map: Partial<Record<ModuleKey, boolean>> = {};
    for (const flag of review?.moduleFlags ?? []) map[flag.module] = flag.hasErrors;
    return map;
  }, [review?.moduleFlags]);

  const modules = review?.declaration.modules as Record<string, unknown> | undefined;
  const formConfig = review?.declaration.notice.formConfig;
  const publicitySlot = formConfig?.attachments.find((slot) => slot.module === 'UNIT_PUBLICITY');
  const hasPublicity = review?.declaration.attachments.some(
    (file) => file.slot.code === (publicitySlot?.code ?? 'UNIT_PUBLICITY'),
  );
  const shownModules = [
    ...MODULES.filter((module) => {
      const value = modules?.[module.field];
      return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
    }).map((module) => ({
      key: module.key,
      name: words.module(module.key, formConfig?.modules),
    })),
    ...(hasPublicity
      ? [
          {
            key: 'UNIT_PUBLICITY' as ModuleKey,
            name: publicitySlot ? words.slot(publicitySlot) : words.module('UNIT_PUBLICITY'),
          },
        ]
      : []),
  ];

  const breadcrumb = [
    ...(homeCrumb ? [homeCrumb] : []),
    { title: listTitle ?? t('matters.title'), to: backTo },
    { title: t('case.title') },
  ];

  if (error && !review) {
    return (
      <PageContainer title={t('case.title')} breadcrumb={breadcrumb}>
        <Result
          status="warning"
          title={t('case.loadFailed')}
          subTitle={errorMessage(error, translateOrUndefined)}
        />
      </PageContainer>
    );
  }
  if (!review) {
    return (
      <PageContainer title={t('case.title')} breadcrumb={breadcrumb}>
        <Skeleton active loading={fetching} />
      </PageContainer>
    );
  }

  const caseLink = (id: string) => `${listPath.replace(/\/queue$/, '')}/case/${encodeURIComponent(id)}`;
  const caseNav = (
    <nav aria-label={t('case.position', { position: around.position ?? '–', total: around.total })}>
      <Flex gap={8} wrap align="center">
        <Button
          disabled={!around.previous}
          aria-label={around.previous ? t('case.previousCaseOf', { name: around.previous.name }) : undefined}
          onClick={() => around.previous && navigate(caseLink(around.previous.id))}
        >
          {t('case.previousCase')}
        </Button>
        {around.position !== null && (
          <span>{t('case.position', { position: around.position, total: around.total })}</span>
        )}
        <Button
          disabled={!around.next}
          aria-label={around.next ? t('case.nextCaseOf', { name: around.next.name }) : undefined}
          onClick={() => around.next && navigate(caseLink(around.next.id))}
        >
          {t('case.nextCase')}
        </Button>
      </Flex>
    </nav>
  );

  let decision: ReactNode = null;
  if (decide && taskSequence !== undefined && taskSequence !== null) {
    decision = (
      <ReviewDecisionForm
        key={`${declarationId}:${taskSequence}`}
        declarationId={declarationId}
        taskSequence={taskSequence}
        decisions={decide.decisions}
        returnTargets={decide.returnTargets}
        modules={shownModules}
        flagged={Object.entries(flags)
          .filter(([, value]) => value)
          .map(([key]) => key as ModuleKey)}
        onDone={reload}
        onConflict={reload}
      />
    );
  } else if (committee) {
    decision = (
      <CommitteeResultForm
        key={declarationId}
        declarationId={declarationId}
        taskSequence={committee.taskSequence ?? review.currentTask?.sequence}
        results={committee.results}
        onDone={reload}
        onConflict={reload}
      />
    );
  } else if (talent) {
    decision = (
      <TalentResultForm
        key={`${declarationId}:${talent.taskSequence}`}
        declarationId={declarationId}
        taskSequence={talent.taskSequence ?? review.currentTask?.sequence}
        results={talent.results}
        levels={talent.talentLevels}
        appliedLevel={talent.appliedTalentLevel}
        onDone={reload}
        onConflict={reload}
      />
    );
  }
  const panelTitle = committee ? t('committee.title') : talent ? t('talent.title') : t('decide.title');
  const panel = (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {decision ? (
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{panelTitle}</h2>}>
          {decision}
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('case.notAllowed')} />
      )}
      <Card size="small">{caseNav}</Card>
    </Space>
  );

  const returned = review.currentTask?.returnedFrom;
  const material = (
    <Space direction="vertical" size="large" style={{ width: '100%', minWidth: 0 }}>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('case.basic')}</h2>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, xxl: 3 }}
          items={[
            { key: 'applicant', label: t('case.applicant'), children: review.applicantName },
            {
              key: 'id',
              label: t('queue.idNumber'),
              children: <MaskedId value={review.applicant.idNumberMasked} />,
            },
            { key: 'unit', label: t('case.unit'), children: review.unitName ?? '—' },
            ...(review.seriesName
              ? [{ key: 'series', label: t('case.seriesName'), children: review.seriesName }]
              : []),
            ...(review.specialtyName
              ? [{ key: 'specialty', label: t('case.specialtyName'), children: review.specialtyName }]
              : []),
            { key: 'title', label: t('case.titleName'), children: review.titleName },
            { key: 'level', label: t('case.levelName'), children: review.levelName },
            { key: 'notice', label: t('case.notice'), children: review.notice.title },
            {
              key: 'status',
              label: t('case.status'),
              children: words.status('DeclarationStatus', review.status, review.statusText),
            },
            {
              key: 'submitted',
              label: t('case.submittedAt'),
              children: dayjs(review.submittedAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              key: 'task',
              label: t('case.currentTask'),
              children: review.currentTask
                ? `${words.status('ReviewLevel', review.currentTask.level, review.currentTask.levelText)} · ${
                    review.currentTask.organisationName
                  } · ${words.status('ReviewTaskState', review.currentTask.state, review.currentTask.stateText)}`
                : '—',
            },
          ]}
        />
        {review.batch && (
          <p style={{ marginBottom: 0 }}>
            {t('case.batchAttachment')}：
            {/* Underlined: a link inside a sentence must not be told apart by colour alone. */}
            <a
              href={review.batch.attachment.url}
              target="_blank"
              rel="noreferrer"
              style={{ textDecoration: 'underline' }}
            >
              {review.batch.attachment.fileName}
            </a>
          </p>
        )}
      </Card>
      {returned && (
        <Alert
          type="warning"
          showIcon
          message={t('case.returnedFrom', {
            from: words.status('ReviewLevel', returned.fromLevel, returned.fromLevelText),
            org: returned.organisationName,
            modules: words.modules(returned.modules, formConfig?.modules),
            opinion: returned.opinion,
          })}
        />
      )}
      <section aria-label={t('case.modules')}>
        <h2 style={{ fontSize: 18 }}>{t('case.modules')}</h2>
        <ModulesView
          modules={modules ?? {}}
          attachments={review.declaration.attachments}
          slots={formConfig?.attachments ?? []}
          moduleConfig={formConfig?.modules}
          flags={decide ? flags : undefined}
          flagDisabled={flagState.fetching}
          onFlag={async (module, hasErrors) => {
            if (taskSequence === undefined || taskSequence === null) return;
            const answer = await saveFlags({
              declarationId,
              taskSequence,
              flags: [{ module, hasErrors }],
            });
            if (answer.error) {
              if (hasErrorCode(answer.error, 'CONFLICT')) {
                message.warning(t('decide.conflict'));
                reload();
              } else message.error(errorMessage(answer.error, translateOrUndefined));
              return;
            }
            const name = shownModules.find((entry) => entry.key === module)?.name ?? module;
            message.success(t('case.flagsSaved', { module: name }));
            reload();
          }}
        />
      </section>
      <Card size="small">
        <ReviewTimeline
          timeline={review.timeline}
          progress={review.progress}
          moduleConfig={formConfig?.modules}
        />
      </Card>
    </Space>
  );

  return (
    <PageContainer
      title={`${t('case.title')} · ${review.applicantName}`}
      breadcrumb={breadcrumb}
      extra={<Link to={backTo}>{t('case.back')}</Link>}
    >
      {wide ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(320px, 380px)', gap: 16 }}>
          {material}
          <aside aria-label={t('case.panel')} style={{ minWidth: 0 }}>
            <div
              className="zc-review-panel"
              style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}
            >
              {panel}
            </div>
          </aside>
        </div>
      ) : (
        <>
          {material}
          {/* Room for the bar, so it never hides the end of the material. */}
          <div style={{ height: 72 }} />
          <div
            role="region"
            aria-label={t('case.panel')}
            style={{
              position: 'fixed',
              left: 0,
              right: 0,
              bottom: 0,
              zIndex: 20,
              padding: '8px 12px',
              background: '#fff',
              boxShadow: '0 -2px 8px rgba(0,0,0,0.12)',
            }}
          >
            <Flex gap={8} justify="space-between" align="center" wrap>
              <Button
                type="primary"
                disabled={!decision}
                onClick={() => setDrawerOpen(true)}
                aria-haspopup="dialog"
              >
                {decision ? t('case.openPanel') : t('case.notAllowed')}
              </Button>
              <Flex gap={4}>
                <Button
                  disabled={!around.previous}
                  aria-label={
                    around.previous
                      ? t('case.previousCaseOf', { name: around.previous.name })
                      : t('case.previousCase')
                  }
                  onClick={() => around.previous && navigate(caseLink(around.previous.id))}
                >
                  {t('case.previousCase')}
                </Button>
                <Button
                  disabled={!around.next}
                  aria-label={
                    around.next ? t('case.nextCaseOf', { name: around.next.name }) : t('case.nextCase')
                  }
                  onClick={() => around.next && navigate(caseLink(around.next.id))}
                >
                  {t('case.nextCase')}
                </Button>
              </Flex>
            </Flex>
          </div>
          <Drawer
            open={drawerOpen}
            placement="bottom"
            size="85vh"
            title={panelTitle}
            onClose={() => setDrawerOpen(false)}
            forceRender
          >
            {decision}
          </Drawer>
        </>
      )}
    </PageContainer>
  );
}
