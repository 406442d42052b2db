import { useMemo, useState } from 'react';
import { Alert, Button, Cascader, Col, Form, Radio, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ErrorSummary, useClient, useFormErrors, useQuery, useTranslation } from '@zhicheng/web-kit';
import { nodesAtDepth } from '../declaration/catalogue';
import { CatalogueQuery, CommitteesQuery } from '../declaration/documents';
import { regionOptions } from '../declaration/regions';

interface LookupValues {
  regionCode: string;
  levelCode: string;
  specialty: string[];
}

export interface CommitteeLookupProps {
  noticeId: string;
  value: string | null;
  onChange: (committeeId: string | null) => void;
}

const FORM_NAME = 'committeeLookup';

/**
 * 评委会信息查询 (江苏 职称评审申报): 所属行政区划 + 申报级别 + 申报专业 → the committees open to
 * this notice; "未查到相关的评委会" when none is.
 */
export function CommitteeLookup({ noticeId, value, onChange }: CommitteeLookupProps) {
  const { t } = useTranslation('applicant');
  const client = useClient();
  const [form] = Form.useForm<LookupValues>();
  const errors = useFormErrors(form);
  const [{ data: catalogue }] = useQuery({ query: CatalogueQuery });
  const [found, setFound] = useState<{ id: string; name: string }[] | null>(null);
  const [searching, setSearching] = useState(false);

  const tree = useMemo(() => catalogue?.titleCatalogue ?? [], [catalogue]);
  const specialtyOptions = useMemo(
    () =>
      tree.map((series) => ({
        value: series.code,
        label: series.name,
        children: series.children.map((specialty) => ({ value: specialty.code, label: specialty.name })),
      })),
    [tree],
  );
  const levelOptions = useMemo(
    () => nodesAtDepth(tree, 4).map((level) => ({ value: level.code, label: level.name })),
    [tree],
  );

  const onSearch = async (values: LookupValues) => {
    errors.clear();
    onChange(null);
    setSearching(true);
    const result = await client
      .query(
        CommitteesQuery,
        {
          noticeId,
          regionCode: values.regionCode,
          levelCode: values.levelCode,
          specialtyCode: values.specialty[values.specialty.length - 1],
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setSearching(false);
    if (result.error) return void errors.showError(result.error);
    const list = result.data?.committees ?? [];
    setFound(list);
    if (list.length === 1) onChange(list[0].id);
  };

  return (
    <div>
      <Form
        form={form}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onSearch(values)}
        onFinishFailed={errors.showValidation}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="regionCode"
              label={t('committee.region')}
              rules={[{ required: true, message: t('committee.regionRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={regionOptions(t('committee.provinceLevel'))}
                placeholder={t('choose')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="levelCode"
              label={t('committee.level')}
              rules={[{ required: true, message: t('committee.levelRequired') }]}
            >
              <Select options={levelOptions} placeholder={t('choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="specialty"
              label={t('committee.specialty')}
              rules={[{ required: true, message: t('committee.specialtyRequired') }]}
            >
              <Cascader options={specialtyOptions} placeholder={t('choose')} showSearch />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={searching}>
          {t('committee.search')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {found && found.length === 0 && (
          <Alert type="warning" showIcon title={t('committee.none')} description={t('committee.noneHint')} />
        )}
        {found && found.length > 0 && (
          <Radio.Group
            value={value}
            onChange={(event) => onChange(event.target.value as string)}
            aria-label={t('committee.choose')}
          >
            <Space orientation="vertical">
              {found.map((committee) => (
                <Radio key={committee.id} value={committee.id}>
                  {committee.name}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        )}
      </div>
    </div>
  );
}
