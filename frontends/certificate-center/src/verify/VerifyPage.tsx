import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Spin, Tabs, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorCodeOf,
  errorMessage,
  graphQLErrorsOf,
  isNetworkError,
  PageContainer,
  translateOrUndefined,
  useClient,
  useFormErrors,
  useTranslation,
} from '@zhicheng/web-kit';
import { CameraScanner } from './CameraScanner';
import { checkCredential } from './check';
import { VerifyCertificateQuery } from './documents';
import { readCertificateFile } from './files';
import { credentialFromText } from './offline';
import { VerificationResult, type Shown } from './VerificationResult';
import { keepVerifyPageOffline } from './serviceWorker';

/** The credential in the page's fragment (a QR code opens /verify#<credential>), or null. */
function credentialInHash(): string | null {
  const hash = window.location.hash;
  return hash.length > 1 ? (credentialFromText(hash) ?? hash.slice(1)) : null;
}

function retryAfterOf(error: unknown): number | null {
  const seconds = graphQLErrorsOf(error)[0]?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}

/** 按编号查询: 证书编号 + 持证人姓名 (the API only: the register is not on this device). */
function NumberForm({ onShown }: { onShown: (shown: Shown) => void }) {
  const { t } = useTranslation('certificates');
  const client = useClient();
  const [form] = Form.useForm<{ number: string; holderName: string }>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { number: string; holderName: string }) => {
    clear();
    setBusy(true);
    onShown({ kind: 'checking' });
    try {
      const answer = await client
        .query(
          VerifyCertificateQuery,
          { number: values.number.trim(), holderName: values.holderName.trim() },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (answer.data)
        return onShown({ kind: 'online', by: 'number', result: answer.data.verifyCertificate });
      const error = answer.error;
      if (isNetworkError(error) || !navigator.onLine)
        return onShown({ kind: 'problem', message: t('verify.result.networkFailed') });
      if (errorCodeOf(error) === 'RATE_LIMITED') {
        const seconds = retryAfterOf(error);
        return onShown({
          kind: 'problem',
          message: seconds ? t('verify.rateLimited', { seconds }) : errorMessage(error, translateOrUndefined),
        });
      }
      onShown({ kind: 'none' });
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark
      onFinish={(values) => void submit(values)}
      onFinishFailed={showValidation}
      className="zc-verify-form"
    >
      <ErrorSummary problems={problems} />
      <Form.Item
        name="number"
        label={t('verify.number')}
        extra={t('verify.numberHint')}
        rules={[{ required: true, whitespace: true, message: t('verify.numberRequired') }]}
      >
        <Input autoComplete="off" maxLength={32} spellCheck={false} inputMode="text" />
      </Form.Item>
      <Form.Item
        name="holderName"
        label={t('verify.holderName')}
        rules={[{ required: true, whitespace: true, message: t('verify.nameRequired') }]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('verify.submit')}
      </Button>
    </Form>
  );
}

/** 上传证书文件: a certificate PDF, a credential file or a photo of the QR code. */
function FileDrop({
  onCredential,
  onShown,
}: {
  onCredential: (jws: string) => void;
  onShown: (shown: Shown) => void;
}) {
  const { t } = useTranslation('certificates');
  const [reading, setReading] = useState(false);
  const read = async (file: File) => {
    setReading(true);
    onShown({ kind: 'checking' });
    try {
      const found = await readCertificateFile(file);
      if ('credential' in found) onCredential(found.credential);
      else onShown({ kind: 'problem', message: t(`verify.problems.${found.problem}`) });
    } finally {
      setReading(false);
    }
  };
  return (
    <Upload.Dragger
      accept=".pdf,.jwt,.txt,application/pdf,image/*"
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        void read(file);
        return Upload.LIST_IGNORE;
      }}
      aria-label={t('verify.fileLabel')}
      disabled={reading}
    >
      <p className="ant-upload-drag-icon">{reading ? <Spin /> : <InboxOutlined aria-hidden />}</p>
      <p className="ant-upload-text">{reading ? t('verify.reading') : t('verify.drop')}</p>
      <p className="ant-upload-hint">{t('verify.dropHint')}</p>
    </Upload.Dragger>
  );
}

