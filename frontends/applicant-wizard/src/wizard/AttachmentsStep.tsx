import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Popconfirm, Space, Typography } from 'antd';
import { LeftOutlined, SendOutlined } from '@ant-design/icons';
import {
  AttachmentCatalogueTable,
  errorMessage,
  hasErrorCode,
  navigate,
  translateOrUndefined,
  useMutation,
  useTranslation,
  visibleModules,
  useWords,
} from '@zhicheng/web-kit';
import { CancelDeclarationMutation, SubmitDeclarationMutation } from '../declaration/documents';
import { isModuleEditable } from '../declaration/status';
import { paths } from '../routes';
import { confirmDestructive } from '../components/confirmDestructive';
import { useWizard } from './context';
import { filesOf, SlotUpload } from './files/SlotUpload';
import type { SlotConfigOf } from './modules/types';
import { ValidationPanel } from './ValidationPanel';

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/**
 * 03 附件上传: 数据验证信息, the attachment catalogue with uploads, 业务表册 (preview / download),
 * 诚信承诺 and 提交 (only with the pledge and no problems; a double click submits once).
 */
export function AttachmentsStep() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { message, modal } = App.useApp();
  const { declaration, refresh } = useWizard();
  const [pledged, setPledged] = useState(false);
  const [submitted, submit] = useMutation(SubmitDeclarationMutation);
  const [cancelled, cancel] = useMutation(CancelDeclarationMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const submitting = useRef(false);
  const editable = declaration.status === 'DRAFT' || declaration.status === 'RETURNED';
  // While 被退回 the API takes files only for the flagged modules: each slot asks by its module.
  const slotEditable = (slot: SlotConfigOf) =>
    isModuleEditable(declaration.status, declaration.editableModules, slot.module);
  const slots = declaration.notice.formConfig.attachments.filter((slot) => !slot.module);
  const problems = declaration.validation.problems.length;
  const canSubmit = editable && declaration.validation.ok && problems === 0 && pledged;
  const modules = visibleModules(declaration.notice.formConfig.modules, declaration.category);

  const onSubmit = async () => {
    if (submitting.current || !canSubmit) return;
    submitting.current = true;
    setFailure(null);
    try {
      const result = await submit(
        { id: declaration.id, expectedVersion: declaration.version },
        { additionalTypenames: ['Declaration'] },
      );
      if (result.error || !result.data) {
        if (hasErrorCode(result.error, 'CONFLICT')) refresh();
        setFailure(errorMessage(result.error, translateOrUndefined));
        return;
      }
      message.success(t('submit.done'));
      navigate(paths.done(declaration.id));
    } finally {
      submitting.current = false;
    }
  };

  const onCancel = () =>
    confirmDestructive(modal, {
      title: t('history.cancelConfirm'),
      content: t('history.cancelHint'),
      confirmText: t('history.cancelButton'),
      keepText: t('back'),
      onConfirm: async () => {
        const result = await cancel({ id: declaration.id }, { additionalTypenames: ['Declaration'] });
        if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
        message.success(t('history.cancelled'));
        navigate(paths.items);
      },
    });

  const pledgeItems = t('pledge.items', { returnObjects: true }) as string[];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ValidationPanel />
      <Card
        size="small"
        title={
          <h2 className="zc-section-title" id="zc-attachment-catalogue" tabIndex={-1}>
            {t('catalogue.title')}
          </h2>
        }
      >
        <Typography.Paragraph type="warning">{t('catalogue.note')}</Typography.Paragraph>
        <AttachmentCatalogueTable
          slots={slots}
          renderFiles={(slot) => {
            const input = { kind: 'CATALOGUE' as const, code: slot.code };
            return (
              <SlotUpload
                label={slot.name}
                slot={input}
                files={filesOf(declaration.attachments, input)}
                formats={slot.formats}
                maxSizeKb={slot.maxSizeKb}
                maxCount={slot.maxCount}
                editable={slotEditable(slot)}
              />
            );
          }}
        />
      </Card>
      <Card size="small" title={<h2 className="zc-section-title">{t('forms.title')}</h2>}>
        {declaration.businessForms.length === 0 ? (
          <Typography.Text type="secondary">{t('forms.none')}</Typography.Text>
        ) : (
          <ol className="zc-forms-list">
            {declaration.businessForms
              .map(({ name, ...form }) => ({
                ...form,
                name: words.status('BusinessFormKind', form.kind, name),
              }))
              .map((form) => (
                <li key={form.kind}>
                  <span>{form.name}</span>
                  <Space size={12}>
                    <a
                      href={withQuery(form.url, 'download=1')}
                      aria-label={`${t('forms.download')} ${form.name}`}
                    >
                      {t('forms.download')}
                    </a>
                    <a
                      href={form.url}
                      target="_blank"
                      rel="noreferrer"
                      aria-label={`${t('forms.preview')} ${form.name}`}
                    >
                      {t('forms.preview')}
                    </a>
                  </Space>
                </li>
              ))}
          </ol>
        )}
      </Card>
      <Card size="small" title={<h2 className="zc-section-title">{t('pledge.title')}</h2>}>
        <ol className="zc-notes">
          {pledgeItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <p>{t('pledge.consequence')}</p>
        <Checkbox
          checked={pledged}
          disabled={!editable}
          onChange={(event) => setPledged(event.target.checked)}
        >
          {t('pledge.checkbox')}
        </Checkbox>
      </Card>
      {failure && <Alert type="error" showIcon title={t('submit.failed')} description={failure} />}
      <Flex vertical align="center" gap={8}>
        <Flex gap={12} wrap justify="center">
          <Button
            icon={<LeftOutlined aria-hidden />}
            onClick={() => navigate(paths.fill(declaration.id, modules[modules.length - 1]?.key))}
          >
            {t('fill.previous')}
          </Button>
          {declaration.status === 'DRAFT' && (
            <Button danger loading={cancelled.fetching} onClick={onCancel}>
              {t('history.actions.cancel')}
            </Button>
          )}
          <Popconfirm
            title={t('submit.confirm')}
            description={t('submit.confirmHint')}
            okText={t('submit.button')}
            cancelText={t('back')}
            onConfirm={onSubmit}
            disabled={!canSubmit}
          >
            <Button
              type="primary"
              icon={<SendOutlined aria-hidden />}
              disabled={!canSubmit}
              loading={submitted.fetching}
              aria-describedby="zc-submit-hint"
            >
              {t('submit.button')}
            </Button>
          </Popconfirm>
        </Flex>
        <Typography.Text type="secondary" id="zc-submit-hint">
          {!editable
            ? t('submit.notEditable')
            : problems > 0
              ? t('submit.fixFirst', { count: problems })
              : !pledged
                ? t('submit.pledgeFirst')
                : t('submit.ready')}
        </Typography.Text>
      </Flex>
    </Space>
  );
}
