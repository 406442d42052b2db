import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation, type Problem } from '@zhicheng/web-kit';
import type { FileFormat, ModuleKey } from '../gql/graphql';
import {
  FILE_FORMATS,
  newSlotCode,
  toggleModule,
  type FormValue,
  type ModuleValue,
  type SlotValue,
} from './formConfig';

export interface FormConfigEditorProps {
  value: FormValue;
  onChange: (next: FormValue) => void;
  /** Every module a form can have, with its defaults, in the wizard's order. */
  moduleCatalogue: readonly ModuleValue[];
  /** The standard attachment rows. */
  slotCatalogue: readonly SlotValue[];
  /** The server's problems; `prefix` is where the form sits in the input (formConfig …). */
  problems?: readonly Problem[];
  prefix: string;
}

/** The problems of one row (modules.3, attachments.0 …), in words. */
function RowProblems({ problems, path }: { problems: readonly Problem[]; path: string }) {
  const mine = problems.filter((p) => p.field === path || p.field?.startsWith(`${path}.`));
  if (mine.length === 0) return null;
  return (
    <ul className="zc-row-problems" role="list">
      {mine.map((p, i) => (
        <li key={`${p.field}-${i}`}>{p.message}</li>
      ))}
    </ul>
  );
}

const formatOptions = FILE_FORMATS.map((f) => ({ label: f.toLowerCase(), value: f }));

/**
 * 表单配置: which modules the wizard shows (on/off, required, entry and file limits) and the
 * attachment catalogue (name, formats, size, count, required). Controlled: every change is a new value.
 */
