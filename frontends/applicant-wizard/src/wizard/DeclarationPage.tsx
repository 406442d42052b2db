import { useCallback, useEffect, useState } from 'react';
import { Space } from 'antd';
import { Link, PageContainer, Redirect, useQuery, useTranslation } from '@zhicheng/web-kit';
import { type StepIndex } from '../components/DeclarationSteps';
import { LoadState } from '../components/LoadState';
import { NoticeBar } from '../components/NoticeBar';
import { DeclarationQuery } from '../declaration/documents';
import { useLiveDeclaration } from '../declaration/live';
import { isEditable } from '../declaration/status';
import { paths } from '../routes';
import { AttachmentsStep } from './AttachmentsStep';
import { WizardProvider } from './context';
import { DoneStep } from './DoneStep';
import { FillStep } from './FillStep';
import { ReturnNotice } from './ReturnNotice';
import { WizardSteps } from './WizardSteps';

export type DeclarationStep = 'fill' | 'attachments' | 'done' | 'declaration';

/** Below the server's default link lifetime (300 s). */
const LINK_REFRESH_MS = 240_000;

const STEP_INDEX: Record<Exclude<DeclarationStep, 'declaration'>, StepIndex> = {
  fill: 1,
  attachments: 2,
  done: 3,
};

/** Steps 02–04 of one declaration (the URL names the step; a submitted one always shows 04). */
export function DeclarationPage({ declarationId, step }: { declarationId: string; step: DeclarationStep }) {
  const { t } = useTranslation('applicant');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DeclarationQuery,
    variables: { id: declarationId },
  });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // File and business-form links are signed for a few minutes: keep them fresh while the page is open.
  useEffect(() => {
    const timer = window.setInterval(refresh, LINK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  // Live (SPEC §4): a reviewer's decision, a new timeline step, or a submit from another tab shows
  // at once; the notices carry little, so the page refetches, and after a reconnect too.
  useLiveDeclaration(declarationId, refresh);
  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
    refetch({ requestPolicy: 'network-only' });
  }, [refetch]);
  const declaration = data?.declaration;
  const breadcrumb = [
    { title: t('nav.home'), to: paths.home },
    { title: t('items.title'), to: paths.items },
    { title: declaration?.notice.title ?? t('declaration.title') },
  ];

  if (!declaration) {
    return (
      <PageContainer title={t('declaration.title')} breadcrumb={breadcrumb}>
        <LoadState
          fetching={fetching}
          error={error}
          missing={!!data}
          missingText={t('declaration.missing')}
          retry={() => refetch({ requestPolicy: 'network-only' })}
          back={<Link to={paths.items}>{t('items.title')}</Link>}
        />
      </PageContainer>
    );
  }

  const editable = isEditable(declaration.status);
  if (step === 'declaration' || (!editable && step !== 'done')) {
    return <Redirect to={editable ? paths.fill(declaration.id) : paths.done(declaration.id)} />;
  }
  if (step === 'done' && declaration.status === 'DRAFT') return <Redirect to={paths.fill(declaration.id)} />;

  const index = STEP_INDEX[step];
  return (
    <PageContainer title={declaration.notice.title} breadcrumb={breadcrumb}>
      <WizardProvider declaration={declaration} refresh={refresh} reload={reload} generation={generation}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <WizardSteps current={index} editable={editable} />
          <NoticeBar notice={declaration.notice} unitName={declaration.unitName} />
          {declaration.status === 'RETURNED' && step !== 'done' && <ReturnNotice />}
          {step === 'fill' && <FillStep />}
          {step === 'attachments' && <AttachmentsStep />}
          {step === 'done' && <DoneStep />}
        </Space>
      </WizardProvider>
    </PageContainer>
  );
}
