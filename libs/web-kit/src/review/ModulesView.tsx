import { Card, Descriptions, Empty, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../gql/graphql';
import { FIELD_LABELS, MODULES } from './labels';

type Row = Record<string, unknown>;

export interface ModuleAttachment {
  id: string;
  fileName: string;
  downloadUrl: string;
  slot: { kind: string; module?: ModuleKey | null; entryId?: string | null; code?: string | null };
}

export interface ModulesViewProps {
  modules: Record<string, unknown>;
  attachments: readonly ModuleAttachment[];
  /** 此模块信息是否有误 per module; no switches when undefined (read only). */
  flags?: Partial<Record<ModuleKey, boolean>>;
  onFlag?: (module: ModuleKey, hasErrors: boolean) => void;
  flagDisabled?: boolean;
}

/** Enum words the API answers as codes (中文). */
const VALUE_WORDS: Record<string, string> = {
  MALE: '男',
  FEMALE: '女',
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
  EXCELLENT: '优秀',
  COMPETENT: '合格',
  BASICALLY_COMPETENT: '基本合格',
  INCOMPETENT: '不合格',
};

function text(value: unknown, english = false): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return english ? (value ? 'Yes' : 'No') : value ? '是' : '否';
  const words = String(value);
  return english ? words : (VALUE_WORDS[words] ?? words);
}

/** workUnitName -> "Work unit name" (the English view's field words). */
function humanise(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldsOf(row: Row): string[] {
  return Object.keys(row).filter((key) => key !== '__typename' && key !== 'id');
}

/** The declaration's modules read-only, each with its 此模块信息是否有误 是/否 switch. */
export function ModulesView({ modules, attachments, flags, onFlag, flagDisabled }: ModulesViewProps) {
  const { t, i18n } = useTranslation('review');
  const english = i18n.language === 'en';
  const present = MODULES.filter((module) => {
    const value = modules[module.field];
    return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
  if (present.length === 0) return <Empty description={t('case.empty')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {present.map((module) => {
        const value = modules[module.field];
        const name = english ? module.en : module.zh;
        const files = attachments.filter((file) => file.slot.module === module.key);
        const switchId = `zc-flag-${module.key}`;
        return (
          <Card
            key={module.key}
            size="small"
            title={<h3 style={{ margin: 0, fontSize: 16 }}>{name}</h3>}
            extra={
              flags && onFlag ? (
                <Space>
                  <label htmlFor={switchId}>{t('case.hasErrors')}</label>
                  <Switch
                    id={switchId}
                    aria-label={`${name} ${t('case.hasErrors')}`}
                    checkedChildren={t('case.yes')}
                    unCheckedChildren={t('case.no')}
                    checked={flags[module.key] ?? false}
                    disabled={flagDisabled}
                    onChange={(checked) => onFlag(module.key, checked)}
                  />
                </Space>
              ) : undefined
            }
          >
            {typeof value === 'string' ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {value}
              </Typography.Paragraph>
            ) : Array.isArray(value) ? (
              <Table<Row>
                size="small"
                pagination={false}
                rowKey={(row, index) => String(row.id ?? index)}
                dataSource={value as Row[]}
                scroll={{ x: true }}
                columns={fieldsOf((value[0] ?? {}) as Row).map((field) => ({
                  key: field,
                  dataIndex: field,
                  title: english ? humanise(field) : (FIELD_LABELS[field] ?? field),
                  render: (cell: unknown) => text(cell, english),
                }))}
              />
            ) : (
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                items={fieldsOf(value as Row).map((field) => ({
                  key: field,
                  label: english ? humanise(field) : (FIELD_LABELS[field] ?? field),
                  children: text((value as Row)[field], english),
                }))}
              />
            )}
            {files.length > 0 && (
              <ul style={{ marginTop: 8, marginBottom: 0 }}>
                {files.map((file) => (
                  <li key={file.id}>
                    <a
                      href={file.downloadUrl}
                      target="_blank"
                      rel="noreferrer"
                      style={{ textDecoration: 'underline' }}
                    >
                      {file.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
