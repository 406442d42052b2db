import { App, Button } from 'antd';
import { confirmDestructive } from '../../components/confirmDestructive';
import { FileOutlined } from '@ant-design/icons';
import { formatBytes, useTranslation } from '@zhicheng/web-kit';
import { useWizard, type WizardAttachment } from '../context';

/** The stored files of one slot: name (opens the signed link), size, and 删除 while editable. */
export function AttachmentList({
  files,
  editable,
}: {
  files: readonly WizardAttachment[];
  editable: boolean;
}) {
  const { t } = useTranslation('applicant');
  const { removeAttachment } = useWizard();
  const { modal } = App.useApp();
  if (files.length === 0) return null;
  return (
    <ul className="zc-file-list">
      {files.map((file) => (
        <li key={file.id}>
          <FileOutlined aria-hidden />{' '}
          {/* Underlined: beside its size, colour alone would not mark it as a link. */}
          <a href={file.downloadUrl} target="_blank" rel="noreferrer" style={{ textDecoration: 'underline' }}>
            {file.fileName}
          </a>{' '}
          <span className="zc-muted">({formatBytes(file.sizeBytes)})</span>
          {editable && (
            <Button
              type="link"
              size="small"
              danger
              aria-label={`${t('files.remove')} ${file.fileName}`}
              onClick={() =>
                confirmDestructive(modal, {
                  title: t('files.removeConfirm', { name: file.fileName }),
                  content: t('files.removeHint'),
                  confirmText: t('files.removeButton'),
                  keepText: t('back'),
                  onConfirm: () => removeAttachment(file),
                })
              }
            >
              {t('files.remove')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
