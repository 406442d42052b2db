import { useEffect, useState, type RefObject } from 'react';
import { App, Button, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { SmsPurpose } from '../gql/graphql';
import type { CaptchaHandle, CaptchaValue } from './CaptchaInput';
import { SendSmsCodeMutation } from './documents';

export type { SmsPurpose };

export interface SmsCodeButtonProps {
  purpose: SmsPurpose;
  form: FormInstance;
  /** The form fields holding the mobile number and the captcha (a CaptchaInput). */
  mobileField?: string;
  captchaField?: string;
  /** A captcha is single-use: it is refreshed after every send. */
  captchaRef?: RefObject<CaptchaHandle | null>;
  /** Shows a failure (pass useFormErrors().showError). */
  onError: (error: unknown) => void;
  /** Seconds before another code may be requested when the server does not say. */
  cooldownSeconds?: number;
}

/** 获取验证码: needs the mobile number and the captcha first, then counts down before a resend. */
export function SmsCodeButton({
  purpose,
  form,
  mobileField = 'mobile',
  captchaField = 'captcha',
  captchaRef,
  onError,
  cooldownSeconds = 60,
}: SmsCodeButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1_000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    const captcha = form.getFieldValue(captchaField) as CaptchaValue | undefined;
    if (!captcha?.answer.trim()) {
      form.setFields([{ name: captchaField, errors: [t('captcha.required')] }]);
    }
    try {
      await form.validateFields([mobileField]);
    } catch {
      message.warning(t('sms.needCaptcha'));
      return;
    }
    if (!captcha?.answer.trim()) {
      message.warning(t('sms.needCaptcha'));
      return;
    }
    form.setFields([{ name: captchaField, errors: [] }]); // clears "请输入图形验证码" from a first try
    setSending(true);
    const mobile = String(form.getFieldValue(mobileField)).trim();
    const result = await client
      .mutation(SendSmsCodeMutation, {
        input: { mobile, purpose, captchaId: captcha.id, captchaAnswer: captcha.answer.trim() },
      })
      .toPromise();
    setSending(false);
    captchaRef?.current?.refresh();
    const sent = result.data?.sendSmsCode;
    if (!sent) {
      onError(result.error);
      return;
    }
    message.success(t('sms.sent', { mobile: sent.mobileMasked }));
    setSecondsLeft(sent.resendAfterSeconds > 0 ? sent.resendAfterSeconds : cooldownSeconds);
  };

  return (
    <Button
      onClick={() => void send()}
      loading={sending}
      disabled={secondsLeft > 0}
      style={{ minWidth: 128 }}
    >
      {secondsLeft > 0 ? t('sms.resendIn', { seconds: secondsLeft }) : t('sms.send')}
    </Button>
  );
}
