import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorMessage,
  translateOrUndefined,
  useFormErrors,
  useTranslation,
} from '@zhicheng/web-kit';
import { confirmDestructive } from '../../components/confirmDestructive';
import { useWizard } from '../context';
import { newEntryId } from './entryIds';
import { filesOf, SlotUpload } from '../files/SlotUpload';
import type { ModuleConfigOf } from './types';
import { FieldControl } from './controls';
import { entryToInput, toEntryInput, type FieldDef, type ListModuleDef } from './definitions';

type Entry = Record<string, unknown> & { id: string };

function display(field: FieldDef, value: unknown, t: (key: string) => string) {
  if (value === null || value === undefined || value === '') {
    return field.openEnded ? t('form.untilNow') : <span className="zc-muted">-</span>;
  }
  if (field.kind === 'enum') return t(`enums.${field.enumName}.${String(value)}`);
  if (field.kind === 'bool') return value ? t('form.yes') : t('form.no');
  return String(value);
}

export interface ListModuleProps {
  config: ModuleConfigOf;
  def: ListModuleDef;
  editable: boolean;
}

/**
 * A list module (教育经历, 论文著作, …): entries in a table (cards on a phone), 添加 up to the
 * notice's limit, each entry saved at once (保存) with its proof files (1–3 for most modules),
 * which can be attached in the dialog before the entry is saved.
 */
