import { useEffect, useMemo, type ReactNode } from 'react';
import { Form, Input, Radio, Select, Typography } from 'antd';
import { ErrorSummary, useTranslation } from '@zhicheng/web-kit';
import type { TalentBasicInfoInput } from '../../gql/graphql';
import { useCurrentBinding } from '../../binding/useCurrentBinding';
import { useWizard } from '../context';
import { isLocked, useAccountHolder, useLockedHolderFields } from './accountHolder';
import { DateInput } from './controls';
import { ModuleFooter, type ModuleNavigation } from './ModuleFooter';
import { ModuleSlots } from './ModuleSlots';
import type { ModuleConfigOf } from './types';
import { useModuleForm } from './useModuleForm';
import { EDUCATION_LEVELS } from './vocabulary';
import { TALENT_STANDARDS, TALENT_LEVEL_NAMES, talentLevelOf } from './talentStandards';

const FORM_NAME = 'talentBasicInfo';
type Values = { talentBasicInfo: TalentBasicInfoInput };

function clean(input: TalentBasicInfoInput): TalentBasicInfoInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'levelCode') continue; // derived by the server from the standard
    out[key] =
      value === undefined || value === '' ? null : typeof value === 'string' ? value.trim() || null : value;
  }
  return out as TalentBasicInfoInput;
}

/**
 * 人才分类定级 基本信息 with the seeds' conditions: 引进人才 ⇒ 从何地（单位）引进; 晋升认定 ⇒ 已在吉认定
 * 人才类别 and 认定日期; no long-term contract ⇒ 合同开始时间; the chosen standard sets the level.
 */
export function TalentBasicInfoForm({
  config,
  editable,
  nav,
}: {
  config: ModuleConfigOf;
  editable: boolean;
  nav: ModuleNavigation;
}) {
  const { t } = useTranslation('applicant');
  const { declaration } = useWizard();
  const [form] = Form.useForm<Values>();
  const toInput = useMemo(
    () => (values: Values) => ({ talentBasicInfo: clean(values.talentBasicInfo ?? {}) }),
    [],
  );
  const { errors, submit, saveAndNext, markDirty, saving } = useModuleForm(form, toInput);
  // The account holder's name, ID and bound unit are filled in and locked (the server checks them).
  const holder = useAccountHolder();
  const initial = { ...(declaration.modules.talentBasicInfo ?? {}), ...holder };
  const { person } = useCurrentBinding();
  // A first visit starts from the account's name and ID type.
  const personName = person?.name;
  const personIdType = person?.idType;
  useEffect(() => {
    if (personName && !form.getFieldValue(['talentBasicInfo', 'name'])) {
      form.setFieldValue(['talentBasicInfo', 'name'], personName);
    }
    if (personIdType && !form.getFieldValue(['talentBasicInfo', 'idType'])) {
      form.setFieldValue(['talentBasicInfo', 'idType'], personIdType);
    }
  }, [form, personName, personIdType]);
  useLockedHolderFields(form, 'talentBasicInfo', holder);
  const source = Form.useWatch(['talentBasicInfo', 'source'], form);
  const serviceType = Form.useWatch(['talentBasicInfo', 'serviceType'], form);
  const longTerm = Form.useWatch(['talentBasicInfo', 'longTermContract'], form);
  const standard = Form.useWatch(['talentBasicInfo', 'standardCode'], form);
  const label = (name: string) => t(`fields.talentBasicInfo.${name}`);
  const level = talentLevelOf(standard);

  const item = (name: keyof TalentBasicInfoInput, control: ReactNode, required = true) => (
    <Form.Item
      name={['talentBasicInfo', name]}
      label={label(name)}
      required={required}
      extra={isLocked(holder, name) ? t('basic.fromAccount') : undefined}
    >
      {control}
    </Form.Item>
  );
  const enumSelect = (enumName: string, values: string[], locked = false) => (
    <Select
      placeholder={t('choose')}
      disabled={locked || !editable}
      options={values.map((v) => ({ value: v, label: t(`enums.${enumName}.${v}`) }))}
    />
  );

  return (
    <div>
      <Form<Values>
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        disabled={!editable}
        initialValues={{ talentBasicInfo: initial }}
        onValuesChange={markDirty}
        onFinish={(values) => void submit(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Typography.Paragraph type="secondary">{t('basic.requiredNote')}</Typography.Paragraph>
        <div className="zc-form-grid">
          {item('name', <Input maxLength={50} readOnly={isLocked(holder, 'name')} />)}
          {item('gender', enumSelect('Gender', ['MALE', 'FEMALE']))}
          {item('idType', enumSelect('IdType', ['RESIDENT_ID', 'PASSPORT'], isLocked(holder, 'idType')))}
          {item('idNumber', <Input maxLength={18} readOnly={isLocked(holder, 'idNumber')} />)}
          {item('mobile', <Input maxLength={11} inputMode="numeric" readOnly={isLocked(holder, 'mobile')} />)}
          {item('birthDate', <DateInput />)}
          {item(
            'educationLevel',
            <Select
              placeholder={t('choose')}
              options={EDUCATION_LEVELS.map((w) => ({ value: w, label: w }))}
            />,
          )}
          {item('workUnitName', <Input maxLength={100} readOnly={isLocked(holder, 'workUnitName')} />)}
          {item('post', <Input maxLength={50} />)}
          {item(
            'source',
            <Radio.Group
              options={['INTRODUCED', 'IN_PROVINCE'].map((v) => ({
                value: v,
                label: t(`enums.TalentSource.${v}`),
              }))}
            />,
          )}
          {source === 'INTRODUCED' && item('introducedFrom', <Input maxLength={100} />)}
          {item(
            'serviceType',
            <Radio.Group
              options={['FIRST', 'PROMOTION'].map((v) => ({
                value: v,
                label: t(`enums.TalentServiceType.${v}`),
              }))}
            />,
          )}
          {serviceType === 'PROMOTION' && (
            <>
              {item(
                'previousCategoryCode',
                <Select
                  placeholder={t('choose')}
                  options={Object.entries(TALENT_LEVEL_NAMES).map(([value, name]) => ({
                    value,
                    label: name,
                  }))}
                />,
              )}
              {item('previousRecognitionDate', <DateInput />)}
            </>
          )}
          {item(
            'longTermContract',
            <Radio.Group
              options={[
                { value: true, label: t('form.yes') },
                { value: false, label: t('form.no') },
              ]}
            />,
          )}
          {longTerm === false && item('contractStartDate', <DateInput />)}
        </div>
        <Form.Item name={['talentBasicInfo', 'standardCode']} label={label('standardCode')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('choose')}
            options={TALENT_STANDARDS.map((s) => ({ value: s.code, label: `${s.code} ${s.text}` }))}
          />
        </Form.Item>
        <Form.Item label={label('levelCode')} extra={t('talent.levelNote')}>
          <output className="zc-computed">{level ? TALENT_LEVEL_NAMES[level] : '-'}</output>
        </Form.Item>
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
