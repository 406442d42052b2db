import { App, Flex, Typography } from 'antd';
import { FileUpload, useTranslation } from '@zhicheng/web-kit';
import type { AttachmentSlotInput, FileFormat } from '../../gql/graphql';
import { useWizard, type WizardAttachment } from '../context';
import { AttachmentList } from './AttachmentList';

export interface SlotUploadProps {
  /** What the files are, e.g. 身份证 or 教育经历 第1条. */
  label: string;
  slot: AttachmentSlotInput;
  files: readonly WizardAttachment[];
  formats: readonly FileFormat[];
  maxSizeKb: number;
  maxCount: number;
  editable: boolean;
  /** Show 上传规范 under the button. */
  showRules?: boolean;
}

/** The files of one slot plus 上传 (with progress) until the slot is full. */
export function SlotUpload({
  label,
  slot,
  files,
  formats,
  maxSizeKb,
  maxCount,
  editable,
  showRules,
}: SlotUploadProps) {
  const { t } = useTranslation('applicant');
  const { message } = App.useApp();
  const { uploadUrl, refresh } = useWizard();
  const lower = formats.map((f) => f.toLowerCase());
  const full = files.length >= maxCount;
  return (
    <div>
      <AttachmentList files={files} editable={editable} />
      {editable && (
        <Flex gap={8} align="center" wrap>
          <FileUpload
            label={label}
            formats={lower}
            maxSizeKb={maxSizeKb}
            disabled={full}
            requestUrl={(file) => uploadUrl(slot, file)}
            onUploaded={(stored) => {
              message.success(t('files.uploaded', { name: stored.fileName }));
              refresh();
            }}
          />
          {full && <Typography.Text type="secondary">{t('files.full', { count: maxCount })}</Typography.Text>}
        </Flex>
      )}
      {showRules && (
        <Typography.Paragraph type="secondary" className="zc-upload-rules">
          {t('files.rules', { formats: lower.join(','), kb: maxSizeKb, count: maxCount })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The files stored for a slot, in upload order. */
export function filesOf(
  attachments: readonly WizardAttachment[],
  slot: AttachmentSlotInput,
): WizardAttachment[] {
  return attachments.filter((a) =>
    slot.kind === 'CATALOGUE'
      ? a.slot.kind === 'CATALOGUE' && a.slot.code === slot.code
      : a.slot.kind === 'ENTRY' && a.slot.module === slot.module && a.slot.entryId === slot.entryId,
  );
}