export function ListModule({ config, def, editable }: ListModuleProps) {
  const { t } = useTranslation('applicant');
  const { message, modal } = App.useApp();
  const { declaration, save, saving, removeAttachment } = useWizard();
  const phone = Grid.useBreakpoint().sm === false;
  const entries = ((declaration.modules[def.dataKey] ?? []) as unknown as Entry[]).filter(Boolean);
  const [editing, setEditing] = useState<{
    index: number;
    id: string;
    initial: Record<string, unknown>;
  } | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const formName = `entry_${def.dataKey}`;
  const aliases = Object.fromEntries(
    def.fields.map((f) => [`${def.dataKey}.${editing?.index ?? 0}.${f.name}`, f.name]),
  );
  const errors = useFormErrors(form, { aliases });
  const max = config.maxEntries ?? Number.POSITIVE_INFINITY;
  const files = config.filesPerEntry;
  const label = (name: string) => t(`fields.${def.dataKey}.${name}`);
  const entryLabel = (index: number) => t('list.entryLabel', { module: config.name, n: index + 1 });

  const saveList = async (list: Entry[]) => save({ [def.dataKey]: list.map((e) => entryToInput(def, e)) });

  const onFinish = async (values: Record<string, unknown>) => {
    if (!editing) return;
    errors.clear();
    const { index, id } = editing;
    const entry = toEntryInput(def, id, values);
    const list = [...entries];
    list[index] = entry;
    const result = await saveList(list);
    if (!result.ok) {
      if (!result.conflict) errors.showError(result.error);
      return;
    }
    message.success(t('list.saved', { module: config.name }));
    setEditing(null);
  };

  const onDelete = async (index: number) => {
    const result = await saveList(entries.filter((_e, i) => i !== index));
    if (!result.ok) {
      if (!result.conflict) message.error(errorMessage(result.error, translateOrUndefined));
      return;
    }
    message.success(t('list.deleted', { entry: entryLabel(index) }));
  };

  const open = (index: number) => {
    errors.clear();
    const entry = entries[index];
    const initial = entry
      ? Object.fromEntries(def.fields.map((f) => [f.name, entry[f.name] ?? undefined]))
      : {};
    const id = entry?.id ?? newEntryId(entries, declaration.attachments, config.key);
    setEditing({ index, id, initial });
  };

  const slotOf = (entryId: string) => ({ kind: 'ENTRY' as const, module: config.key, entryId });
  const adding = editing !== null && editing.index >= entries.length;
  const dialogFiles = editing ? filesOf(declaration.attachments, slotOf(editing.id)) : [];

  // Closing an added entry without saving it: its files would be no proof, so they go (after asking).
  const onCancel = () => {
    if (!adding || dialogFiles.length === 0) return setEditing(null);
    confirmDestructive(modal, {
      title: t('list.discardTitle'),
      content: t('list.discardBody', { count: dialogFiles.length }),
      confirmText: t('list.discardButton'),
      keepText: t('list.keepEditing'),
      onConfirm: async () => {
        for (const file of dialogFiles) await removeAttachment(file);
        setEditing(null);
      },
    });
  };

  const entryFiles = (row: Entry, index: number) => {
    if (!files) return null;
    const slot = slotOf(row.id);
    const stored = filesOf(declaration.attachments, slot);
    return (
      <Space orientation="vertical" size={4}>
        <Tag color={stored.length >= files.min ? 'success' : 'warning'}>
          {t('list.fileCount', { count: stored.length, min: files.min, max: files.max })}
        </Tag>
        <SlotUpload
          label={entryLabel(index)}
          slot={slot}
          files={stored}
          formats={files.formats}
          maxSizeKb={files.maxSizeKb}
          maxCount={files.max}
          editable={editable}
        />
      </Space>
    );
  };

  const entryActions = (index: number) => (
    <Space size={0} wrap>
      <Button
        type="link"
        size="small"
        onClick={() => open(index)}
        aria-label={`${t('list.edit')} ${entryLabel(index)}`}
      >
        {t('list.edit')}
      </Button>
      <Button
        type="link"
        size="small"
        danger
        aria-label={`${t('list.delete')} ${entryLabel(index)}`}
        onClick={() =>
          confirmDestructive(modal, {
            title: t('list.deleteConfirm', { entry: entryLabel(index) }),
            content: files ? t('list.deleteHint') : t('list.deleteHintNoFiles'),
            confirmText: t('list.deleteButton'),
            keepText: t('back'),
            onConfirm: () => onDelete(index),
          })
        }
      >
        {t('list.delete')}
      </Button>
    </Space>
  );

  const columns: TableColumnsType<Entry> = [
    { title: t('list.number'), key: 'n', width: 56, render: (_v, _row, index) => index + 1 },
    ...def.fields
      .filter((f) => f.inTable)
      .map((field) => ({
        title: label(field.name),
        key: field.name,
        render: (_v: unknown, row: Entry) => display(field, row[field.name], t),
      })),
  ];
  if (files) {
    columns.push({
      title:
        files.min === files.max
          ? t('list.filesExact', { count: files.max })
          : t('list.files', { min: files.min, max: files.max }),
      key: 'files',
      render: (_v, row, index) => entryFiles(row, index),
    });
  }
  if (editable) {
    // Fixed to the right edge: a wide table scrolls under it, the buttons stay in view.
    columns.push({
      title: t('list.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, _row, index) => entryActions(index),
    });
  }

  const limitText = [
    Number.isFinite(max) ? t('list.max', { count: max }) : null,
    files
      ? t(files.min === files.max ? 'list.filesRuleExact' : 'list.filesRule', {
          min: files.min,
          max: files.max,
          count: files.max,
          formats: files.formats.join(',').toLowerCase(),
          kb: files.maxSizeKb,
        })
      : t('list.noFiles'),
  ]
    .filter(Boolean)
    .join('；');

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{limitText}</Typography.Text>
        {editable && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            disabled={entries.length >= max}
            onClick={() => open(entries.length)}
            aria-label={t('list.addTo', { module: config.name })}
          >
            {t('list.add')}
          </Button>
        )}
      </Flex>
      {phone && entries.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('list.empty', { module: config.name })}
        </Typography.Paragraph>
      ) : phone ? (
        // A phone shows each entry as a card: every field readable, the buttons within reach.
        <Flex vertical gap={8} role="list" aria-label={config.name}>
          {entries.map((row, index) => (
            <Card
              key={row.id}
              size="small"
              role="listitem"
              title={entryLabel(index)}
              extra={editable ? entryActions(index) : null}
            >
              <dl className="zc-entry-card">
                {def.fields
                  .filter((f) => f.inTable)
                  .map((field) => (
                    <div key={field.name}>
                      <dt>{label(field.name)}</dt>
                      <dd>{display(field, row[field.name], t)}</dd>
                    </div>
                  ))}
              </dl>
              {entryFiles(row, index)}
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<Entry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: t('list.empty', { module: config.name }) }}
          scroll={{ x: 'max-content' }}
          caption={<span className="zc-visually-hidden">{config.name}</span>}
        />
      )}
      <Modal
        open={editing !== null}
        title={
          editing && editing.index < entries.length
            ? t('list.editTitle', { entry: entryLabel(editing.index) })
            : t('list.addTitle', { module: config.name })
        }
        onCancel={onCancel}
        okText={t('list.save')}
        cancelText={t('cancel')}
        okButtonProps={{ htmlType: 'submit', form: formName, loading: saving }}
        destroyOnHidden
        mask={{ closable: false }}
        width={640}
      >
        <Form
          form={form}
          id={formName}
          name={formName}
          layout="vertical"
          initialValues={editing?.initial}
          onFinish={(values) => void onFinish(values)}
          onFinishFailed={errors.showValidation}
        >
          <ErrorSummary problems={errors.problems} formName={formName} />
          <div className="zc-form-grid">
            {def.fields.map((field) => (
              <Form.Item
                key={field.name}
                name={field.name}
                label={label(field.name)}
                className={field.kind === 'textarea' ? 'zc-span-all' : undefined}
                // Marked, not enforced: an entry saves half filled like any draft; the 数据验证信息
                // report names what is missing, and submit refuses until it is there.
                required={field.required}
              >
                <FieldControl field={field} />
              </Form.Item>
            ))}
          </div>
        </Form>
        {files && editing && (
          <section aria-label={t('list.proofFiles')} className="zc-entry-files">
            <Typography.Title level={5}>{t('list.proofFiles')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t(adding ? 'list.filesWithEntry' : 'list.filesOfEntry')}
            </Typography.Paragraph>
            <SlotUpload
              label={adding ? t('list.newEntryLabel', { module: config.name }) : entryLabel(editing.index)}
              slot={slotOf(editing.id)}
              files={dialogFiles}
              formats={files.formats}
              maxSizeKb={files.maxSizeKb}
              maxCount={files.max}
              editable={editable}
              showRules
            />
          </section>
        )}
      </Modal>
    </div>
  );
}
