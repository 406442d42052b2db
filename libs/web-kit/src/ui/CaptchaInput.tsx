import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type AriaAttributes,
  type Ref,
} from 'react';
import { Input, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { CreateCaptchaMutation } from './documents';

/** The form value of a captcha field: which captcha, and what the person typed. */
export interface CaptchaValue {
  id: string;
  answer: string;
}

export interface CaptchaHandle {
  /** Fetches a new image (after a failed attempt a captcha is used up). */
  refresh(): void;
}

export interface CaptchaInputProps extends AriaAttributes {
  id?: string;
  value?: CaptchaValue;
  onChange?: (value: CaptchaValue) => void;
  ref?: Ref<CaptchaHandle>;
}

type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; svg: string };

/**
 * 图形验证码: an input plus the SVG from the createCaptcha mutation; clicking the image loads a
 * new one. The SVG is shown through <img>, which never runs scripts inside it.
 */
export function CaptchaInput({ id, value, onChange, ref, ...aria }: CaptchaInputProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const latest = useRef(0);
  const captchaId = useRef('');
  const props = useRef({ value, onChange });
  props.current = { value, onChange };

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    setLoaded({ status: 'loading' });
    const result = await client.mutation(CreateCaptchaMutation, {}).toPromise();
    if (request !== latest.current) return; // a newer request superseded this one
    const captcha = result.data?.createCaptcha;
    captchaId.current = captcha?.id ?? '';
    setLoaded(captcha ? { status: 'ready', svg: captcha.svg } : { status: 'failed' });
    // The old answer belongs to the old image. Only report a change when there is one to clear,
    // so merely loading an image never triggers the field's validation.
    const { value: current, onChange: report } = props.current;
    if (current?.answer) report?.({ id: captchaId.current, answer: '' });
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useImperativeHandle(ref, () => ({ refresh: () => void refresh() }), [refresh]);

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        {...aria}
        id={id}
        value={value?.answer ?? ''}
        onChange={(event) => onChange?.({ id: captchaId.current, answer: event.target.value })}
        placeholder={t('captcha.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={8}
      />
      <button
        type="button"
        onClick={() => void refresh()}
        title={t('captcha.refresh')}
        aria-label={loaded.status === 'failed' ? t('captcha.failed') : t('captcha.refresh')}
        style={{
          flex: '0 0 112px',
          height: 32,
          padding: 0,
          border: '1px solid #d9d9d9',
          borderInlineStart: 0,
          borderRadius: '0 6px 6px 0',
          background: '#fafafa',
          cursor: 'pointer',
          fontSize: 12,
          overflow: 'hidden',
        }}
      >
        {loaded.status === 'ready' && (
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(loaded.svg)}`}
            alt={t('captcha.image')}
            style={{ display: 'block', width: '100%', height: '100%', objectFit: 'contain' }}
          />
        )}
        {loaded.status === 'loading' && <Spin size="small" aria-label={t('captcha.loading')} />}
        {loaded.status === 'failed' && t('captcha.failed')}
      </button>
    </Space.Compact>
  );
}
