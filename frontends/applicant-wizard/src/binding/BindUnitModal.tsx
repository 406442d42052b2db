import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ErrorSummary, useClient, useFormErrors, useMutation, useTranslation } from '@zhicheng/web-kit';
import type { UnitByCreditCodeQuery as UnitResult } from '../gql/graphql';
import { RequestBindingMutation, UnitByCreditCodeQuery } from './documents';

const FORM_NAME = 'bindUnit';
/** GB 32100: 18 characters of digits and capital letters without I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

type FoundUnit = NonNullable<UnitResult['unitByCreditCode']>;
type Search = { kind: 'found'; unit: FoundUnit } | { kind: 'notFound'; creditCode: string } | null;

export interface BindUnitModalProps {
  open: boolean;
  onClose: () => void;
}

/**
 * 去绑定: search a recommending unit by its 统一社会信用代码 (only the code is needed), then 绑定
 * sends the request; the unit approves or refuses it in its own desk.
 */
export function BindUnitModal({ open, onClose }: BindUnitModalProps) {
  const { t } = useTranslation('applicant');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<{ creditCode: string }>();
  const errors = useFormErrors(form);
  const [search, setSearch] = useState<Search>(null);
  const [searching, setSearching] = useState(false);
  const [requested, requestBinding] = useMutation(RequestBindingMutation);

  const onSearch = async ({ creditCode }: { creditCode: string }) => {
    errors.clear();
    setSearch(null);
    const code = creditCode.trim().toUpperCase();
    setSearching(true);
    const result = await client
      .query(UnitByCreditCodeQuery, { creditCode: code }, { requestPolicy: 'network-only' })
      .toPromise();
    setSearching(false);
    if (result.error) return void errors.showError(result.error);
    const unit = result.data?.unitByCreditCode;
    setSearch(unit ? { kind: 'found', unit } : { kind: 'notFound', creditCode: code });
  };

  const onBind = async (unit: FoundUnit) => {
    errors.clear();
    const result = await requestBinding({ unitId: unit.id }, { additionalTypenames: ['Binding'] });
    if (result.error) return void errors.showError(result.error);
    message.success(t('binding.requested', { unit: unit.name }));
    onClose();
  };

  const close = () => {
    setSearch(null);
    errors.clear();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('binding.bindTitle')}
      onCancel={close}
      footer={<Button onClick={close}>{tc('actions.cancel')}</Button>}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('binding.bindIntro')}</Typography.Paragraph>
      <Form
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onSearch(values)}
        onFinishFailed={errors.showValidation}
        preserve={false}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Form.Item label={t('binding.creditCode')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="creditCode"
              noStyle
              normalize={(value: string) => value.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: t('binding.creditCodeRequired') },
                {
                  validator: (_rule, value: string | undefined) =>
                    !value || CREDIT_CODE.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('binding.creditCodeInvalid'))),
                },
              ]}
            >
              <Input
                id={`${FORM_NAME}_creditCode`}
                maxLength={18}
                autoComplete="off"
                autoFocus
                aria-label={t('binding.creditCode')}
                placeholder={t('binding.creditCodePlaceholder')}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined aria-hidden />}
              loading={searching}
            >
              {t('binding.search')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {search?.kind === 'notFound' && (
          <Alert type="warning" showIcon title={t('binding.notFound', { code: search.creditCode })} />
        )}
        {search?.kind === 'found' && (
          <div className="zc-found-unit">
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'name', label: t('binding.unitName'), children: search.unit.name },
                { key: 'code', label: t('binding.creditCode'), children: search.unit.creditCode },
                { key: 'legal', label: t('binding.legalPerson'), children: search.unit.legalPersonName },
              ]}
            />
            {!search.unit.signedInOnce && (
              <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('binding.unitNotReady')} />
            )}
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              loading={requested.fetching}
              disabled={!search.unit.signedInOnce}
              onClick={() => void onBind(search.unit)}
            >
              {t('binding.bind')}
            </Button>
          </div>
        )}
      </div>
    </Modal>
  );
}
