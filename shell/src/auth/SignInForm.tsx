import { useRef, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import {
  auth,
  errorCodeOf,
  ErrorSummary,
  useFormErrors,
  useTranslation,
  type AccountKind,
  type CaptchaHandle,
  type CaptchaValue,
} from '@zhicheng/web-kit';
import { CaptchaField, NewPasswordFields, useRequired } from './fields';

interface SignInValues {
  creditCode?: string;
  account: string;
  password: string;
  /** Asked for once the server answers PASSWORD_CHANGE_REQUIRED (a new or reset staff account). */
  newPassword?: string;
  captcha: CaptchaValue;
}

/**
 * One sign-in tab. PERSON: ID number or mobile; AGENT: the unit's credit code plus the agent's
 * mobile or ID number; LEGAL_PERSON: the credit code; STAFF: a username. All need the captcha.
 * On success the shell leaves the sign-in page by itself (it watches the session).
 */
export function SignInForm({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation('shell');
  const required = useRequired();
  const [form] = Form.useForm<SignInValues>();
  // The API says "account"; for a legal person that field is the credit code.
  const errors = useFormErrors(form, kind === 'LEGAL_PERSON' ? { aliases: { creditCode: 'account' } } : {});
  const captchaRef = useRef<CaptchaHandle>(null);
  const [submitting, setSubmitting] = useState(false);
  const [mustChange, setMustChange] = useState(false);
  const formName = `signIn-${kind}`;
  const account = required(`signIn.account.${kind}`);
  const creditCode = required('fields.creditCode');
  const password = required('fields.password');

  const onFinish = async (values: SignInValues) => {
    errors.clear();
    setSubmitting(true);
    try {
      await auth.signIn({
        kind,
        account: values.account.trim(),
        creditCode: kind === 'AGENT' ? values.creditCode?.trim() : undefined,
        password: values.password,
        captchaId: values.captcha.id,
        captchaAnswer: values.captcha.answer.trim(),
        newPassword: mustChange ? values.newPassword : undefined,
      });
    } catch (error) {
      if (errorCodeOf(error) === 'PASSWORD_CHANGE_REQUIRED') {
        // The password was right: keep it and ask for the new one.
        errors.clear();
        setMustChange(true);
      } else {
        errors.showError(error);
        if (!mustChange) form.setFieldValue('password', '');
      }
      captchaRef.current?.refresh(); // a captcha is used up by every attempt
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void onFinish(values)}
      onFinishFailed={errors.showValidation}
    >
      <ErrorSummary problems={errors.problems} formName={formName} />
      {kind === 'AGENT' && (
        <Form.Item name="creditCode" label={creditCode.label} rules={creditCode.rules}>
          <Input autoComplete="organization" maxLength={18} />
        </Form.Item>
      )}
      <Form.Item name="account" label={account.label} rules={account.rules}>
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label={password.label} rules={password.rules}>
        <Input.Password autoComplete="current-password" readOnly={mustChange} />
      </Form.Item>
      {mustChange && (
        <>
          <Alert
            type="info"
            showIcon
            role="status"
            title={t('signIn.changePassword')}
            style={{ marginBottom: 16 }}
          />
          <NewPasswordFields name="newPassword" labelKey="fields.newPassword" />
        </>
      )}
      <CaptchaField captchaRef={captchaRef} />
      <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
        {mustChange ? t('signIn.changeAndSubmit') : t('signIn.submit')}
      </Button>
    </Form>
  );
}
