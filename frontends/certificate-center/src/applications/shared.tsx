// What the 补办/换发 and 历史职称数据登记 pages share: the materials (PDF uploads with progress,
// through the upload-ticket route), the status tag, the withdraw dialog and the live list.
import { useCallback, useEffect } from 'react';
import { App as AntApp, Button, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined } from '@ant-design/icons';
import {
  contentTypeOf,
  FileUpload,
  onReconnected,
  useClient,
  useTranslation,
  type UploadedFile,
} from '@zhicheng/web-kit';
import type { CertificateApplicationStatus, CertificateMaterialPurpose } from '../gql/graphql';
import { RequestMaterialUploadMutation } from './documents';

/** Each material is one PDF of at most 10240 KB (subgraphs/certificate/src/domain/materials.ts). */
export const MATERIAL_MAX_KB = 10_240;
/** A registration needs at least two of 申报表 / 老证书 / 批文. */
export const HISTORICAL_MIN_MATERIALS = 2;

export interface MaterialKind {
  code: string;
  name: string;
}

/** The form value of the materials: the uploaded file per material code. */
export type Materials = Partial<Record<string, Pick<UploadedFile, 'id' | 'fileName'>>>;

export const fileIdsOf = (materials: Materials | undefined) =>
  Object.values(materials ?? {}).flatMap((file) => (file ? [file.id] : []));

/**
 * The materials of a form, one row each: its name, 上传 with progress (the type and size checked
 * first, then the server's own check of the bytes), and once stored the file with 删除. A form
 * control: antd's Form.Item passes value and onChange.
 */
export function MaterialsField({
  purpose,
  kinds,
  required,
  value,
  onChange,
  id,
}: {
  purpose: CertificateMaterialPurpose;
  kinds: readonly MaterialKind[];
  /** Every material required (补办), or only some (登记: the rule says how many). */
  required: boolean;
  value?: Materials;
  onChange?: (next: Materials) => void;
  id?: string;
}) {
  const { t } = useTranslation('certificates');
  const client = useClient();
  const set = (code: string, file: Materials[string]) => onChange?.({ ...(value ?? {}), [code]: file });
  const requestUrl = async (code: string, file: File) => {
    const answer = await client
      .mutation(RequestMaterialUploadMutation, {
        purpose,
        slot: code,
        fileName: file.name,
        sizeBytes: file.size,
        contentType: contentTypeOf(file),
      })
      .toPromise();
    if (!answer.data) throw answer.error ?? new Error(t('apply.uploadFailed'));
    return answer.data.requestCertificateMaterialUpload.url;
  };
  return (
    // The id lets the error summary's link land here (antd's field id).
    <ul className="zc-materials" id={id} tabIndex={-1}>
      {kinds.map((kind) => {
        const stored = value?.[kind.code];
        return (
          <li key={kind.code} className="zc-material" data-material={kind.code}>
            <Typography.Text strong className="zc-material-name">
              {required && (
                <span className="zc-required" aria-hidden>
                  *{' '}
                </span>
              )}
              {kind.name}
            </Typography.Text>
            {stored ? (
              <Flex gap={8} align="center" wrap role="status">
                <CheckCircleFilled className="zc-check-ok" aria-hidden />
                <Typography.Text className="zc-file-name">
                  {t('apply.uploaded', { name: stored.fileName })}
                </Typography.Text>
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('apply.removeLabel', { name: kind.name })}
                  onClick={() => set(kind.code, undefined)}
                >
                  {t('apply.remove')}
                </Button>
              </Flex>
            ) : (
              <FileUpload
                label={kind.name}
                formats={['pdf']}
                maxSizeKb={MATERIAL_MAX_KB}
                requestUrl={(file) => requestUrl(kind.code, file)}
                onUploaded={(file) => set(kind.code, { id: file.id, fileName: file.fileName })}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

const STATUS_COLOURS: Record<CertificateApplicationStatus, string> = {
  PENDING: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

/** 待审核 / 审核通过 / 审核不通过 / 已撤回 */
export function ApplicationStatusTag({ status }: { status: CertificateApplicationStatus }) {
  const { t } = useTranslation('certificates');
  return (
    <Tag color={STATUS_COLOURS[status]} className="zc-status-tag">
      {t(`applicationStatus.${status}`)}
    </Tag>
  );
}

/**
 * 撤回 asks first: what happens and that it cannot be undone; the safe choice (返回) is the
 * primary, focused button, the withdrawal in red names its effect.
 */
export function useConfirmWithdraw() {
  const { modal } = AntApp.useApp();
  const { t } = useTranslation('certificates');
  return useCallback(
    (what: string, onConfirm: () => unknown) => {
      const dialog = modal.confirm({
        title: t('apply.withdrawTitle', { what }),
        content: t('apply.withdrawContent'),
        footer: (
          <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
            <Button type="primary" autoFocus onClick={() => dialog.destroy()}>
              {t('apply.keep')}
            </Button>
            <Button
              danger
              onClick={() => {
                dialog.destroy();
                void onConfirm();
              }}
            >
              {t('apply.withdrawConfirm')}
            </Button>
          </Flex>
        ),
      });
    },
    [modal, t],
  );
}

/** Refetch after every reconnect (a notice may have been missed meanwhile). */
export function useRefetchOnReconnect(refresh: () => void) {
  useEffect(() => onReconnected(refresh), [refresh]);
}

/** A date-time as the day and minute in China time. */
const MINUTE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const formatMinute = (value: string | null | undefined) =>
  value ? MINUTE.format(new Date(value)).replace(/\//g, '-') : '-';
