import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Flex, Spin, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatBytes, useTranslation } from '@zhicheng/web-kit';

export interface Material {
  id: string;
  slotName: string;
  fileName: string;
  sizeBytes: number;
  url?: string | null;
}

/**
 * One uploaded PDF shown inline. The file service always answers uploads as attachments (never
 * rendered on our origin from its URL), so the bytes are fetched through the short-lived link and
 * shown from a blob URL of type application/pdf in the browser's own PDF viewer.
 */
function PdfFrame({ material }: { material: Material }) {
  const { t } = useTranslation('bureau');
  const [state, setState] = useState<{ blobUrl?: string; failed?: boolean }>({});
  useEffect(() => {
    if (!material.url) return undefined;
    let revoked = false;
    let blobUrl: string | undefined;
    fetch(material.url, { credentials: 'omit' })
      .then(async (answer) => {
        if (!answer.ok) throw new Error(String(answer.status));
        const blob = new Blob([await answer.arrayBuffer()], { type: 'application/pdf' });
        blobUrl = URL.createObjectURL(blob);
        if (!revoked) setState({ blobUrl });
      })
      .catch(() => !revoked && setState({ failed: true }));
    return () => {
      revoked = true;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    };
  }, [material.url]);

  if (!material.url) return <Empty description={t('materials.noAccess')} />;
  if (state.failed)
    return (
      <Alert type="error" showIcon message={t('materials.loadFailed')} description={t('materials.reload')} />
    );
  if (!state.blobUrl)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin tip={t('materials.loading')}>
          <div style={{ width: 80 }} />
        </Spin>
      </Flex>
    );
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text>
          {material.fileName}（{formatBytes(material.sizeBytes)}）
        </Typography.Text>
        <a href={state.blobUrl} download={material.fileName}>
          <Button icon={<DownloadOutlined />} size="small" tabIndex={-1}>
            {t('materials.download')}
          </Button>
        </a>
      </Flex>
      <iframe
        className="zc-pdf-frame"
        title={t('materials.previewOf', { name: material.slotName })}
        src={state.blobUrl}
      />
    </Flex>
  );
}

/** The application's materials, one tab each, the open one previewed inline. */
export function MaterialPreview({ materials }: { materials: readonly Material[] }) {
  const { t } = useTranslation('bureau');
  if (materials.length === 0) return <Empty description={t('materials.none')} />;
  return (
    <Tabs
      destroyOnHidden
      items={materials.map((m) => ({
        key: m.id,
        label: m.slotName,
        children: <PdfFrame material={m} />,
      }))}
    />
  );
}
