import { DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from '@zhicheng/web-kit';
import type { FieldDef } from './definitions';

const DATE_FORMAT = 'YYYY-MM-DD';

export interface DateInputProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  'aria-required'?: boolean;
}

/** A calendar date as 'YYYY-MM-DD' (typing the date works too: the picker parses its input). */
export function DateInput({ id, value, onChange, placeholder, disabled, ...rest }: DateInputProps) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value, DATE_FORMAT) : null}
      format={DATE_FORMAT}
      onChange={(date) => onChange?.(date ? date.format(DATE_FORMAT) : null)}
      placeholder={placeholder ?? DATE_FORMAT}
      disabled={disabled}
      style={{ width: '100%' }}
      aria-required={rest['aria-required']}
    />
  );
}

export interface YearInputProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** A year such as 2025. */
export function YearInput({ id, value, onChange }: YearInputProps) {
  return (
    <InputNumber
      id={id}
      value={value ?? null}
      onChange={(next) => onChange?.(typeof next === 'number' ? next : null)}
      min={1950}
      max={dayjs().year() + 1}
      precision={0}
      style={{ width: '100%' }}
    />
  );
}

/** What a Form.Item injects into its child. */
interface Injected {
  id?: string;
  value?: never;
  onChange?: never;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
  'aria-describedby'?: string;
}

/** The input for one field definition; the props a Form.Item injects are passed on to it. */
export function FieldControl({ field, ...control }: { field: FieldDef } & Injected) {
  const { t } = useTranslation('applicant');
  switch (field.kind) {
    case 'textarea':
      return (
        <Input.TextArea {...control} rows={3} maxLength={field.maxLength} showCount={!!field.maxLength} />
      );
    case 'date':
      return <DateInput {...control} placeholder={field.openEnded ? t('form.untilNow') : undefined} />;
    case 'int':
      return <InputNumber {...control} min={0} precision={0} style={{ width: '100%' }} />;
    case 'year':
      return <YearInput {...control} />;
    case 'choice':
      return (
        <Select
          {...control}
          allowClear
          showSearch
          placeholder={t('choose')}
          options={(field.choices ?? []).map((word) => ({ value: word, label: word }))}
        />
      );
    case 'enum':
      return (
        <Select
          {...control}
          allowClear
          placeholder={t('choose')}
          options={(field.enumValues ?? []).map((value) => ({
            value,
            label: t(`enums.${field.enumName}.${value}`),
          }))}
        />
      );
    case 'bool':
      return (
        <Radio.Group
          {...control}
          options={[
            { value: true, label: t('form.yes') },
            { value: false, label: t('form.no') },
          ]}
        />
      );
    default:
      return <Input {...control} maxLength={field.maxLength} autoComplete="off" />;
  }
}
