import { useMemo, useState } from 'react';
import { Alert, Button, Result, Segmented } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useHasRole,
  useLocation,
  navigate,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import type { BindingStatus } from '../gql/graphql';
import { BindingRequestsTable, type BindingRequest } from './bindings/BindingRequestsTable';
import { DecideBindingModal } from './bindings/DecideBindingModal';

const UnitBindingRequestsQuery = graphql(`
  query UnitBindingRequests($status: BindingStatus) {
    unitBindingRequests(status: $status) {
      ...BindingRequestRow
    }
  }
`);

const FILTERS = ['PENDING', 'APPROVED', 'REFUSED', 'ENDED', 'ALL'] as const;
type Filter = (typeof FILTERS)[number];

function filterFrom(value: string | null): Filter {
  return FILTERS.find((f) => f === value) ?? 'PENDING';
}

/** 绑定审核: the unit's binding requests, pending first; 通过 / 不通过 with an opinion; history by status. */
export function BindingRequestsPage() {
  const { t } = useTranslation('unitAudit');
  const { t: tc } = useTranslation();
  const allowed = useHasRole('UNIT_AGENT', 'LEGAL_PERSON');
  const { searchParams } = useLocation();
  const filter = filterFrom(searchParams.get('status'));
  const status: BindingStatus | null = filter === 'ALL' ? null : filter;
  const context = useMemo(() => ({ additionalTypenames: ['Binding'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: UnitBindingRequestsQuery,
    variables: { status },
    context,
    pause: !allowed,
  });
  const [decision, setDecision] = useState<{ request: BindingRequest; approve: boolean } | null>(null);
  const [open, setOpen] = useState(false);

  const breadcrumb = [{ title: t('home'), to: '/' }, { title: t('bindings.title') }];
  if (!allowed) {
    return (
      <PageContainer title={t('bindings.title')} breadcrumb={breadcrumb}>
        <Result status="403" subTitle={t('bindings.forbidden')} />
      </PageContainer>
    );
  }

  const setFilter = (next: Filter) =>
    navigate(next === 'PENDING' ? '/unit/bindings' : `/unit/bindings?status=${next}`, { replace: true });

  return (
    <PageContainer
      title={t('bindings.title')}
      breadcrumb={breadcrumb}
      extra={
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => refetch({ requestPolicy: 'network-only' })}
        >
          {t('bindings.refresh')}
        </Button>
      }
    >
      <p className="zc-form-note zc-muted">{t('bindings.intro')}</p>
      {/* The five filters are wider than a phone: they scroll on their own, the page does not. */}
      <div className="zc-scroll-x" style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('bindings.filter')}
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((value) => ({ value, label: t(`bindings.filters.${value}`) }))}
        />
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('bindings.loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
          action={
            <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              {tc('actions.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <BindingRequestsTable
        requests={data?.unitBindingRequests ?? []}
        loading={fetching}
        onDecide={(request, approve) => {
          setDecision({ request, approve });
          setOpen(true);
        }}
      />
      <DecideBindingModal
        open={open}
        request={decision?.request ?? null}
        approve={decision?.approve ?? true}
        onClose={() => setOpen(false)}
      />
    </PageContainer>
  );
}
