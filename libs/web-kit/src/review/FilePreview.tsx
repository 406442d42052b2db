import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../upload/fileRules';
import './i18n';

export interface PreviewFile {
  id: string;
  fileName: string;
  format?: string | null;
  sizeBytes?: number | null;
  /** The signed link (saved when opened as is; `?preview=1` shows it inline). */
  downloadUrl: string;
}

const previewUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}preview=1`;
/** The API answers PDF / JPG / PNG (the real type, from the first bytes). */
const isImage = (file: PreviewFile) => ['jpg', 'png'].includes((file.format ?? '').toLowerCase());

/**
 * One proof file beside what it proves: its name, size, a 预览 switch that opens it inline (an
 * image as <img>, a PDF in an <iframe> of the same-origin preview link) and a 下载 link. The
 * preview keeps the link it opened with, so refreshing the page's links (they last minutes)
 * does not reload an open preview.
 */
export function FilePreview({ file, defaultOpen = false }: { file: PreviewFile; defaultOpen?: boolean }) {
  const { t } = useTranslation('review');
  const [openedUrl, setOpenedUrl] = useState<string | null>(
    defaultOpen ? previewUrl(file.downloadUrl) : null,
  );
  const open = openedUrl !== null;
  const regionId = `zc-preview-${file.id}`;
  return (
    <div className="zc-file-preview">
      <Flex wrap gap={8} align="center">
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>{file.fileName}</Typography.Text>
        {file.sizeBytes ? (
          <Typography.Text type="secondary">{formatBytes(file.sizeBytes)}</Typography.Text>
        ) : null}
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={regionId}
          aria-label={`${open ? t('files.closePreview') : t('files.preview')} ${file.fileName}`}
          onClick={() => setOpenedUrl(open ? null : previewUrl(file.downloadUrl))}
        >
          {open ? t('files.closePreview') : t('files.preview')}
        </Button>
        <a
          href={`${file.downloadUrl}`}
          download={file.fileName}
          aria-label={`${t('files.download')} ${file.fileName}`}
        >
          {t('files.download')}
        </a>
      </Flex>
      {open && (
        <div
          id={regionId}
          role="region"
          aria-label={t('files.previewOf', { name: file.fileName })}
          style={{ marginTop: 8, border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }}
        >
          {isImage(file) ? (
            <img
              src={openedUrl}
              alt={file.fileName}
              style={{ display: 'block', maxWidth: '100%', maxHeight: 520, margin: '0 auto' }}
            />
          ) : (
            <iframe
              src={openedUrl}
              title={t('files.previewOf', { name: file.fileName })}
              style={{ display: 'block', width: '100%', height: 'min(520px, 65vh)', border: 0 }}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** A list of files, each with its preview. */
export function FileList({ files, label }: { files: readonly PreviewFile[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label={label} style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
      {files.map((file) => (
        <li key={file.id} style={{ marginBottom: 8 }}>
          <FilePreview file={file} />
        </li>
      ))}
    </ul>
  );
}
