import { Alert, Button, Result, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';
import type { VerificationFieldsFragment } from '../gql/graphql';
import { CertificateFields } from '../components/CertificateFields';
import { formatDay } from '../format';
import type { OfflineVerification } from './offline';

/** What the verify page shows under its tabs. */
export type Shown =
  | { kind: 'none' }
  | { kind: 'checking' }
  | { kind: 'problem'; message: string }
  | { kind: 'online'; by: 'number' | 'credential'; result: VerificationFieldsFragment }
  | { kind: 'offline'; result: OfflineVerification };

type Check = { label: string; state: 'ok' | 'failed' | 'unknown'; note?: string };

function Checks({ title, checks }: { title: string; checks: Check[] }) {
  const icon = {
    ok: <CheckCircleFilled className="zc-check-ok" aria-hidden />,
    failed: <CloseCircleFilled className="zc-check-failed" aria-hidden />,
    unknown: <QuestionCircleFilled className="zc-check-unknown" aria-hidden />,
  };
  return (
    <section aria-label={title}>
      <Typography.Text strong>{title}</Typography.Text>
      <ul className="zc-checks">
        {checks.map((check) => (
          <li key={check.label} data-state={check.state}>
            {icon[check.state]} <span>{check.label}</span>
            {check.note && <span className="zc-check-note">（{check.note}）</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The answer: the outcome in plain words, which checks were made, the certificate's fields. */
export function VerificationResult({
  shown,
  onAgain,
}: {
  shown: Extract<Shown, { kind: 'online' | 'offline' }>;
  onAgain?: () => void;
}) {
  const { t } = useTranslation('certificates');
  const heading = (text: string) => <h2 className="zc-result-title">{text}</h2>;

  if (shown.kind === 'offline') {
    const { outcome, certificate, keyId } = shown.result;
    const valid = outcome === 'VALID';
    return (
      <div className="zc-verification" data-outcome={outcome} data-mode="offline">
        <Alert
          type="warning"
          showIcon
          title={t('verify.result.checkedOffline')}
          style={{ marginBottom: 8 }}
        />
        <Result
          status={valid ? 'success' : 'error'}
          title={heading(valid ? t('verify.result.offlineValid') : t('verify.result.invalid'))}
          subTitle={valid ? t('verify.outcomes.OFFLINE_VALID') : t(`verify.outcomes.${outcome}`)}
          extra={
            onAgain && (
              <Button onClick={onAgain} key="again">
                {t('verify.result.again')}
              </Button>
            )
          }
        />
        <Checks
          title={t('verify.result.checks')}
          checks={[
            {
              label: t('verify.result.signature'),
              state: valid
                ? 'ok'
                : outcome === 'BAD_SIGNATURE' || outcome === 'MALFORMED'
                  ? 'failed'
                  : 'unknown',
            },
            {
              label: t('verify.result.platformKey'),
              state: valid
                ? 'ok'
                : outcome === 'UNKNOWN_KEY' || outcome === 'UNSUPPORTED_ALGORITHM'
                  ? 'failed'
                  : 'unknown',
            },
            { label: t('verify.result.revocation'), state: 'unknown', note: t('verify.result.needsNetwork') },
            { label: t('verify.result.registered'), state: 'unknown', note: t('verify.result.needsNetwork') },
          ]}
        />
        {valid && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('verify.result.offlineNote')}
          </Typography.Paragraph>
        )}
        {certificate && <CertificateFields certificate={certificate} />}
        {keyId && (
          <Typography.Paragraph type="secondary" className="zc-key-id">
            {t('verify.result.keyId')}：<code>{keyId}</code>
          </Typography.Paragraph>
        )}
      </div>
    );
  }

  const { outcome, certificate, keyId } = shown.result;
  const revoked = outcome === 'REVOKED';
  // A paper certificate the bureau registered (历史职称数据登记) is genuine too, but has no e-certificate.
  const paper = outcome === 'REGISTERED_PAPER';
  const good = outcome === 'VALID' || paper;
  const title =
    outcome === 'VALID'
      ? t('verify.result.valid')
      : paper
        ? t('verify.result.registeredPaper')
        : revoked
          ? t('verify.result.revoked')
          : outcome === 'NOT_FOUND'
            ? t('verify.result.notFound')
            : t('verify.result.invalid');
  const revokedText =
    revoked && certificate
      ? [
          t('mine.revoked', {
            date: formatDay(certificate.revokedAt),
            reason: certificate.revocationReason ?? t('mine.noReason'),
          }),
          certificate.replacedByNumber
            ? t('verify.result.replacedBy', { number: certificate.replacedByNumber })
            : '',
        ].join('')
      : null;
  const subTitle = revokedText ?? t(`verify.outcomes.${outcome}`);
  const registered = good || revoked;
  return (
    <div className="zc-verification" data-outcome={outcome} data-mode="online">
      <Result status={good ? 'success' : 'error'} title={heading(title)} subTitle={subTitle} />
      {shown.by === 'credential' && (
        <Checks
          title={`${t('verify.result.checks')}（${t('verify.result.checkedOnline')}）`}
          checks={[
            {
              label: t('verify.result.signature'),
              state: registered || outcome === 'NOT_ISSUED_HERE' ? 'ok' : 'failed',
            },
            {
              label: t('verify.result.platformKey'),
              state:
                outcome === 'UNKNOWN_KEY' || outcome === 'UNSUPPORTED_ALGORITHM'
                  ? 'failed'
                  : outcome === 'MALFORMED'
                    ? 'unknown'
                    : 'ok',
            },
            {
              label: t('verify.result.registered'),
              state: registered ? 'ok' : outcome === 'NOT_ISSUED_HERE' ? 'failed' : 'unknown',
            },
            {
              label: revoked ? t('status.REVOKED') : t('verify.result.revocationOk'),
              state: outcome === 'VALID' ? 'ok' : revoked ? 'failed' : 'unknown',
            },
          ]}
        />
      )}
      {certificate && <CertificateFields certificate={certificate} />}
      {keyId && (
        <Typography.Paragraph type="secondary" className="zc-key-id">
          {t('verify.result.keyId')}：<code>{keyId}</code>
        </Typography.Paragraph>
      )}
    </div>
  );
}
