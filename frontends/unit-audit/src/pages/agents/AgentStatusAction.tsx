import { App, Button, Popconfirm } from 'antd';
import { errorMessage, translateOrUndefined, useMutation, useTranslation } from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { Agent } from './AgentsTable';

const SetAgentEnabledMutation = graphql(`
  mutation SetAgentEnabled($id: ID!, $enabled: Boolean!) {
    setAgentEnabled(id: $id, enabled: $enabled) {
      ...AgentRow
    }
  }
`);

/** 停用 / 启用 with a confirmation; disabling says what it means (no more sign-in). */
export function AgentStatusAction({ agent }: { agent: Agent }) {
  const { t } = useTranslation('unitAudit');
  const { message } = App.useApp();
  const [{ fetching }, setEnabled] = useMutation(SetAgentEnabledMutation);
  const enable = !agent.enabled;

  const confirm = async () => {
    const result = await setEnabled({ id: agent.id, enabled: enable });
    if (result.error) {
      message.error(errorMessage(result.error, translateOrUndefined));
      return;
    }
    message.success(t(enable ? 'agents.enabled' : 'agents.disabled', { name: agent.name }));
  };

  return (
    <Popconfirm
      title={t(enable ? 'agents.confirmEnable' : 'agents.confirmDisable', { name: agent.name })}
      description={enable ? undefined : t('agents.confirmDisableHint')}
      okText={t(enable ? 'agents.actions.enable' : 'agents.actions.disable')}
      okButtonProps={{ danger: !enable, loading: fetching }}
      onConfirm={confirm}
    >
      <Button
        type="link"
        size="small"
        danger={!enable}
        aria-label={`${t(enable ? 'agents.actions.enable' : 'agents.actions.disable')} ${agent.name}`}
      >
        {t(enable ? 'agents.actions.enable' : 'agents.actions.disable')}
      </Button>
    </Popconfirm>
  );
}
