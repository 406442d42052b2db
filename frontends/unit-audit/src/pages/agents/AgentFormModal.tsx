import { App, Form, Input, Modal, Typography } from 'antd';
import { ErrorSummary, useFormErrors, useMutation, useTranslation } from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { Agent } from './AgentsTable';

const CreateAgentMutation = graphql(`
  mutation CreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      ...AgentRow
    }
  }
`);

const UpdateAgentMutation = graphql(`
  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {
    updateAgent(id: $id, input: $input) {
      ...AgentRow
    }
  }
`);

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const FORM_NAME = 'agentForm';

interface AgentValues {
  name: string;
  mobile: string;
  idNumber?: string;
  password?: string;
}

export interface AgentFormModalProps {
  /** The agent to edit, or null to create one. */
  agent: Agent | null;
  open: boolean;
  onClose: () => void;
}

/** 新增 / 编辑经办人. Editing sends only what changed; the ID number is replaced only when typed. */
export function AgentFormModal({ agent, open, onClose }: AgentFormModalProps) {
  const { t } = useTranslation('unitAudit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgentValues>();
  const errors = useFormErrors(form);
  const [created, createAgent] = useMutation(CreateAgentMutation);
  const [updated, updateAgent] = useMutation(UpdateAgentMutation);
  const editing = agent !== null;
  const required = (label: string) => [
    { required: true, whitespace: true, message: tc('form.required', { label }) },
  ];

  const onFinish = async (values: AgentValues) => {
    errors.clear();
    const name = values.name.trim();
    const mobile = values.mobile.trim();
    const idNumber = values.idNumber?.trim() ?? '';
    if (!agent) {
      const result = await createAgent({
        input: { name, mobile, idNumber, password: values.password ?? '' },
      });
      if (result.error) return void errors.showError(result.error);
      message.success(t('agents.created', { name }));
      return onClose();
    }
    const input = {
      ...(name !== agent.name ? { name } : {}),
      ...(mobile !== agent.mobile ? { mobile } : {}),
      ...(idNumber ? { idNumber } : {}),
    };
    if (Object.keys(input).length === 0) {
      message.info(t('agentForm.nothingChanged'));
      return onClose();
    }
    const result = await updateAgent({ id: agent.id, input });
    if (result.error) return void errors.showError(result.error);
    message.success(t('agents.updated', { name }));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={editing ? t('agentForm.editTitle') : t('agentForm.createTitle')}
      onCancel={onClose}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      // The OK button submits the form (also by Enter in any field) through the form attribute.
      okButtonProps={{ htmlType: 'submit', form: FORM_NAME, loading: created.fetching || updated.fetching }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        initialValues={agent ? { name: agent.name, mobile: agent.mobile } : undefined}
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
        preserve={false}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Form.Item name="name" label={t('agentForm.name')} rules={required(t('agentForm.name'))}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('agentForm.mobile')}
          rules={[
            ...required(t('agentForm.mobile')),
            { pattern: MOBILE_PATTERN, message: tc('form.mobileInvalid') },
          ]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('agentForm.idNumber')}
          rules={editing ? [] : required(t('agentForm.idNumber'))}
          extra={agent ? t('agentForm.idNumberKeep', { masked: agent.idNumberMasked }) : undefined}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              name="password"
              label={t('agentForm.password')}
              rules={required(t('agentForm.password'))}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Typography.Paragraph type="secondary" className="zc-form-note">
              {t('agentForm.passwordNote')}
            </Typography.Paragraph>
          </>
        )}
      </Form>
    </Modal>
  );
}
