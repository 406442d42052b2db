import { useEffect, useMemo, type ReactNode } from 'react';
import { Alert, Form, Input, InputNumber, Select, Typography } from 'antd';
import { ErrorSummary, useQuery, useTranslation, useWords } from '@zhicheng/web-kit';
import { cascadeChange, optionsAt, SELECTION_FIELDS, type SelectionField } from '../../declaration/catalogue';
import { CatalogueQuery } from '../../declaration/documents';
import type { BasicInfoInput } from '../../gql/graphql';
import { useCurrentBinding } from '../../binding/useCurrentBinding';
import { useWizard } from '../context';
import { isLocked, useAccountHolder, useLockedHolderFields } from './accountHolder';
import { DateInput } from './controls';
import { ModuleFooter, type ModuleNavigation } from './ModuleFooter';
import { ModuleSlots } from './ModuleSlots';
import type { ModuleConfigOf } from './types';
import { useModuleForm } from './useModuleForm';
import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  PERSONNEL_TYPES,
  POLITICAL_STATUSES,
  UNIT_TYPES,
  WORK_NATURES,
} from './vocabulary';
import { yearsAndMonthsSince } from './years';

const FORM_NAME = 'basicInfo';
type Values = { basicInfo: BasicInfoInput };

const words = (list: readonly string[]) => list.map((word) => ({ value: word, label: word }));

function clean(input: BasicInfoInput): BasicInfoInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    out[key] =
      value === undefined || value === '' ? null : typeof value === 'string' ? value.trim() || null : value;
  }
  return out as BasicInfoInput;
}

/**
 * 基本信息: personal data, the five cascading catalogue choices (changing one clears those below;
 * 从事专业 offers only the chosen 申报专业范围), the computed 取得资格年限 and 聘任年限, the photo.
 */
