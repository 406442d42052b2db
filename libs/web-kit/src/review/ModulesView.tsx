import { Card, Descriptions, Empty, Flex, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DECLARATION_WORDS } from '../declaration/words';
import type { ModuleKey } from '../gql/graphql';
import { FileList, type PreviewFile } from './FilePreview';
import { fieldsOf } from './fieldsView';
import { MODULES } from './labels';
import { useWords, type NamedModule } from '../vocabulary';
import './i18n';

type Row = Record<string, unknown>;

export interface ModuleAttachment extends PreviewFile {
  slot: { kind: string; module?: ModuleKey | null; entryId?: string | null; code?: string | null };
}

/** A catalogue slot of the notice's form (附件材料), with the module it belongs to if any. */
export interface AttachmentSlotInfo {
  code: string;
  name: string;
  nameEn?: string | null;
  module?: ModuleKey | null;
}

export interface ModulesViewProps {
  modules: Record<string, unknown>;
  attachments: readonly ModuleAttachment[];
  /** The notice's attachment slots: their names, and which belong inside a module (photo, 单位公示表). */
  slots?: readonly AttachmentSlotInfo[];
  /** The notice's modules (a notice may rename a module); the vocabulary's names otherwise. */
  moduleConfig?: readonly NamedModule[] | null;
  /** 此模块信息是否有误 per module; no switches when undefined (read only). */
  flags?: Partial<Record<ModuleKey, boolean>>;
  onFlag?: (module: ModuleKey, hasErrors: boolean) => void;
  flagDisabled?: boolean;
}

const PHOTO = 'PHOTO';
const UNIT_PUBLICITY: ModuleKey = 'UNIT_PUBLICITY';

function present(value: unknown): boolean {
  return (
    value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== ''
  );
}

/**
 * The declaration read-only in the applicant's words, each module with the files that prove it
 * (the photo in 基本信息, each entry's proofs under the entry, 单位公示表 as its own module) and
 * its 此模块信息是否有误 switch; then 附件材料 (身份证 …) slot by slot. Every file previews inline.
 */
export function ModulesView({
  modules,
  attachments,
  slots = [],
  moduleConfig,
  flags,
  onFlag,
  flagDisabled,
}: ModulesViewProps) {
  const { t } = useTranslation('review');
  const vocabulary = useWords();
  const words = vocabulary.language === 'en' ? DECLARATION_WORDS.en : DECLARATION_WORDS['zh-CN'];
  const slotOf = (code: string | null | undefined) => slots.find((slot) => slot.code === code);
  // A catalogue file belongs to a module when its slot says so (the photo, 单位公示表).
  const moduleOfFile = (file: ModuleAttachment): ModuleKey | null =>
    file.slot.kind === 'ENTRY'
      ? (file.slot.module ?? null)
      : (slotOf(file.slot.code)?.module ??
        (file.slot.code === PHOTO
          ? 'BASIC_INFO'
          : file.slot.code === UNIT_PUBLICITY
            ? UNIT_PUBLICITY
            : null));

  const shown = MODULES.filter((module) => present(modules[module.field]));
  const publicity = attachments.filter((file) => moduleOfFile(file) === UNIT_PUBLICITY);
  const loose = attachments.filter((file) => moduleOfFile(file) === null);
  if (shown.length === 0 && attachments.length === 0) return <Empty description={t('case.empty')} />;

  const nameOf = (key: ModuleKey) => vocabulary.module(key, moduleConfig);
  const publicitySlot = slots.find((slot) => slot.module === UNIT_PUBLICITY);

  const flagSwitch = (key: ModuleKey, name: string) => {
    if (!flags || !onFlag) return undefined;
    const switchId = `zc-flag-${key}`;
    return (
      <Space>
        <label htmlFor={switchId}>{t('case.hasErrors')}</label>
        <Switch
          id={switchId}
          aria-label={`${name} ${t('case.hasErrors')}`}
          checkedChildren={t('case.yes')}
          unCheckedChildren={t('case.no')}
          checked={flags[key] ?? false}
          disabled={flagDisabled}
          onChange={(checked) => onFlag(key, checked)}
        />
      </Space>
    );
  };

  const card = (key: ModuleKey, name: string, body: React.ReactNode) => (
    <Card
      key={key}
      size="small"
      id={`zc-module-${key}`}
      title={<h3 style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>{name}</h3>}
      extra={flagSwitch(key, name)}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
    >
      {body}
    </Card>
  );

  const fields = (field: string, row: Row) => (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
      items={fieldsOf(words, field, row).map((f) => ({
        key: f.field,
        label: f.label,
        children: <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.text}</span>,
      }))}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {shown.map((module) => {
        const value = modules[module.field];
        const name = nameOf(module.key);
        const files = attachments.filter((file) => moduleOfFile(file) === module.key);
        const entryFiles = (entryId: unknown) => files.filter((file) => file.slot.entryId === entryId);
        const moduleFiles = files.filter((file) => file.slot.kind !== 'ENTRY' || !file.slot.entryId);
        const photo = moduleFiles.find((file) => file.slot.code === PHOTO);
        const otherFiles = moduleFiles.filter((file) => file !== photo);
        let body: React.ReactNode;
        if (typeof value === 'string') {
          body = (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {value}
            </Typography.Paragraph>
          );
        } else if (Array.isArray(value)) {
          body = (
            <Space direction="vertical" style={{ width: '100%' }}>
              {(value as Row[]).map((row, index) => {
                const entry = t('case.entry', { module: name, n: index + 1 });
                return (
                  <section key={String(row.id ?? index)} aria-label={entry}>
                    <Typography.Text strong>{entry}</Typography.Text>
                    {fields(module.field, row)}
                    <FileList files={entryFiles(row.id)} label={t('files.of', { what: entry })} />
                  </section>
                );
              })}
            </Space>
          );
        } else {
          body = (
            <Flex gap={16} wrap align="flex-start">
              <div style={{ flex: '1 1 300px', minWidth: 0 }}>{fields(module.field, value as Row)}</div>
              {photo && (
                <figure style={{ margin: 0, flex: '0 0 auto' }}>
                  <img
                    src={`${photo.downloadUrl}?preview=1`}
                    alt={t('case.photo')}
                    style={{
                      width: 120,
                      aspectRatio: '1 / 1.75',
                      objectFit: 'cover',
                      border: '1px solid #d9d9d9',
                    }}
                  />
                  <figcaption style={{ textAlign: 'center' }}>{t('case.photo')}</figcaption>
                </figure>
              )}
            </Flex>
          );
        }
        return card(
          module.key,
          name,
          <>
            {body}
            <FileList files={otherFiles} label={t('files.of', { what: name })} />
          </>,
        );
      })}
      {publicity.length > 0 &&
        card(
          UNIT_PUBLICITY,
          nameOf(UNIT_PUBLICITY),
          <FileList
            files={publicity}
            label={t('files.of', {
              what: publicitySlot ? vocabulary.slot(publicitySlot) : nameOf(UNIT_PUBLICITY),
            })}
          />,
        )}
      {loose.length > 0 && (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('case.attachments')}</h3>}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[...new Set(loose.map((file) => file.slot.code ?? ''))].map((code) => {
              const slot = slotOf(code);
              const slotName = slot ? vocabulary.slot(slot) : code;
              return {
                key: code,
                label: slotName,
                children: (
                  <FileList
                    files={loose.filter((file) => (file.slot.code ?? '') === code)}
                    label={t('files.of', { what: slotName })}
                  />
                ),
              };
            })}
          />
        </Card>
      )}
    </Space>
  );
}
