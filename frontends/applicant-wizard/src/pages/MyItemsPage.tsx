import { useCallback, useMemo, useState } from 'react';
import { Alert, Tabs } from 'antd';
import {
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { DeclarationsTable } from '../declaration/DeclarationsTable';
import { MyDeclarationsQuery } from '../declaration/documents';
import { LiveRows } from '../declaration/LiveTrack';
import type { DeclarationStatus } from '../gql/graphql';
import { paths } from '../routes';

const TABS: { key: string; statuses: DeclarationStatus[] }[] = [
  { key: 'drafts', statuses: ['DRAFT', 'RETURNED'] },
  { key: 'inProgress', statuses: ['SUBMITTED', 'MATERIALS_APPROVED'] },
  { key: 'finished', statuses: ['FINALLY_APPROVED', 'TERMINATED', 'CANCELLED'] },
];

/** 我的办件: drafts to resume (暂存的办件), submitted ones to follow, finished ones. */
export function MyItemsPage() {
  const { t } = useTranslation('applicant');
  const context = useMemo(() => ({ additionalTypenames: ['Declaration'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyDeclarationsQuery, context });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [tab, setTab] = useState('drafts');
  const rows = data?.myDeclarations ?? [];
  return (
    <PageContainer
      title={t('items.title')}
      breadcrumb={[{ title: t('nav.home'), to: paths.home }, { title: t('items.title') }]}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('history.loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
        />
      )}
      <LiveRows rows={rows} onChange={refresh} />
      <Tabs
        className="zc-wrap-tabs"
        activeKey={tab}
        onChange={setTab}
        items={TABS.map(({ key, statuses }) => {
          const list = rows.filter((row) => statuses.includes(row.status));
          return {
            key,
            label: `${t(`items.tabs.${key}`)} (${list.length})`,
            children: (
              <DeclarationsTable
                rows={list}
                loading={fetching}
                caption={t(`items.tabs.${key}`)}
                emptyText={t(`items.empty.${key}`)}
              />
            ),
          };
        })}
      />
    </PageContainer>
  );
}
