import type { ReactNode } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../ui/MaskedId';
import './i18n';

/** What the catalogue needs of one attachment row of the notice's form. */
export interface CatalogueSlotLike {
  code: string;
  name: string;
  required: boolean;
  formats: readonly string[];
  maxSizeKb: number;
  maxCount: number;
}

/**
 * 附件材料信息 as the applicant's wizard shows it: name (* when required), the upload rule, and
 * the files column the caller renders (the wizard's uploads, the bureau's preview a hint).
 */
export function AttachmentCatalogueTable<S extends CatalogueSlotLike>({
  slots,
  renderFiles,
}: {
  slots: readonly S[];
  renderFiles: (slot: S) => ReactNode;
}) {
  const { t } = useTranslation('formView');
  const columns: TableColumnsType<S> = [
    {
      title: t('catalogue.name'),
      key: 'name',
      render: (_v, slot) => (
        <span>
          {slot.required && (
            <span style={{ color: '#cf1322' }} aria-hidden>
              *{' '}
            </span>
          )}
          {slot.name}
          {slot.required && <span style={visuallyHidden}>（{t('required')}）</span>}
        </span>
      ),
    },
    {
      title: t('catalogue.rules'),
      key: 'rules',
      render: (_v, slot) => (
        <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>
          {t('catalogue.rule', {
            kb: slot.maxSizeKb,
            count: slot.maxCount,
            formats: slot.formats.join(',').toLowerCase(),
          })}
        </span>
      ),
    },
    { title: t('catalogue.files'), key: 'files', render: (_v, slot) => renderFiles(slot) },
  ];
  return (
    <Table<S>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={[...slots]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      caption={<span style={{ ...visuallyHidden, insetInlineStart: 0 }}>{t('catalogue.title')}</span>}
    />
  );
}
