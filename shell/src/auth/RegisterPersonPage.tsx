import { useRef, useState } from 'react';
import { Button, Form, Select } from 'antd';
import {
  ErrorSummary,
  Link,
  useFormErrors,
  useMutation,
  useTranslation,
  type CaptchaHandle,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import type { IdType } from '../gql/graphql';
import { MobileField, NewPasswordFields, SmsCodeFields, TextField, useRequired } from './fields';
import { DoneResult, PublicPageTitle } from './PublicPageTitle';

const RegisterPersonMutation = graphql(`
  mutation RegisterPerson($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      id
      name
    }
  }
`);

interface RegisterPersonValues {
  name: string;
  idType: IdType;
  idNumber: string;
  mobile: string;
  smsCode: string;
  password: string;
}

const ID_TYPES: IdType[] = ['RESIDENT_ID', 'PASSPORT'];
const FORM_NAME = 'registerPerson';

/** 个人用户注册: 姓名, 证件, 手机号 with an SMS code, 密码. */
export function RegisterPersonPage() {
  const { t } = useTranslation('shell');
  const required = useRequired();
  const [form] = Form.useForm<RegisterPersonValues>();
  const errors = useFormErrors(form);
  const captchaRef = useRef<CaptchaHandle>(null);
  const [{ fetching }, register] = useMutation(RegisterPersonMutation);
  const [done, setDone] = useState(false);
  const idType = required('fields.idType');

  if (done) {
    return (
      <DoneResult
        title={t('registerPerson.done')}
        hint={t('registerPerson.doneHint')}
        to="/sign-in?kind=PERSON"
        action={t('links.toSignIn')}
      />
    );
  }

  const onFinish = async (values: RegisterPersonValues) => {
    errors.clear();
    const result = await register({
      input: {
        name: values.name.trim(),
        idType: values.idType,
        idNumber: values.idNumber.trim(),
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
      <PublicPageTitle title={t('registerPerson.title')} />
      <Form
        form={form}
        name={FORM_NAME}
        layout="vertical"
        initialValues={{ idType: 'RESIDENT_ID' }}
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
        scrollToFirstError
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <TextField name="name" labelKey="fields.name" autoComplete="name" />
        <Form.Item name="idType" label={idType.label} rules={idType.rules}>
          <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
        </Form.Item>
        <TextField name="idNumber" labelKey="fields.idNumber" autoComplete="off" />
        <MobileField />
        <SmsCodeFields
          form={form}
          formName={FORM_NAME}
          purpose="REGISTER_PERSON"
          captchaRef={captchaRef}
          onError={errors.showError}
        />
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
          {t('registerPerson.submit')}
        </Button>
      </Form>
      <div className="zc-form-links" style={{ marginTop: 16 }}>
        <Link to="/sign-in?kind=PERSON">{t('links.signIn')}</Link>
      </div>
    </>
  );
}
