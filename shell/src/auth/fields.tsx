// Form fields the sign-in, registration, activation and recovery pages share.
import type { RefObject } from 'react';
import { Form, Input, Space, type FormInstance } from 'antd';
import {
  CaptchaInput,
  SmsCodeButton,
  useTranslation,
  type CaptchaHandle,
  type SmsPurpose,
} from '@zhicheng/web-kit';

/** Mainland mobile numbers; the server checks again and is authoritative. */
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** "请输入<label>" rules and the label itself, for a field label key of the "shell" namespace. */
export function useRequired() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation();
  return (labelKey: string) => {
    const label = t(labelKey);
    return { label, rules: [{ required: true, whitespace: true, message: tc('form.required', { label }) }] };
  };
}

export function TextField({
  name,
  labelKey,
  autoComplete,
}: {
  name: string;
  labelKey: string;
  autoComplete?: string;
}) {
  const required = useRequired()(labelKey);
  return (
    <Form.Item name={name} label={required.label} rules={required.rules}>
      <Input autoComplete={autoComplete} />
    </Form.Item>
  );
}

export function MobileField({
  name = 'mobile',
  labelKey = 'fields.mobile',
}: {
  name?: string;
  labelKey?: string;
}) {
  const required = useRequired()(labelKey);
  const { t: tc } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={required.label}
      rules={[...required.rules, { pattern: MOBILE_PATTERN, message: tc('form.mobileInvalid') }]}
    >
      <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
    </Form.Item>
  );
}

/** A new password and its confirmation. */
export function NewPasswordFields({
  name = 'password',
  labelKey = 'fields.password',
}: {
  name?: string;
  labelKey?: string;
}) {
  const requireField = useRequired();
  const password = requireField(labelKey);
  const confirm = requireField('fields.confirmPassword');
  const { t: tc } = useTranslation();
  return (
    <>
      <Form.Item name={name} label={password.label} rules={password.rules} hasFeedback>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={confirm.label}
        dependencies={[name]}
        hasFeedback
        rules={[
          ...confirm.rules,
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error(tc('form.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** 图形验证码 as a form field (value: { id, answer }). */
export function CaptchaField({
  captchaRef,
  required = true,
}: {
  captchaRef: RefObject<CaptchaHandle | null>;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="captcha"
      label={t('captcha.label')}
      required={required}
      rules={
        required
          ? [
              {
                validator: (_rule, value?: { answer?: string }) =>
                  value?.answer?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('captcha.required'))),
              },
            ]
          : []
      }
    >
      <CaptchaInput ref={captchaRef} />
    </Form.Item>
  );
}

export interface SmsCodeFieldsProps {
  form: FormInstance;
  formName: string;
  purpose: SmsPurpose;
  captchaRef: RefObject<CaptchaHandle | null>;
  onError: (error: unknown) => void;
}

/**
 * 图形验证码 then 短信验证码 with 获取验证码: the captcha guards the SMS, so it is filled first and is
 * not needed again when the form is submitted.
 */
export function SmsCodeFields({ form, formName, purpose, captchaRef, onError }: SmsCodeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <CaptchaField captchaRef={captchaRef} required={false} />
      <Form.Item label={t('sms.label')} htmlFor={`${formName}_smsCode`} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="smsCode"
            noStyle
            rules={[{ required: true, whitespace: true, message: t('sms.required') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              placeholder={t('sms.placeholder')}
            />
          </Form.Item>
          <SmsCodeButton form={form} purpose={purpose} captchaRef={captchaRef} onError={onError} />
        </Space.Compact>
      </Form.Item>
    </>
  );
}
