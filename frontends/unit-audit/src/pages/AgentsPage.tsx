import { useMemo, useState } from 'react';
import { Alert, Button, Result } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useHasRole,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import { AgentFormModal } from './agents/AgentFormModal';
import { AgentsTable, type Agent } from './agents/AgentsTable';
import { ResetPasswordModal } from './agents/ResetPasswordModal';

const MyAgentsQuery = graphql(`
  query MyAgents {
    myAgents {
      ...AgentRow
    }
  }
`);

type Dialog =
  { kind: 'create' } | { kind: 'edit'; agent: Agent } | { kind: 'resetPassword'; agent: Agent } | null;

/** 经办人管理: the legal person's list of unit agents and what can be done with them. */
export function AgentsPage() {
  const { t } = useTranslation('unitAudit');
  const { t: tc } = useTranslation();
  const isLegalPerson = useHasRole('LEGAL_PERSON');
  // An empty list carries no __typename, so tell the cache which mutations make it stale.
  const context = useMemo(() => ({ additionalTypenames: ['Agent'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyAgentsQuery,
    context,
    pause: !isLegalPerson,
  });
  // The last dialog stays in state while it closes, so its title does not change mid-animation.
  const [dialog, setDialog] = useState<Dialog>(null);
  const [open, setOpen] = useState(false);
  const show = (next: Dialog) => {
    setDialog(next);
    setOpen(true);
  };
  const close = () => setOpen(false);

  const breadcrumb = [{ title: t('home'), to: '/' }, { title: t('agents.title') }];
  if (!isLegalPerson) {
    return (
      <PageContainer title={t('agents.title')} breadcrumb={breadcrumb}>
        <Result status="403" subTitle={t('forbidden')} />
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={t('agents.title')}
      breadcrumb={breadcrumb}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => show({ kind: 'create' })}>
          {t('agents.create')}
        </Button>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('agents.loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
          action={
            <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              {tc('actions.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <AgentsTable
        agents={data?.myAgents ?? []}
        loading={fetching}
        onEdit={(agent) => show({ kind: 'edit', agent })}
        onResetPassword={(agent) => show({ kind: 'resetPassword', agent })}
      />
      <AgentFormModal
        open={open && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
        agent={dialog?.kind === 'edit' ? dialog.agent : null}
        onClose={close}
      />
      <ResetPasswordModal
        open={open && dialog?.kind === 'resetPassword'}
        agent={dialog?.kind === 'resetPassword' ? dialog.agent : null}
        onClose={close}
      />
    </PageContainer>
  );
}