export function FormConfigEditor({
  value,
  onChange,
  moduleCatalogue,
  slotCatalogue,
  problems = [],
  prefix,
}: FormConfigEditorProps) {
  const { t } = useTranslation('bureau');
  const setModule = (key: ModuleKey, change: Partial<ModuleValue>) =>
    onChange({ ...value, modules: value.modules.map((m) => (m.key === key ? { ...m, ...change } : m)) });
  const setSlot = (index: number, change: Partial<SlotValue>) =>
    onChange({
      ...value,
      attachments: value.attachments.map((s, i) => (i === index ? { ...s, ...change } : s)),
    });
  const missingStandard = slotCatalogue.filter((s) => !value.attachments.some((a) => a.code === s.code));
  const generalProblems = problems.filter(
    (p) => p.field === `${prefix}.modules` || p.field === `${prefix}.attachments`,
  );

  const moduleRows = moduleCatalogue.map((defaults) => {
    const index = value.modules.findIndex((m) => m.key === defaults.key);
    return { defaults, index, module: index >= 0 ? value.modules[index] : null };
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {generalProblems.length > 0 && (
        <RowProblems problems={generalProblems} path={generalProblems[0].field!} />
      )}
      <Card size="small" title={<h3 className="zc-section-title">{t('formEditor.modules')}</h3>}>
        <Typography.Paragraph type="secondary">{t('formEditor.modulesHint')}</Typography.Paragraph>
        <Table
          rowKey={(row) => row.defaults.key}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={moduleRows}
          caption={<span className="zc-visually-hidden">{t('formEditor.modules')}</span>}
          columns={[
            {
              title: t('formEditor.enabled'),
              key: 'on',
              render: (_v, row) => (
                <Switch
                  checked={!!row.module}
                  aria-label={t('formEditor.enable', { name: row.defaults.name })}
                  onChange={(on) => onChange(toggleModule(value, moduleCatalogue, row.defaults.key, on))}
                />
              ),
            },
            {
              title: t('formEditor.moduleName'),
              key: 'name',
              render: (_v, row) => (
                <div>
                  <Input
                    value={row.module?.name ?? row.defaults.name}
                    disabled={!row.module}
                    maxLength={30}
                    aria-label={t('formEditor.moduleNameOf', { name: row.defaults.name })}
                    onChange={(e) => setModule(row.defaults.key, { name: e.target.value })}
                    style={{ minWidth: 160 }}
                  />
                  {row.index >= 0 && (
                    <RowProblems problems={problems} path={`${prefix}.modules.${row.index}`} />
                  )}
                </div>
              ),
            },
            {
              title: t('formEditor.required'),
              key: 'required',
              render: (_v, row) => (
                <Checkbox
                  checked={!!row.module?.required}
                  disabled={!row.module}
                  aria-label={t('formEditor.requiredOf', { name: row.defaults.name })}
                  onChange={(e) => setModule(row.defaults.key, { required: e.target.checked })}
                />
              ),
            },
            {
              title: t('formEditor.maxEntries'),
              key: 'maxEntries',
              render: (_v, row) =>
                row.defaults.maxEntries != null ? (
                  <InputNumber
                    min={1}
                    max={99}
                    value={row.module?.maxEntries ?? null}
                    disabled={!row.module}
                    aria-label={t('formEditor.maxEntriesOf', { name: row.defaults.name })}
                    onChange={(n) => setModule(row.defaults.key, { maxEntries: n ?? null })}
                  />
                ) : (
                  <span className="zc-muted">—</span>
                ),
            },
            {
              title: t('formEditor.filesPerEntry'),
              key: 'files',
              render: (_v, row) => {
                const files = row.module?.filesPerEntry;
                if (!row.defaults.filesPerEntry || !row.module || !files)
                  return <span className="zc-muted">—</span>;
                const set = (change: Partial<typeof files>) =>
                  setModule(row.defaults.key, { filesPerEntry: { ...files, ...change } });
                return (
                  <Space size={4} wrap>
                    <InputNumber
                      min={0}
                      max={99}
                      value={files.min}
                      aria-label={t('formEditor.filesMinOf', { name: row.module.name })}
                      onChange={(n) => set({ min: n ?? 0 })}
                      style={{ width: 64 }}
                    />
                    –
                    <InputNumber
                      min={1}
                      max={99}
                      value={files.max}
                      aria-label={t('formEditor.filesMaxOf', { name: row.module.name })}
                      onChange={(n) => set({ max: n ?? 0 })}
                      style={{ width: 64 }}
                    />
                    {t('formEditor.files')}
                    <InputNumber
                      min={0}
                      value={files.maxSizeKb}
                      suffix="KB"
                      aria-label={t('formEditor.filesSizeOf', { name: row.module.name })}
                      onChange={(n) => set({ maxSizeKb: n ?? 0 })}
                      style={{ width: 130 }}
                    />
                    <Checkbox.Group
                      options={formatOptions}
                      value={files.formats}
                      aria-label={t('formEditor.filesFormatsOf', { name: row.module.name })}
                      onChange={(formats) => set({ formats: formats as FileFormat[] })}
                    />
                  </Space>
                );
              },
            },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <label htmlFor="zc-innovation-limit">{t('formEditor.innovationTextLimit')}</label>
          <InputNumber
            id="zc-innovation-limit"
            min={1}
            max={5000}
            value={value.innovationTextLimit}
            onChange={(n) => onChange({ ...value, innovationTextLimit: n ?? 0 })}
          />
        </Space>
        <RowProblems problems={problems} path={`${prefix}.innovationTextLimit`} />
      </Card>

      <Card size="small" title={<h3 className="zc-section-title">{t('formEditor.attachments')}</h3>}>
        <Table<SlotValue & { index: number }>
          rowKey={(row) => `${row.index}`}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={value.attachments.map((s, index) => ({ ...s, index }))}
          caption={<span className="zc-visually-hidden">{t('formEditor.attachments')}</span>}
          columns={[
            {
              title: t('formEditor.slotName'),
              key: 'name',
              render: (_v, row) => (
                <div>
                  <Input
                    value={row.name}
                    maxLength={50}
                    aria-label={t('formEditor.slotNameOf', { n: row.index + 1 })}
                    onChange={(e) => setSlot(row.index, { name: e.target.value })}
                    style={{ minWidth: 180 }}
                  />
                  <RowProblems problems={problems} path={`${prefix}.attachments.${row.index}`} />
                </div>
              ),
            },
            {
              title: t('formEditor.formats'),
              key: 'formats',
              render: (_v, row) => (
                <Checkbox.Group
                  options={formatOptions}
                  value={row.formats}
                  aria-label={t('formEditor.formatsOf', { name: row.name || row.index + 1 })}
                  onChange={(formats) => setSlot(row.index, { formats: formats as FileFormat[] })}
                />
              ),
            },
            {
              title: t('formEditor.maxSizeKb'),
              key: 'size',
              render: (_v, row) => (
                <InputNumber
                  min={0}
                  value={row.maxSizeKb}
                  suffix="KB"
                  aria-label={t('formEditor.maxSizeOf', { name: row.name || row.index + 1 })}
                  onChange={(n) => setSlot(row.index, { maxSizeKb: n ?? 0 })}
                  style={{ width: 130 }}
                />
              ),
            },
            {
              title: t('formEditor.maxCount'),
              key: 'count',
              render: (_v, row) => (
                <InputNumber
                  min={0}
                  max={99}
                  value={row.maxCount}
                  aria-label={t('formEditor.maxCountOf', { name: row.name || row.index + 1 })}
                  onChange={(n) => setSlot(row.index, { maxCount: n ?? 0 })}
                  style={{ width: 72 }}
                />
              ),
            },
            {
              title: t('formEditor.required'),
              key: 'required',
              render: (_v, row) => (
                <Checkbox
                  checked={row.required}
                  aria-label={t('formEditor.requiredOf', { name: row.name || row.index + 1 })}
                  onChange={(e) => setSlot(row.index, { required: e.target.checked })}
                />
              ),
            },
            {
              title: t('formEditor.shownIn'),
              key: 'module',
              render: (_v, row) => (
                <Select
                  allowClear
                  value={row.module ?? undefined}
                  placeholder={t('formEditor.attachmentList')}
                  aria-label={t('formEditor.shownInOf', { name: row.name || row.index + 1 })}
                  style={{ minWidth: 150 }}
                  options={value.modules.map((m) => ({ value: m.key, label: m.name }))}
                  onChange={(module) => setSlot(row.index, { module: module ?? null })}
                />
              ),
            },
            {
              title: t('formEditor.actions'),
              key: 'remove',
              render: (_v, row) => (
                <Button
                  type="link"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('formEditor.removeSlot', { name: row.name || row.index + 1 })}
                  onClick={() =>
                    onChange({ ...value, attachments: value.attachments.filter((_s, i) => i !== row.index) })
                  }
                >
                  {t('formEditor.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              onChange({
                ...value,
                attachments: [
                  ...value.attachments,
                  {
                    code: newSlotCode(value),
                    name: '',
                    formats: ['PDF'],
                    maxSizeKb: 5000,
                    maxCount: 1,
                    required: false,
                    module: null,
                  },
                ],
              })
            }
          >
            {t('formEditor.addSlot')}
          </Button>
          {missingStandard.length > 0 && (
            <Select
              value={null}
              placeholder={t('formEditor.addStandard')}
              aria-label={t('formEditor.addStandard')}
              style={{ minWidth: 220 }}
              options={missingStandard.map((s) => ({ value: s.code, label: s.name }))}
              onChange={(code) => {
                const slot = slotCatalogue.find((s) => s.code === code);
                if (slot) onChange({ ...value, attachments: [...value.attachments, structuredClone(slot)] });
              }}
            />
          )}
        </Space>
      </Card>
    </Space>
  );
}
