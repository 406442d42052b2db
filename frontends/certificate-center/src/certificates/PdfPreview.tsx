import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Spin } from 'antd';
import { useTranslation } from '@zhicheng/web-kit';
import type { CertificateFieldsFragment } from '../gql/graphql';
import { downloadCertificate, pdfObjectUrl } from './pdfLinks';

/** 预览: the signed PDF inline, in the browser's own PDF viewer, in a dialog. */
export function PdfPreview({
  certificate,
  onClose,
}: {
  certificate: CertificateFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation('certificates');
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let made: string | null = null;
    pdfObjectUrl(certificate.id, abort.signal).then(
      (objectUrl) => {
        made = objectUrl;
        if (abort.signal.aborted) URL.revokeObjectURL(objectUrl);
        else setUrl(objectUrl);
      },
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => {
      abort.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [certificate.id]);

  return (
    <Modal
      open
      onCancel={onClose}
      title={t('mine.previewTitle', { number: certificate.number })}
      width="min(1000px, calc(100vw - 16px))"
      centered
      footer={[
        <Button key="download" type="primary" onClick={() => void downloadCertificate(certificate.id)}>
          {t('mine.download')}
        </Button>,
        <Button key="close" onClick={onClose}>
          {t('mine.close')}
        </Button>,
      ]}
    >
      {failed && <Alert type="error" showIcon title={t('mine.linkFailed')} />}
      {!failed && !url && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {url && (
        // Inline style: the dialog renders outside the app's element, where its scoped CSS does not reach.
        <iframe
          style={{ display: 'block', width: '100%', height: 'min(75vh, 720px)', border: 0 }}
          src={url}
          title={t('mine.previewFrame', { number: certificate.number })}
        />
      )}
    </Modal>
  );
}
