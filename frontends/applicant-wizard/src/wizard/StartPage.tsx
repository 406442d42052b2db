import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Collapse, Flex, Radio, Space, Typography } from 'antd';
import {
  errorMessage,
  Link,
  navigate,
  NoticeNotes,
  PageContainer,
  translateOrUndefined,
  useMutation,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { BindingPanel } from '../binding/BindingPanel';
import { useCurrentBinding } from '../binding/useCurrentBinding';
import { DeclarationSteps } from '../components/DeclarationSteps';
import { LoadState } from '../components/LoadState';
import { NoticeBar } from '../components/NoticeBar';
import { DeclarationsTable } from '../declaration/DeclarationsTable';
import { MyDeclarationsQuery, NoticeQuery, StartDeclarationMutation } from '../declaration/documents';
import type { DeclarationCategory } from '../gql/graphql';
import { paths } from '../routes';
import { CommitteeLookup } from './CommitteeLookup';

/**
 * 01 条件自检 for one notice: read its notes, see the history, check the bound unit, choose 正常 or
 * 破格 (where the channel allows) and, for 江苏-style notices, the committee; then 确认并开始申报.
 */
export function StartPage({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation('applicant');
  const [{ data, fetching, error }, refetch] = useQuery({ query: NoticeQuery, variables: { id: noticeId } });
  const historyContext = useMemo(() => ({ additionalTypenames: ['Declaration'] }), []);
  const [history] = useQuery({ query: MyDeclarationsQuery, context: historyContext });
  const { current, bound } = useCurrentBinding();
  const [category, setCategory] = useState<DeclarationCategory>('NORMAL');
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [started, start] = useMutation(StartDeclarationMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);
  const notice = data?.notice;

  const breadcrumb = [
    { title: t('nav.home'), to: paths.home },
    { title: t('notices.title'), to: paths.notices() },
    { title: t('steps.check') },
  ];
  if (!notice) {
    return (
      <PageContainer title={t('steps.check')} breadcrumb={breadcrumb}>
        <LoadState
          fetching={fetching}
          error={error}
          missing={!!data}
          missingText={t('notice.missing')}
          retry={() => refetch({ requestPolicy: 'network-only' })}
          back={<Link to={paths.notices()}>{t('notices.title')}</Link>}
        />
      </PageContainer>
    );
  }

  const openDraft = (history.data?.myDeclarations ?? []).find(
    (row) => row.notice.id === notice.id && (row.status === 'DRAFT' || row.status === 'RETURNED'),
  );
  const needsCommittee = notice.channel.requiresCommittee;
  const blockers = [
    !notice.isOpen && t('start.closed'),
    !bound && t('start.notBound'),
    needsCommittee && !committeeId && t('start.chooseCommittee'),
  ].filter((text): text is string => typeof text === 'string');

  const onStart = async () => {
    if (busy.current || blockers.length > 0) return;
    busy.current = true;
    setFailure(null);
    const result = await start(
      { noticeId: notice.id, category, committeeId: needsCommittee ? committeeId : null },
      historyContext,
    );
    busy.current = false;
    if (result.error || !result.data) {
      setFailure(errorMessage(result.error, translateOrUndefined));
      return;
    }
    navigate(paths.fill(result.data.startDeclaration.id));
  };

  return (
    <PageContainer title={`${t('steps.check')}：${notice.title}`} breadcrumb={breadcrumb}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <DeclarationSteps current={0} />
        <NoticeBar notice={notice} unitName={bound ? current?.unit.name : null} />
        <Collapse
          defaultActiveKey={['notes']}
          items={[
            {
              key: 'notes',
              label: <h2 className="zc-section-title">{t('notice.notes')}</h2>,
              children: <NoticeNotes html={notice.notes} empty={t('notice.noNotes')} />,
            },
            {
              key: 'history',
              label: <h2 className="zc-section-title">{t('history.title')}</h2>,
              children: (
                <DeclarationsTable
                  rows={history.data?.myDeclarations ?? []}
                  loading={history.fetching}
                  caption={t('history.title')}
                />
              ),
            },
          ]}
        />
        <Card size="small" title={<h2 className="zc-section-title">{t('person.title')}</h2>}>
          <BindingPanel />
        </Card>
        {openDraft && (
          <Alert
            type="info"
            showIcon
            title={t('start.hasDraft')}
            action={<Link to={paths.fill(openDraft.id)}>{t('history.actions.continue')}</Link>}
          />
        )}
        <Card size="small" title={<h2 className="zc-section-title">{t('start.categoryTitle')}</h2>}>
          <Radio.Group
            value={category}
            onChange={(event) => setCategory(event.target.value as DeclarationCategory)}
            aria-label={t('start.category')}
            options={[
              { value: 'NORMAL', label: t('start.normal') },
              ...(notice.channel.allowsExceptional
                ? [{ value: 'EXCEPTIONAL', label: t('start.exceptional') }]
                : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {notice.channel.allowsExceptional ? t('start.exceptionalHint') : t('start.normalOnly')}
          </Typography.Paragraph>
        </Card>
        {needsCommittee && (
          <Card size="small" title={<h2 className="zc-section-title">{t('committee.title')}</h2>}>
            <CommitteeLookup noticeId={notice.id} value={committeeId} onChange={setCommitteeId} />
          </Card>
        )}
        {failure && <Alert type="error" showIcon title={failure} />}
        <Flex vertical align="center" gap={8}>
          <Flex gap={12}>
            <Button onClick={() => navigate(paths.notice(notice.id))}>{t('back')}</Button>
            <Button
              type="primary"
              size="large"
              loading={started.fetching}
              disabled={blockers.length > 0}
              onClick={() => void onStart()}
              aria-describedby={blockers.length ? 'zc-start-blockers' : undefined}
            >
              {t('start.confirm')}
            </Button>
          </Flex>
          {blockers.length > 0 && (
            <Typography.Text type="secondary" id="zc-start-blockers">
              {blockers.join('；')}
            </Typography.Text>
          )}
        </Flex>
      </Space>
    </PageContainer>
  );
}