export function BasicInfoForm({
  config,
  editable,
  nav,
}: {
  config: ModuleConfigOf;
  editable: boolean;
  nav: ModuleNavigation;
}) {
  const { t } = useTranslation('applicant');
  const vocabulary = useWords();
  const { declaration } = useWizard();
  const [form] = Form.useForm<Values>();
  const toInput = useMemo(() => (values: Values) => ({ basicInfo: clean(values.basicInfo ?? {}) }), []);
  const { errors, submit, saveAndNext, markDirty, saving } = useModuleForm(form, toInput);
  const [{ data: catalogue }] = useQuery({ query: CatalogueQuery });
  const tree = useMemo(() => catalogue?.titleCatalogue ?? [], [catalogue]);
  const { person } = useCurrentBinding();
  // A first visit starts from what the account knows (name, ID type); the rest is typed.
  // The account holder's name, ID and bound unit are filled in and locked (the server checks them).
  const holder = useAccountHolder();
  const initial = {
    ...(declaration.modules.basicInfo ?? (person ? { name: person.name, idType: person.idType } : {})),
    ...holder,
  };
  const usesCatalogue = declaration.notice.channel.usesTitleCatalogue;
  const exceptional = declaration.category === 'EXCEPTIONAL';

  const selection = Form.useWatch(['basicInfo'], form) ?? {};
  const currentTitleDate = Form.useWatch(['basicInfo', 'currentTitleDate'], form);
  const appointmentDate = Form.useWatch(['basicInfo', 'appointmentDate'], form);
  const label = (name: string) => t(`fields.basicInfo.${name}`);

  const years = (date: string | null | undefined) => {
    const span = yearsAndMonthsSince(date);
    return span ? t('form.yearsMonths', span) : '-';
  };

  // A first visit starts from what the account knows (name, ID type); it may arrive after mount.
  const personName = person?.name;
  const personIdType = person?.idType;
  useEffect(() => {
    if (personName && !form.getFieldValue(['basicInfo', 'name'])) {
      form.setFieldValue(['basicInfo', 'name'], personName);
    }
    if (personIdType && !form.getFieldValue(['basicInfo', 'idType'])) {
      form.setFieldValue(['basicInfo', 'idType'], personIdType);
    }
  }, [form, personName, personIdType]);
  useLockedHolderFields(form, 'basicInfo', holder);

  const onValuesChange = (changed: Partial<Values>) => {
    markDirty(changed);
    const field = Object.keys(changed.basicInfo ?? {}).find((name): name is SelectionField =>
      (SELECTION_FIELDS as readonly string[]).includes(name),
    );
    if (!field) return;
    const current = form.getFieldValue('basicInfo') as BasicInfoInput;
    const next = cascadeChange(tree, current, field, current[field]);
    // 从事专业 must equal 申报专业范围: it follows the scope (and is cleared with it).
    const scopeChanged = field === 'seriesCode' || field === 'specialtyCode' || field === 'scopeCode';
    form.setFieldsValue({
      basicInfo: scopeChanged ? { ...next, practisedSpecialtyCode: next.scopeCode ?? null } : next,
    });
  };

  const item = (
    name: keyof BasicInfoInput,
    control: ReactNode,
    options: { required?: boolean; wide?: boolean; extra?: string } = {},
  ) => (
    <Form.Item
      name={['basicInfo', name]}
      label={label(name)}
      required={options.required}
      extra={isLocked(holder, name) ? t('basic.fromAccount') : options.extra}
      className={options.wide ? 'zc-span-2' : undefined}
    >
      {control}
    </Form.Item>
  );

  const select = (list: readonly string[]) => (
    <Select allowClear showSearch placeholder={t('choose')} options={words(list)} />
  );
  const catalogueSelect = (field: SelectionField) => {
    const options = optionsAt(tree, selection, field);
    return (
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={options.length ? t('choose') : t('basic.chooseAbove')}
        disabled={!editable || options.length === 0}
        options={options.map((node) => ({ value: node.code, label: node.name }))}
      />
    );
  };
  const scope = optionsAt(tree, selection, 'scopeCode').find((node) => node.code === selection.scopeCode);

  return (
    <div>
      <Form<Values>
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        disabled={!editable}
        initialValues={{ basicInfo: initial }}
        onValuesChange={onValuesChange}
        onFinish={(values) => void submit(values)}
        onFinishFailed={errors.showValidation}
        scrollToFirstError
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Typography.Paragraph type="secondary">{t('basic.requiredNote')}</Typography.Paragraph>
        <div className="zc-form-grid">
          {item('name', <Input maxLength={50} autoComplete="name" readOnly={isLocked(holder, 'name')} />, {
            required: true,
          })}
          {item('formerName', <Input maxLength={50} />)}
          {item(
            'gender',
            <Select
              placeholder={t('choose')}
              options={['MALE', 'FEMALE'].map((v) => ({ value: v, label: t(`enums.Gender.${v}`) }))}
            />,
            { required: true },
          )}
          {item('ethnicity', select(ETHNICITIES), { required: true })}
          {item('politicalStatus', select(POLITICAL_STATUSES), { required: true })}
          {item(
            'idType',
            <Select
              placeholder={t('choose')}
              disabled={isLocked(holder, 'idType') || !editable}
              options={['RESIDENT_ID', 'PASSPORT'].map((v) => ({ value: v, label: t(`enums.IdType.${v}`) }))}
            />,
            { required: true },
          )}
          {item(
            'idNumber',
            <Input maxLength={18} autoComplete="off" readOnly={isLocked(holder, 'idNumber')} />,
            {
              required: true,
            },
          )}
          {item(
            'mobile',
            <Input
              maxLength={11}
              inputMode="numeric"
              autoComplete="tel"
              readOnly={isLocked(holder, 'mobile')}
            />,
            {
              required: true,
            },
          )}
          {item('birthDate', <DateInput />, {
            required: true,
          })}
          {item('educationLevel', select(EDUCATION_LEVELS), { required: true })}
          {item('workStartDate', <DateInput />, { required: true })}
          {item('personnelType', select(PERSONNEL_TYPES), { required: true })}
          {item('workUnitName', <Input maxLength={100} readOnly={isLocked(holder, 'workUnitName')} />, {
            required: true,
          })}
          {item('unitType', select(UNIT_TYPES), { required: true })}
          {item('workNature', select(WORK_NATURES), { required: true })}
          {item('currentTitleName', <Input maxLength={50} />)}
          {item('currentTitleDate', <DateInput />)}
          <Form.Item label={t('basic.yearsSinceTitle')}>
            <output className="zc-computed" aria-live="polite">
              {years(currentTitleDate)}
            </output>
          </Form.Item>
          {item('appointmentDate', <DateInput />)}
          <Form.Item label={t('basic.yearsSinceAppointment')}>
            <output className="zc-computed" aria-live="polite">
              {years(appointmentDate)}
            </output>
          </Form.Item>
          {item('practiceQualificationName', <Input maxLength={50} />)}
          {item('practiceQualificationDate', <DateInput />)}
        </div>
        {usesCatalogue && (
          <fieldset className="zc-fieldset">
            <legend>{t('basic.catalogue')}</legend>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('basic.cascadeNote')} />
            <div className="zc-form-grid">
              {SELECTION_FIELDS.map((field) => (
                <Form.Item key={field} name={['basicInfo', field]} label={label(field)} required>
                  {catalogueSelect(field)}
                </Form.Item>
              ))}
              <Form.Item label={t('basic.category')}>
                <output className="zc-computed">
                  {vocabulary.status('DeclarationCategory', declaration.category, declaration.categoryText)}
                </output>
              </Form.Item>
              {exceptional &&
                item(
                  'exceptionalKind',
                  <Select
                    placeholder={t('choose')}
                    options={['EDUCATION', 'SENIORITY', 'TWO_EXPERTS'].map((v) => ({
                      value: v,
                      label: t(`enums.ExceptionalKind.${v}`),
                    }))}
                  />,
                  { required: true },
                )}
              {item(
                'practisedSpecialtyCode',
                <Select
                  allowClear
                  placeholder={scope ? t('choose') : t('basic.chooseScopeFirst')}
                  disabled={!editable || !scope}
                  options={scope ? [{ value: scope.code, label: scope.name }] : []}
                />,
                { required: true, extra: t('basic.practisedNote') },
              )}
            </div>
          </fieldset>
        )}
        <div className="zc-form-grid">
          {item(
            'yearsInSpecialty',
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />,
            {
              required: true,
            },
          )}
        </div>
      </Form>
      <ModuleSlots module={config.key} editable={editable} />
      <ModuleFooter
        formId={editable ? FORM_NAME : undefined}
        saving={saving}
        {...nav}
        onSaveAndNext={editable ? saveAndNext(nav.onNext) : undefined}
      />
    </div>
  );
}
