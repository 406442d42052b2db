import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Modal, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { FileUpload } from '../upload/FileUpload';
import type { UploadedFile } from '../upload/sendFile';
import { ForwardBatchMutation, RequestBatchAttachmentUploadMutation } from './documents';
import './i18n';

/**
 * 批量送审: upload the 推荐报告/申报函, then forward the selected 待送审 declarations with it. The
 * button waits for a selection and the upload, and asks once more with the count.
 */
export function BatchForwardPanel({ selected, onDone }: { selected: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('review');
  const { message } = AntApp.useApp();
  const [attachment, setAttachment] = useState<UploadedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [, requestUpload] = useMutation(RequestBatchAttachmentUploadMutation);
  const [forwarding, forward] = useMutation(ForwardBatchMutation);
  const [confirming, setConfirming] = useState(false);
  const send = async () => {
    if (!attachment) return;
    setConfirming(false);
    setProblem(null);
    const answer = await forward({ declarationIds: [...selected], attachmentId: attachment.id });
    if (answer.error) {
      setProblem(errorMessage(answer.error, translateOrUndefined));
      return;
    }
    message.success(
      t('batch.done', { count: answer.data?.forwardBatch.declarationIds.length ?? selected.length }),
    );
    setAttachment(null);
    onDone();
  };
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('batch.title')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('batch.attachmentHint')}</Typography.Text>
        <FileUpload
          label={t('batch.attachment')}
          buttonText={`${t('batch.attachment')}`}
          formats={['pdf', 'jpg', 'png']}
          maxSizeKb={10240}
          requestUrl={async (file) => {
            const answer = await requestUpload({
              fileName: file.name,
              sizeBytes: file.size,
              contentType: file.type || 'application/octet-stream',
            });
            if (answer.error) throw answer.error;
            return answer.data!.requestBatchAttachmentUpload.url;
          }}
          onUploaded={(file) => {
            setAttachment(file);
            setProblem(null);
          }}
        />
        {attachment && (
          <Typography.Text type="success">
            {t('batch.uploaded', { name: attachment.fileName })}
          </Typography.Text>
        )}
        <Typography.Text>{t('batch.selected', { count: selected.length })}</Typography.Text>
        {problem && <Alert type="error" showIcon message={problem} role="alert" />}
        {selected.length === 0 && (
          <Typography.Text type="secondary">{t('batch.needSelection')}</Typography.Text>
        )}
        <Button
          type="primary"
          disabled={selected.length === 0}
          loading={forwarding.fetching}
          onClick={() => {
            if (!attachment) return setProblem(t('batch.needAttachment'));
            setProblem(null);
            setConfirming(true);
          }}
        >
          {t('batch.title')}
        </Button>
        <Modal
          open={confirming}
          title={t('batch.confirmTitle')}
          okText={t('batch.confirmOk', { count: selected.length })}
          cancelText={t('batch.cancel')}
          onOk={() => void send()}
          onCancel={() => setConfirming(false)}
        >
          {t('batch.confirm', { count: selected.length, file: attachment?.fileName ?? '' })}
        </Modal>
      </Space>
    </Card>
  );
}
