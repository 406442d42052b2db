import { App, Form, Input, Modal } from 'antd';
import { ErrorSummary, useFormErrors, useMutation, useTranslation } from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { Agent } from './AgentsTable';

const ResetAgentPasswordMutation = graphql(`
  mutation ResetAgentPassword($id: ID!, $newPassword: String!) {
    resetAgentPassword(id: $id, newPassword: $newPassword) {
      ...AgentRow
    }
  }
`);

const FORM_NAME = 'resetAgentPassword';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

/** 重置密码: the legal person sets a new password for one agent. */
export interface ResetPasswordModalProps {
  agent: Agent | null;
  open: boolean;
  onClose: () => void;
}

export function ResetPasswordModal({ agent, open, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation('unitAudit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, resetPassword] = useMutation(ResetAgentPasswordMutation);
  const required = (label: string) => [{ required: true, message: tc('form.required', { label }) }];

  const onFinish = async (values: ResetValues) => {
    if (!agent) return;
    errors.clear();
    const result = await resetPassword({ id: agent.id, newPassword: values.newPassword });
    if (result.error) return void errors.showError(result.error);
    message.success(t('agents.passwordReset', { name: agent.name }));
    onClose();
  };

  return (
    <Modal
      open={open && agent !== null}
      title={t('resetPassword.title', { name: agent?.name ?? '' })}
      onCancel={onClose}
      okText={tc('actions.confirm')}
      cancelText={tc('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_NAME, loading: fetching }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
        preserve={false}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Form.Item
          name="newPassword"
          label={t('resetPassword.newPassword')}
          rules={required(t('resetPassword.newPassword'))}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('resetPassword.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            ...required(t('resetPassword.confirmPassword')),
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(tc('form.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
