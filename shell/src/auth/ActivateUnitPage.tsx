import { useRef, useState } from 'react';
import { Button, Form } from 'antd';
import {
  ErrorSummary,
  Link,
  useFormErrors,
  useMutation,
  useTranslation,
  type CaptchaHandle,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import { MobileField, SmsCodeFields, TextField } from './fields';
import { DoneResult, PublicPageTitle } from './PublicPageTitle';

const ActivateUnitMutation = graphql(`
  mutation ActivateUnit($input: ActivateUnitInput!) {
    activateUnit(input: $input) {
      id
      status
    }
  }
`);

interface ActivateUnitValues {
  creditCode: string;
  mobile: string;
  smsCode: string;
}

const FORM_NAME = 'activateUnit';

/** 法人账号激活: the credit code and the unit's registered mobile, confirmed by SMS. */
export function ActivateUnitPage() {
  const { t } = useTranslation('shell');
  const [form] = Form.useForm<ActivateUnitValues>();
  const errors = useFormErrors(form);
  const captchaRef = useRef<CaptchaHandle>(null);
  const [{ fetching }, activate] = useMutation(ActivateUnitMutation);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <DoneResult
        title={t('activate.done')}
        hint={t('activate.doneHint')}
        to="/sign-in?kind=LEGAL_PERSON"
        action={t('links.toSignIn')}
      />
    );
  }

  const onFinish = async (values: ActivateUnitValues) => {
    errors.clear();
    const result = await activate({
      input: {
        creditCode: values.creditCode.trim().toUpperCase(),
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
      },
    });
    if (result.error) errors.showError(result.error);
    else setDone(true);
  };

  return (
    <>
      <PublicPageTitle title={t('activate.title')} />
      <Form
        form={form}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <TextField name="creditCode" labelKey="fields.creditCode" autoComplete="off" />
        <MobileField labelKey="fields.unitMobile" />
        <SmsCodeFields
          form={form}
          formName={FORM_NAME}
          purpose="ACTIVATE_UNIT"
          captchaRef={captchaRef}
          onError={errors.showError}
        />
        <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
          {t('activate.submit')}
        </Button>
      </Form>
      <div className="zc-form-links" style={{ marginTop: 16 }}>
        <Link to="/sign-in?kind=LEGAL_PERSON">{t('links.signIn')}</Link>
      </div>
    </>
  );
}
