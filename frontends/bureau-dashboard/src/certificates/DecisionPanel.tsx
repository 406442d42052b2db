import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Space } from 'antd';
import { errorMessage, fieldProblemsOf, translateOrUndefined, useTranslation } from '@zhicheng/web-kit';

/** 审核意见 with 通过 / 不通过, each confirmed; an opinion is required to refuse (the server says so too). */
export function DecisionPanel({
  decide,
  busy,
}: {
  decide: (approve: boolean, opinion: string) => Promise<{ error?: unknown }>;
  busy: boolean;
}) {
  const { t } = useTranslation('bureau');
  const [form] = Form.useForm<{ opinion?: string }>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (approve: boolean) => {
    setFailure(null);
    const opinion = (form.getFieldValue('opinion') ?? '').trim();
    if (!approve && !opinion) {
      form.setFields([{ name: 'opinion', errors: [t('decision.opinionRequired')] }]);
      return;
    }
    const { error } = await decide(approve, opinion);
    if (error) {
      const opinionProblems = fieldProblemsOf(error).filter((p) => p.field === 'opinion');
      if (opinionProblems.length)
        form.setFields([{ name: 'opinion', errors: opinionProblems.map((p) => p.message) }]);
      setFailure(errorMessage(error, translateOrUndefined));
    }
  };

  return (
    <Card title={t('decision.title')} size="small">
      <Form form={form} layout="vertical" name="certificate-audit-decision">
        <Form.Item name="opinion" label={t('decision.opinion')} extra={t('decision.opinionHint')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        <Space wrap>
          <Popconfirm
            title={t('decision.confirmApprove')}
            okText={t('decision.confirm')}
            cancelText={t('decision.cancel')}
            onConfirm={() => submit(true)}
          >
            <Button type="primary" loading={busy} autoInsertSpace={false}>
              {t('decision.approve')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('decision.confirmRefuse')}
            okText={t('decision.confirm')}
            cancelText={t('decision.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => submit(false)}
          >
            <Button danger loading={busy} autoInsertSpace={false}>
              {t('decision.refuse')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
