import { useMemo } from 'react';
import { Alert, App as AntApp, Card, Descriptions, Result, Skeleton, Space } from 'antd';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorMessage, hasErrorCode } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { Link } from '../router';
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
import { CommitteeResultForm, ReviewDecisionForm } from './ReviewDecisionForm';
import { ReviewTimeline } from './ReviewTimeline';
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

/** The audit page: the declaration read-only with 有误 switches, the decision or 评审结果 form, 流程推送. */
export function ReviewCasePage({ declarationId, listPath, homeCrumb, listTitle }: ReviewCasePageProps) {
  const { t, i18n } = useTranslation('review');
  const { message } = AntApp.useApp();
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
  const [flagState, saveFlags] = useMutation(SaveModuleFlagsMutation);
  const review = data?.reviewCase;
  const decide = review?.allowedActions.find((action) => action.type === 'DECIDE');
  const committee = review?.allowedActions.find((action) => action.type === 'RECORD_COMMITTEE_RESULT');
  const taskSequence = decide?.taskSequence ?? review?.currentTask?.sequence;

  const flags = useMemo(() => {
    const map: Partial<Record<ModuleKey, boolean>> = {};
    for (const flag of review?.moduleFlags ?? []) map[flag.module] = flag.hasErrors;
    return map;
  }, [review?.moduleFlags]);

  const english = i18n.language === 'en';
  const modules = review?.declaration.modules as Record<string, unknown> | undefined;
  const shownModules = MODULES.filter((module) => {
    const value = modules?.[module.field];
    return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  }).map((module) => ({ key: module.key, name: english ? module.en : module.zh }));

  const breadcrumb = [
    ...(homeCrumb ? [homeCrumb] : []),
    { title: listTitle ?? t('matters.title'), to: listPath },
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
  const returned = review.currentTask?.returnedFrom;
  return (
    <PageContainer
      title={`${t('case.title')} · ${review.applicantName}`}
      breadcrumb={breadcrumb}
      extra={<Link to={listPath}>{t('case.back')}</Link>}
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('case.basic')}</h2>}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'applicant', label: t('case.applicant'), children: review.applicantName },
              {
                key: 'id',
                label: t('queue.idNumber'),
                children: <MaskedId value={review.applicant.idNumberMasked} />,
              },
              { key: 'unit', label: t('case.unit'), children: review.unitName ?? '—' },
              { key: 'title', label: t('case.titleName'), children: review.titleName },
              { key: 'level', label: t('case.levelName'), children: review.levelName },
              { key: 'notice', label: t('case.notice'), children: review.notice.title },
              { key: 'status', label: t('case.status'), children: review.statusText },
              {
                key: 'submitted',
                label: t('case.submittedAt'),
                children: dayjs(review.submittedAt).format('YYYY-MM-DD HH:mm'),
              },
              {
                key: 'task',
                label: t('case.currentTask'),
                children: review.currentTask
                  ? `${review.currentTask.levelText} · ${review.currentTask.organisationName} · ${review.currentTask.stateText}`
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
              from: returned.fromLevelText,
              org: returned.organisationName,
              modules: returned.moduleNames.join('、'),
              opinion: returned.opinion,
            })}
          />
        )}
        {!decide && !committee && <Alert type="info" showIcon message={t('case.notAllowed')} />}
        <section aria-label={t('case.modules')}>
          <h2 style={{ fontSize: 18 }}>{t('case.modules')}</h2>
          <ModulesView
            modules={modules ?? {}}
            attachments={review.declaration.attachments}
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
        {decide && taskSequence !== undefined && taskSequence !== null && (
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('decide.title')}</h2>}>
            <ReviewDecisionForm
              key={`${taskSequence}`}
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
          </Card>
        )}
        {committee && (
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('committee.title')}</h2>}>
            <CommitteeResultForm
              declarationId={declarationId}
              taskSequence={committee.taskSequence ?? review.currentTask?.sequence}
              results={committee.results}
              onDone={reload}
              onConflict={reload}
            />
          </Card>
        )}
        <Card size="small">
          <ReviewTimeline timeline={review.timeline} progress={review.progress} />
        </Card>
      </Space>
    </PageContainer>
  );
}
