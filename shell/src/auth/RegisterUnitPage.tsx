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
import { MobileField, NewPasswordFields, SmsCodeFields, TextField } from './fields';
import { DoneResult, PublicPageTitle } from './PublicPageTitle';

const RegisterUnitMutation = graphql(`
  mutation RegisterUnit($input: RegisterUnitInput!) {
    registerUnit(input: $input) {
      id
      name
      status
    }
  }
`);

interface RegisterUnitValues {
  creditCode: string;
  name: string;
  legalPersonName: string;
  legalPersonIdNumber: string;
  mobile: string;
  smsCode: string;
  password: string;
}

const FORM_NAME = 'registerUnit';

/** 法人用户注册: the unit and its legal representative; the account is activated afterwards. */
export function RegisterUnitPage() {
  const { t } = useTranslation('shell');
  const [form] = Form.useForm<RegisterUnitValues>();
  const errors = useFormErrors(form);
  const captchaRef = useRef<CaptchaHandle>(null);
  const [{ fetching }, register] = useMutation(RegisterUnitMutation);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <DoneResult
        title={t('registerUnit.done')}
        hint={t('registerUnit.doneHint')}
        to="/activate"
        action={t('links.toActivate')}
      />
    );
  }

  const onFinish = async (values: RegisterUnitValues) => {
    errors.clear();
    const result = await register({
      input: {
        creditCode: values.creditCode.trim().toUpperCase(),
        name: values.name.trim(),
        legalPersonName: values.legalPersonName.trim(),
        legalPersonIdNumber: values.legalPersonIdNumber.trim(),
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
        password: values.password,
      },
    });
    if (result.error) errors.showError(result.error);
    else setDone(true);
  };

  return (
    <>
      <PublicPageTitle title={t('registerUnit.title')} />
      <Form
        form={form}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
        scrollToFirstError
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <TextField name="creditCode" labelKey="fields.creditCode" autoComplete="off" />
        <TextField name="name" labelKey="fields.unitName" autoComplete="organization" />
        <TextField name="legalPersonName" labelKey="fields.legalPersonName" autoComplete="off" />
        <TextField name="legalPersonIdNumber" labelKey="fields.legalPersonIdNumber" autoComplete="off" />
        <MobileField />
        <SmsCodeFields
          form={form}
          formName={FORM_NAME}
          purpose="REGISTER_UNIT"
          captchaRef={captchaRef}
          onError={errors.showError}
        />
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
          {t('registerUnit.submit')}
        </Button>
      </Form>
      <div className="zc-form-links" style={{ marginTop: 16 }}>
        <Link to="/sign-in?kind=LEGAL_PERSON">{t('links.signIn')}</Link>
      </div>
    </>
  );
}
