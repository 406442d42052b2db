import { Descriptions, Tag } from 'antd';
import { useTranslation } from '@zhicheng/web-kit';
import { formatDay } from '../format';

/** A certificate's printed fields, as 我的证照 lists them and the verify page shows them. */
export interface ShownCertificate {
  /** 职称证书 / 人才分类定级证书 */
  kind?: 'TITLE' | 'TALENT_LEVEL' | null;
  /** A registered paper certificate (历史职称数据登记) says so; an e-certificate needs no word. */
  form?: 'ELECTRONIC' | 'REGISTERED_PAPER' | null;
  /** 补办/换发: the number this one replaces, and the one that replaced it. */
  replacesNumber?: string | null;
  replacedByNumber?: string | null;
  number: string;
  holderName: string;
  holderIdNumberMasked?: string | null;
  titleName: string;
  seriesName?: string | null;
  specialtyName?: string | null;
  levelName: string;
  committeeName?: string | null;
  approvedOn: string;
  issuedAt: string;
  issuerName: string;
  /** Unknown offline: then no status is shown (the page says it needs the network). */
  status?: 'VALID' | 'REVOKED';
  revokedAt?: string | null;
  revocationReason?: string | null;
}

export function StatusTag({ status }: { status: 'VALID' | 'REVOKED' }) {
  const { t } = useTranslation('certificates');
  return (
    <Tag color={status === 'VALID' ? 'green' : 'red'} className="zc-status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function CertificateFields({
  certificate,
  showHolder = true,
}: {
  certificate: ShownCertificate;
  showHolder?: boolean;
}) {
  const { t } = useTranslation('certificates');
  const optional = (key: string, label: string, value: string | null | undefined) =>
    value ? [{ key, label, children: value }] : [];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        {
          key: 'number',
          label: t('fields.number'),
          children: <span className="zc-nowrap">{certificate.number}</span>,
        },
        ...optional('kind', t('fields.kind'), certificate.kind && t(`kinds.${certificate.kind}`)),
        ...(certificate.form === 'REGISTERED_PAPER'
          ? [{ key: 'form', label: t('fields.form'), children: t('forms.REGISTERED_PAPER') }]
          : []),
        ...(showHolder
          ? [
              { key: 'holder', label: t('fields.holderName'), children: certificate.holderName },
              ...optional('id', t('fields.holderIdNumber'), certificate.holderIdNumberMasked),
            ]
          : []),
        { key: 'title', label: t('fields.titleName'), children: certificate.titleName },
        { key: 'level', label: t('fields.level'), children: certificate.levelName },
        ...optional('series', t('fields.series'), certificate.seriesName),
        ...optional('specialty', t('fields.specialty'), certificate.specialtyName),
        ...optional('committee', t('fields.committee'), certificate.committeeName),
        { key: 'approved', label: t('fields.approvedOn'), children: formatDay(certificate.approvedOn) },
        { key: 'issued', label: t('fields.issuedAt'), children: formatDay(certificate.issuedAt) },
        { key: 'issuer', label: t('fields.issuer'), children: certificate.issuerName },
        ...(certificate.status
          ? [
              {
                key: 'status',
                label: t('fields.status'),
                children: <StatusTag status={certificate.status} />,
              },
            ]
          : []),
        ...(certificate.status === 'REVOKED'
          ? [
              { key: 'revokedAt', label: t('fields.revokedAt'), children: formatDay(certificate.revokedAt) },
              {
                key: 'reason',
                label: t('fields.revocationReason'),
                children: certificate.revocationReason ?? t('mine.noReason'),
              },
            ]
          : []),
        ...(certificate.replacedByNumber
          ? [
              {
                key: 'replacedBy',
                label: t('fields.replacedByNumber'),
                children: <span className="zc-nowrap">{certificate.replacedByNumber}</span>,
              },
            ]
          : []),
        ...(certificate.replacesNumber
          ? [
              {
                key: 'replaces',
                label: t('fields.replacesNumber'),
                children: <span className="zc-nowrap">{certificate.replacesNumber}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}
