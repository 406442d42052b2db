import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { AttachmentCatalogueTable, ModuleNavigator, useTranslation, visibleModules } from '@zhicheng/web-kit';
import type { ModuleKey } from '../gql/graphql';
import type { FormValue, ModuleValue } from './formConfig';

/** One module's limits in words, as the bureau set them. */
function ModuleRules({ module, form }: { module: ModuleValue; form: FormValue }) {
  const { t } = useTranslation('bureau');
  const lines: string[] = [];
  if (module.maxEntries != null) lines.push(t('preview.maxEntries', { count: module.maxEntries }));
  if (module.filesPerEntry)
    lines.push(
      t('preview.filesPerEntry', {
        min: module.filesPerEntry.min,
        max: module.filesPerEntry.max,
        kb: module.filesPerEntry.maxSizeKb,
        formats: module.filesPerEntry.formats.join(',').toLowerCase(),
      }),
    );
  if (module.key === 'INNOVATION') lines.push(t('preview.textLimit', { count: form.innovationTextLimit }));
  if (lines.length === 0) return null;
  return (
    <ul className="zc-preview-rules">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

const DisabledUpload = ({ name }: { name: string }) => {
  const { t } = useTranslation('bureau');
  return (
    <Button
      size="small"
      icon={<UploadOutlined aria-hidden />}
      disabled
      aria-label={`${t('preview.upload')} ${name}`}
    >
      {t('preview.upload')}
    </Button>
  );
};

/**
 * 预览: the form as the applicant's wizard renders it — the same module list (web kit
 * ModuleNavigator) and the same attachment catalogue (AttachmentCatalogueTable) — with uploads off.
 */
export function FormPreview({ form }: { form: FormValue }) {
  const { t } = useTranslation('bureau');
  const [category, setCategory] = useState<'NORMAL' | 'EXCEPTIONAL'>('NORMAL');
  const modules = visibleModules(form.modules, category);
  const [chosen, setChosen] = useState<ModuleKey | null>(null);
  const current = modules.find((m) => m.key === chosen) ?? modules[0];
  const slots = form.attachments.filter((slot) => !slot.module);
  const hasRecommenders = form.modules.some((m) => m.key === 'RECOMMENDERS');
  return (
    <section aria-labelledby="zc-form-preview-title" className="zc-form-preview">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={<span id="zc-form-preview-title">{t('preview.title')}</span>}
          description={t('preview.hint')}
        />
        {hasRecommenders && (
          <Segmented
            aria-label={t('preview.category')}
            value={category}
            onChange={(value) => setCategory(value as 'NORMAL' | 'EXCEPTIONAL')}
            options={[
              { value: 'NORMAL', label: t('preview.normal') },
              { value: 'EXCEPTIONAL', label: t('preview.exceptional') },
            ]}
          />
        )}
        {current ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={7} lg={6}>
              <ModuleNavigator modules={modules} current={current.key} onSelect={setChosen} />
            </Col>
            <Col xs={24} md={17} lg={18}>
              <Card
                size="small"
                title={
                  <h4 className="zc-section-title">
                    {current.required && (
                      <span className="zc-required-mark" aria-hidden>
                        *{' '}
                      </span>
                    )}
                    {current.name}
                    {current.required && (
                      <span className="zc-visually-hidden">（{t('formEditor.required')}）</span>
                    )}
                  </h4>
                }
              >
                <ModuleRules module={current} form={form} />
                {form.attachments.some((s) => s.module === current.key) && (
                  <AttachmentCatalogueTable
                    slots={form.attachments.filter((s) => s.module === current.key)}
                    renderFiles={(slot) => <DisabledUpload name={slot.name} />}
                  />
                )}
              </Card>
            </Col>
          </Row>
        ) : (
          <Alert type="warning" showIcon title={t('preview.noModules')} />
        )}
        <Card size="small" title={<h4 className="zc-section-title">{t('preview.attachments')}</h4>}>
          <Typography.Paragraph type="warning">{t('preview.classifiedNote')}</Typography.Paragraph>
          <AttachmentCatalogueTable
            slots={slots}
            renderFiles={(slot) => <DisabledUpload name={slot.name} />}
          />
        </Card>
      </Space>
    </section>
  );
}
