import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import {
  ErrorSummary,
  MaskedId,
  useFormErrors,
  useMutation,
  useQuery,
  useTranslation,
} from '@zhicheng/web-kit';
import { graphql } from '../../gql';
import type { BindingRequest } from './BindingRequestsTable';

const DecideBindingMutation = graphql(`
  mutation DecideBinding($id: ID!, $approve: Boolean!, $opinion: String!) {
    decideBinding(id: $id, approve: $approve, opinion: $opinion) {
      ...BindingRequestRow
    }
  }
`);

// Opening one request to decide it reads the applicant's full ID number (issue 10 item 11): only
// this request's, only while it waits, and recorded for the applicant (谁查看了我的信息).
const BindingApplicantIdQuery = graphql(`
  query BindingApplicantId($id: ID!) {
    bindingRequest(id: $id) {
      id
      person {
        id
        idNumber
      }
    }
  }
`);

const FORM_NAME = 'decideBinding';
const OPINION_MAX = 200;

export interface DecideBindingModalProps {
  request: BindingRequest | null;
  /** 通过 (true) or 审核不通过终止审核 (false). */
  approve: boolean;
  open: boolean;
  onClose: () => void;
}

/** 通过 / 不通过 a binding request with the required 办件意见 (≤200 characters). */
export function DecideBindingModal({ request, approve, open, onClose }: DecideBindingModalProps) {
  const { t } = useTranslation('unitAudit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, decide] = useMutation(DecideBindingMutation);
  // Read once per opened request: the decision's cache refresh must not read (and log) it again.
  const [shown, setShown] = useState<{ id: string; idNumber: string } | null>(null);
  const fullIdNumber = shown && shown.id === request?.id ? shown.idNumber : null;
  const [applicantId] = useQuery({
    query: BindingApplicantIdQuery,
    variables: { id: request?.id ?? '' },
    pause: !open || request === null || request.status !== 'PENDING' || fullIdNumber !== null,
    requestPolicy: 'network-only',
  });
  const loaded = applicantId.data?.bindingRequest;
  useEffect(() => {
    if (loaded?.person.idNumber) setShown({ id: loaded.id, idNumber: loaded.person.idNumber });
  }, [loaded]);
  const common: string[] = t(approve ? 'decide.commonApprove' : 'decide.commonRefuse', {
    returnObjects: true,
  }) as string[];

  const onFinish = async ({ opinion }: { opinion: string }) => {
    if (!request) return;
    errors.clear();
    const result = await decide({ id: request.id, approve, opinion: opinion.trim() });
    if (result.error) return void errors.showError(result.error);
    message.success(t(approve ? 'decide.approved' : 'decide.refused', { name: request.person.name }));
    onClose();
  };

  return (
    <Modal
      open={open && request !== null}
      title={t(approve ? 'decide.approveTitle' : 'decide.refuseTitle', { name: request?.person.name ?? '' })}
      onCancel={onClose}
      okText={approve ? t('bindings.actions.approve') : t('bindings.actions.refuse')}
      cancelText={tc('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_NAME, loading: fetching, danger: !approve }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {request && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'name', label: t('bindings.columns.name'), children: request.person.name },
            fullIdNumber
              ? {
                  key: 'id',
                  label: t('decide.fullIdNumber'),
                  children: (
                    <Flex vertical>
                      <Typography.Text copyable className="zc-id-number">
                        {fullIdNumber}
                      </Typography.Text>
                      <Typography.Text type="secondary">{t('decide.fullIdNumberNote')}</Typography.Text>
                    </Flex>
                  ),
                }
              : {
                  key: 'id',
                  label: t('bindings.columns.idNumber'),
                  children: (
                    <>
                      <MaskedId value={request.person.idNumberMasked} />
                      {applicantId.fetching && (
                        <Typography.Text type="secondary"> {t('decide.fullIdNumberLoading')}</Typography.Text>
                      )}
                    </>
                  ),
                },
            { key: 'mobile', label: t('bindings.columns.mobile'), children: request.person.mobileMasked },
          ]}
        />
      )}
      <Form
        form={form}
        id={FORM_NAME}
        name={FORM_NAME}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={errors.showValidation}
        preserve={false}
      >
        <ErrorSummary problems={errors.problems} formName={FORM_NAME} />
        <Form.Item
          name="opinion"
          label={t('decide.opinion')}
          rules={[
            { required: true, whitespace: true, message: t('decide.opinionRequired') },
            { max: OPINION_MAX, message: t('decide.opinionTooLong', { max: OPINION_MAX }) },
          ]}
          extra={
            <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('decide.common')}</Typography.Text>
              {common.map((text) => (
                <Button
                  key={text}
                  size="small"
                  onClick={() => form.setFieldsValue({ opinion: text })}
                  aria-label={t('decide.useCommon', { text })}
                >
                  {text}
                </Button>
              ))}
            </Flex>
          }
        >
          <Input.TextArea rows={3} maxLength={OPINION_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
