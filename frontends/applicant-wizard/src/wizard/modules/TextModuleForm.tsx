import { useMemo } from 'react';
import { Form, Input, Typography } from 'antd';
import { ErrorSummary, useTranslation } from '@zhicheng/web-kit';
import { useWizard } from '../context';
import { ModuleFooter, type ModuleNavigation } from './ModuleFooter';
import type { ModuleConfigOf } from './types';
import { useModuleForm } from './useModuleForm';

/** 工作总结 is long text, not unbounded (the server's limit). */
export const WORK_SUMMARY_MAX = 20000;

type TextKey = 'innovation' | 'workSummary';

/**
 * 创新创业成果（突出业绩） (≤ the notice's limit, 500 on the web) or 工作总结 (kept with its line
 * breaks): one text area with a live character counter.
 */
export function TextModuleForm({
  config,
  dataKey,
  editable,
  nav,
}: {
  config: ModuleConfigOf;
  dataKey: TextKey;
  editable: boolean;
  nav: ModuleNavigation;
}) {
  const { t } = useTranslation('applicant');
  const { declaration } = useWizard();
  const formName = `module_${dataKey}`;
  const [form] = Form.useForm<Record<TextKey, string>>();
  const toInput = useMemo(
    () => (values: Record<TextKey, string>) => ({
      [dataKey]: values[dataKey]?.trim() ? values[dataKey] : null,
    }),
    [dataKey],
  );
  const { errors, submit, saveAndNext, markDirty, saving } = useModuleForm(form, toInput);
  const limit =
    dataKey === 'innovation' ? declaration.notice.formConfig.innovationTextLimit : WORK_SUMMARY_MAX;
  const label = t(`fields.${dataKey}`);
  return (
    <div>
      <Form
        form={form}
        id={formName}
        name={formName}
        layout="vertical"
        disabled={!editable}
        initialValues={{ [dataKey]: declaration.modules[dataKey] ?? '' }}
        onValuesChange={markDirty}
        onFinish={(values) => void submit(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={formName} />
        <Typography.Paragraph type="secondary">
          {dataKey === 'innovation' ? t('text.innovationNote', { limit }) : t('text.summaryNote')}
        </Typography.Paragraph>
        <Form.Item
          name={dataKey}
          label={label}
          required={config.required}
          rules={[{ max: limit, message: t('text.tooLong', { label, limit }) }]}
        >
          <Input.TextArea
            rows={dataKey === 'innovation' ? 8 : 16}
            showCount={{ formatter: ({ count }) => t('text.counter', { count, limit }) }}
            maxLength={limit}
            className={dataKey === 'workSummary' ? 'zc-preformatted' : undefined}
          />
        </Form.Item>
      </Form>
      <ModuleFooter
        formId={editable ? formName : undefined}
        saving={saving}
        {...nav}
        onSaveAndNext={editable ? saveAndNext(nav.onNext) : undefined}
      />
    </div>
  );
}
