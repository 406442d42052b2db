import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Flex, Input, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, FileTextOutlined } from '@ant-design/icons';
import {
  errorMessage,
  isDeployed,
  Link,
  navigate,
  onReconnected,
  PageContainer,
  translateOrUndefined,
  useQuery,
  useSubscription,
  useTranslation,
} from '@zhicheng/web-kit';
import type { CertificateFieldsFragment } from '../gql/graphql';
import { CertificateFields, StatusTag } from '../components/CertificateFields';
import { formatDay } from '../format';
import { paths } from '../routes';
import { CertificateIssuedSubscription, MyCertificatesQuery } from './documents';
import { PdfPreview } from './PdfPreview';
import { downloadCertificate } from './pdfLinks';

type Certificate = CertificateFieldsFragment;

/** One certificate: its fields, 作废 details when revoked, and 预览 / 下载 / 申报表. */
function CertificateCard({
  certificate,
  onPreview,
}: {
  certificate: Certificate;
  onPreview: (certificate: Certificate) => void;
}) {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const declarationId = certificate.declaration?.id;
  const [downloading, setDownloading] = useState(false);
  const headingId = `zc-certificate-${certificate.id}`;
  const download = async () => {
    setDownloading(true);
    try {
      await downloadCertificate(certificate.id);
    } catch {
      void message.error(t('mine.linkFailed'));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card
      size="small"
      className="zc-certificate-card"
      aria-labelledby={headingId}
      role="article"
      title={
        <Flex gap={8} wrap align="center">
          <h2 id={headingId} className="zc-card-title">
            {certificate.titleName}
          </h2>
          <StatusTag status={certificate.status} />
        </Flex>
      }
    >
      {certificate.status === 'REVOKED' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('mine.revoked', {
            date: formatDay(certificate.revokedAt),
            reason: certificate.revocationReason ?? t('mine.noReason'),
          })}
        />
      )}
      {/* Status and revocation are in the title and the alert above. */}
      <CertificateFields certificate={{ ...certificate, status: undefined }} showHolder={false} />
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          icon={<EyeOutlined aria-hidden />}
          aria-label={t('mine.previewLabel', { number: certificate.number })}
          onClick={() => onPreview(certificate)}
        >
          {t('mine.preview')}
        </Button>
        <Button
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          loading={downloading}
          aria-label={t('mine.downloadLabel', { number: certificate.number })}
          onClick={() => void download()}
        >
          {t('mine.download')}
        </Button>
        {declarationId && isDeployed('@zhicheng/applicant-wizard') && (
          // A link (it opens a page) drawn as a button like its neighbours; navigates in place.
          // A certificate issued from a registered paper certificate has no declaration behind it.
          <Button
            href={paths.declaration(declarationId)}
            icon={<FileTextOutlined aria-hidden />}
            aria-label={t('mine.declarationLabel', { number: certificate.number })}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigate(paths.declaration(declarationId));
            }}
          >
            {t('mine.declaration')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** Shown when the holder has no certificate: where a paper certificate goes instead. */
function NoCertificates() {
  const { t } = useTranslation('certificates');
  return (
    <Empty
      description={
        <Flex vertical gap={8} align="center">
          <Typography.Text strong>{t('mine.empty')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: 0 }}>
            {t('mine.emptyHint')}
          </Typography.Paragraph>
          <Space wrap>
            <Link to={paths.historical}>{t('mine.historical')}</Link>
            <Link to={paths.reissue}>{t('mine.reissue')}</Link>
          </Space>
        </Flex>
      }
    />
  );
}

/**
 * 我的证照 (证书在线领取, seed 004 第六章): the holder's certificates, newest first, with a query
 * condition; a newly issued one appears live (certificateIssued; after a reconnect, refetch).
 */
export function MyCertificatesPage() {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyCertificatesQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useSubscription({ query: CertificateIssuedSubscription }, (_previous, event) => {
    refresh();
    const number = event.certificateIssued.certificate?.number;
    if (number) void message.success(t('mine.newArrived', { number }));
    return event;
  });
  useEffect(() => onReconnected(refresh), [refresh]);

  const [filter, setFilter] = useState('');
  const [previewing, setPreviewing] = useState<Certificate | null>(null);
  const certificates = data?.myCertificates;
  const shown = useMemo(() => {
    const needle = filter.trim().toUpperCase();
    if (!certificates || !needle) return certificates ?? [];
    return certificates.filter(
      (c) => c.number.toUpperCase().includes(needle) || c.titleName.toUpperCase().includes(needle),
    );
  }, [certificates, filter]);

  let body;
  if (error && !certificates) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={errorMessage(error, translateOrUndefined)}
        action={
          <Button size="small" onClick={refresh}>
            {t('retry')}
          </Button>
        }
      />
    );
  } else if (!certificates) {
    body = fetching ? <Skeleton active paragraph={{ rows: 6 }} /> : null;
  } else if (certificates.length === 0) {
    body = <NoCertificates />;
  } else {
    body = (
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Input.Search
            allowClear
            className="zc-filter"
            aria-label={t('mine.filter')}
            placeholder={t('mine.filterPlaceholder')}
            onChange={(event) => setFilter(event.target.value)}
            onSearch={setFilter}
          />
          <Typography.Text type="secondary" aria-live="polite">
            {t('mine.count', { n: shown.length })}
          </Typography.Text>
        </Flex>
        {shown.length === 0 ? (
          <Empty description={t('mine.noMatch')} />
        ) : (
          shown.map((certificate) => (
            <CertificateCard key={certificate.id} certificate={certificate} onPreview={setPreviewing} />
          ))
        )}
      </Flex>
    );
  }

  return (
    <PageContainer
      title={t('mine.title')}
      breadcrumb={[{ title: t('home'), to: '/' }, { title: t('mine.title') }]}
    >
      <Typography.Paragraph type="secondary">{t('mine.intro')}</Typography.Paragraph>
      {body}
      {previewing && <PdfPreview certificate={previewing} onClose={() => setPreviewing(null)} />}
    </PageContainer>
  );
}
