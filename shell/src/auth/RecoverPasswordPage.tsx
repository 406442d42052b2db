import { useRef, useState } from 'react';
import { Button, Form, Tabs } from 'antd';
import {
  ErrorSummary,
  Link,
  navigate,
  useFormErrors,
  useLocation,
  useMutation,
  useTranslation,
  type CaptchaHandle,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import { MobileField, NewPasswordFields, SmsCodeFields, TextField } from './fields';
import { DoneResult, PublicPageTitle } from './PublicPageTitle';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

type RecoverKind = 'PERSON' | 'LEGAL_PERSON';

interface RecoverValues {
  creditCode?: string;
  mobile: string;
  smsCode: string;
  newPassword: string;
}

function RecoverForm({ kind, onDone }: { kind: RecoverKind; onDone: () => void }) {
  const { t } = useTranslation('shell');
  const [form] = Form.useForm<RecoverValues>();
  const errors = useFormErrors(form);
  const captchaRef = useRef<CaptchaHandle>(null);
  const [{ fetching }, resetPassword] = useMutation(ResetPasswordMutation);
  const formName = `recover-${kind}`;

  const onFinish = async (values: RecoverValues) => {
    errors.clear();
    const result = await resetPassword({
      input: {
        kind,
        creditCode: kind === 'LEGAL_PERSON' ? values.creditCode?.trim().toUpperCase() : undefined,
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
        newPassword: values.newPassword,
      },
    });
    if (result.error) errors.showError(result.error);
    else onDone();
  };

  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      onFinish={(values) => void onFinish(values)}
      onFinishFailed={errors.showValidation}
    >
      <ErrorSummary problems={errors.problems} formName={formName} />
      {kind === 'LEGAL_PERSON' && (
        <TextField name="creditCode" labelKey="fields.creditCode" autoComplete="off" />
      )}
      <MobileField labelKey={kind === 'LEGAL_PERSON' ? 'fields.unitMobile' : 'fields.mobile'} />
      <SmsCodeFields
        form={form}
        formName={formName}
        purpose="RECOVER_PASSWORD"
        captchaRef={captchaRef}
        onError={errors.showError}
      />
      <NewPasswordFields name="newPassword" labelKey="fields.newPassword" />
      <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
        {t('recover.submit')}
      </Button>
    </Form>
  );
}

/** 忘记密码 for persons and legal persons: a code to the registered mobile, then a new password. */
export function RecoverPasswordPage() {
  const { t } = useTranslation('shell');
  const { searchParams } = useLocation();
  const kind: RecoverKind = searchParams.get('kind') === 'LEGAL_PERSON' ? 'LEGAL_PERSON' : 'PERSON';
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <DoneResult
        title={t('recover.done')}
        hint={t('recover.doneHint')}
        to={`/sign-in?kind=${kind}`}
        action={t('links.toSignIn')}
      />
    );
  }
  return (
    <>
      <PublicPageTitle title={t('recover.title')} />
      <Tabs
        activeKey={kind}
        onChange={(next) => navigate(`/recover?kind=${next}`, { replace: true })}
        centered
        destroyOnHidden
        items={(['PERSON', 'LEGAL_PERSON'] as const).map((k) => ({
          key: k,
          label: t(`recover.tabs.${k}`),
          children: <RecoverForm kind={k} onDone={() => setDone(true)} />,
        }))}
      />
      <div className="zc-form-links" style={{ marginTop: 16 }}>
        <Link to={`/sign-in?kind=${kind}`}>{t('links.signIn')}</Link>
      </div>
    </>
  );
}