/**
 * 证书查询验证 (/verify): public, no sign-in. By number + name through the API; by a credential
 * (the QR link's fragment, the camera, a photo, the PDF or the credential file) through the API
 * when online and in the browser when not. After one visit the page and the keys are kept on the
 * device (service worker), and the page says so.
 */
export function VerifyPage() {
  const { t } = useTranslation('certificates');
  // Each answer is numbered (data-answer): the same words twice are still two answers.
  const [{ shown, answer }, setAnswer] = useState<{ shown: Shown; answer: number }>({
    shown: { kind: 'none' },
    answer: 0,
  });
  const setShown = useCallback(
    (next: Shown) => setAnswer((previous) => ({ shown: next, answer: previous.answer + 1 })),
    [],
  );
  const [tab, setTab] = useState('number');
  const [offlineReady, setOfflineReady] = useState(false);
  const lastCredential = useRef<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const verify = useCallback(
    async (jws: string) => {
      lastCredential.current = jws;
      setShown({ kind: 'checking' });
      try {
        const checked = await checkCredential(jws);
        // A later verification started meanwhile: its answer is the one to show.
        if (lastCredential.current !== jws) return;
        setShown(
          checked.mode === 'online'
            ? { kind: 'online', by: 'credential', result: checked.result }
            : checked.mode === 'offline'
              ? { kind: 'offline', result: checked.result }
              : { kind: 'problem', message: t('verify.result.offlineKeysMissing') },
        );
      } catch (error) {
        setShown({ kind: 'problem', message: errorMessage(error, translateOrUndefined) });
      }
    },
    [t, setShown],
  );

  // A QR code's link: verify at once, and again when another link is opened in this tab.
  useEffect(() => {
    const fromHash = () => {
      const credential = credentialInHash();
      if (credential) void verify(credential);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [verify]);

  useEffect(() => {
    let live = true;
    void keepVerifyPageOffline(() => import('./pdf')).then((kept) => {
      if (live) setOfflineReady(kept);
    });
    return () => {
      live = false;
    };
  }, []);

  // Move to the answer once it is there (on a phone it is below the fold).
  useEffect(() => {
    if (shown.kind !== 'none' && shown.kind !== 'checking') {
      resultRef.current?.focus({ preventScroll: true });
      resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    }
  }, [shown]);

  const again =
    lastCredential.current && shown.kind === 'offline'
      ? () => void verify(lastCredential.current!)
      : undefined;

  return (
    <PageContainer title={t('verify.title')}>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'number', label: t('verify.tabs.number'), children: <NumberForm onShown={setShown} /> },
          {
            key: 'scan',
            label: t('verify.tabs.scan'),
            children: (
              <CameraScanner
                onText={(text) => {
                  const credential = credentialFromText(text);
                  if (credential) void verify(credential);
                  else setShown({ kind: 'problem', message: t('verify.problems.notCertificateQr') });
                }}
              />
            ),
          },
          {
            key: 'file',
            label: t('verify.tabs.file'),
            children: <FileDrop onCredential={(jws) => void verify(jws)} onShown={setShown} />,
          },
        ]}
      />
      <div ref={resultRef} tabIndex={-1} className="zc-verify-result" aria-live="polite" data-answer={answer}>
        {shown.kind === 'checking' && (
          <Flex justify="center" gap={8} style={{ padding: 24 }}>
            <Spin /> <span>{t('verify.checking')}</span>
          </Flex>
        )}
        {shown.kind === 'problem' && <Alert type="error" showIcon title={shown.message} />}
        {(shown.kind === 'online' || shown.kind === 'offline') && (
          <VerificationResult shown={shown} onAgain={again} />
        )}
      </div>
      {offlineReady && (
        <Typography.Paragraph type="secondary" className="zc-offline-ready">
          <CloudDownloadOutlined aria-hidden /> {t('verify.offlineReady')}
        </Typography.Paragraph>
      )}
    </PageContainer>
  );
}
