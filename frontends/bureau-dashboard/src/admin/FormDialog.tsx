import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { ErrorSummary, useFormErrors, useTranslation, type FormErrorOptions } from '@zhicheng/web-kit';

/**
 * A dialog holding one form (机构与人员): 保存 runs `send`; a refusal is shown at its fields and
 * summarised at the top (every problem at once), success says `done` and closes the dialog.
 */
export function FormDialog<V extends object>({
  title,
  okText,
  form,
  name,
  initialValues,
  errorOptions,
  send,
  done,
  onClose,
  children,
}: {
  title: string;
  okText: string;
  form: FormInstance<V>;
  name: string;
  initialValues?: Partial<V>;
  errorOptions?: FormErrorOptions;
  send: (values: V) => Promise<{ error?: unknown }>;
  done: (values: V) => string;
  onClose: (saved: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('bureau');
  const { message } = App.useApp();
  const errors = useFormErrors(form, errorOptions);
  const [busy, setBusy] = useState(false);

  const submit = async (values: V) => {
    errors.clear();
    setBusy(true);
    const result = await send(values);
    setBusy(false);
    if (result.error) errors.showError(result.error);
    else {
      void message.success(done(values));
      onClose(true);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('decision.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={name} />
        {children}
      </Form>
    </Modal>
  );
}
