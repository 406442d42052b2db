import { useEffect } from 'react';
import { Alert, App, AutoComplete, Button, Descriptions, Form, Result, Select } from 'antd';
import {
  ErrorSummary,
  errorMessage,
  PageContainer,
  translateOrUndefined,
  useFormErrors,
  useHasRole,
  useMutation,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { graphql } from '../gql';
import type { UnitNature } from '../gql/graphql';

const UnitProfileQuery = graphql(`
  query UnitProfile {
    me {
      unit {
        id
        name
        creditCode
        regionCode
        nature
        competentDepartment {
          id
          name
        }
      }
    }
    organisations {
      id
      name
      kind
      regionCode
      enabled
    }
  }
`);

const UpdateUnitProfileMutation = graphql(`
  mutation UpdateUnitProfile($input: UnitProfileInput!) {
    updateUnitProfile(input: $input) {
      id
      regionCode
      nature
      competentDepartment {
        id
        name
      }
    }
  }
`);

const NATURES: UnitNature[] = ['ENTERPRISE', 'INSTITUTION', 'GOVERNMENT', 'SOCIAL_ORGANISATION', 'OTHER'];
const BUREAUS = ['PROVINCE_BUREAU', 'CITY_BUREAU', 'COUNTY_BUREAU'];
/** The Select's value for 无 (no competent department); the API takes null. */
const NONE = 'NONE';

interface Values {
  regionCode: string;
  nature: UnitNature;
  competentDepartmentId: string;
}

/**
 * 单位信息: the legal person keeps the unit's 所属行政区划, 工作单位性质 and 行政主管部门 (seed 004),
 * which decide who reviews its applicants' declarations (按人事管理权限逐级审核).
 */
export function UnitProfilePage() {
  const { t } = useTranslation('unitAudit');
  const { message } = App.useApp();
  const isLegalPerson = useHasRole('LEGAL_PERSON');
  const [{ data, error }] = useQuery({ query: UnitProfileQuery, pause: !isLegalPerson });
  const [{ fetching }, update] = useMutation(UpdateUnitProfileMutation);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const unit = data?.me?.unit;
  const organisations = (data?.organisations ?? []).filter((o) => o.enabled);
  const formName = 'unit-profile';

  useEffect(() => {
    if (unit)
      form.setFieldsValue({
        regionCode: unit.regionCode ?? '',
        nature: unit.nature ?? undefined,
        competentDepartmentId: unit.competentDepartment?.id ?? NONE,
      });
  }, [unit, form]);

  const breadcrumb = [{ title: t('home'), to: '/' }, { title: t('profile.title') }];
  if (!isLegalPerson)
    return (
      <PageContainer title={t('profile.title')} breadcrumb={breadcrumb}>
        <Result status="403" subTitle={t('profile.forbidden')} />
      </PageContainer>
    );

  const submit = async (values: Values) => {
    errors.clear();
    const result = await update({
      input: {
        regionCode: values.regionCode.trim(),
        nature: values.nature,
        competentDepartmentId: values.competentDepartmentId === NONE ? null : values.competentDepartmentId,
      },
    });
    if (result.error) errors.showError(result.error);
    else void message.success(t('profile.saved'));
  };

  return (
    <PageContainer title={t('profile.title')} breadcrumb={breadcrumb}>
      {error && <Alert type="error" showIcon title={errorMessage(error, translateOrUndefined)} />}
      {unit && (
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('profile.name')}>{unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('profile.creditCode')}>{unit.creditCode}</Descriptions.Item>
        </Descriptions>
      )}
      <Alert type="info" showIcon title={t('profile.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        name={formName}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={formName} />
        <Form.Item
          name="regionCode"
          label={t('profile.region')}
          extra={t('profile.regionHint')}
          rules={[{ required: true, whitespace: true, message: t('profile.regionRequired') }]}
        >
          <AutoComplete
            options={organisations
              .filter((o) => BUREAUS.includes(o.kind))
              .map((o) => ({ value: o.regionCode, label: `${o.regionCode} ${o.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="nature"
          label={t('profile.nature')}
          rules={[{ required: true, message: t('profile.natureRequired') }]}
        >
          <Select options={NATURES.map((n) => ({ value: n, label: t(`profile.natures.${n}`) }))} />
        </Form.Item>
        <Form.Item
          name="competentDepartmentId"
          label={t('profile.department')}
          extra={t('profile.departmentHint')}
        >
          <Select
            options={[
              { value: NONE, label: t('profile.none') },
              ...organisations
                .filter((o) => o.kind === 'DEPARTMENT')
                .map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('profile.save')}
        </Button>
      </Form>
    </PageContainer>
  );
}
