import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../graphql/errors';
import { ErrorSummary } from '../ui/ErrorSummary';
import { useFormErrors } from '../ui/useFormErrors';
import type { CommitteeResult } from '../gql/graphql';
import { RecordCommitteeResultsMutation } from './documents';
import { CommonOpinionPicker } from './ReviewDecisionForm';
import './i18n';

interface Values {
  result?: CommitteeResult;
  opinion?: string;
}

const RESULTS: readonly CommitteeResult[] = ['PASS', 'FAIL', 'DEFER'];
const OPINION_KIND = { PASS: 'COMMITTEE_PASS', FAIL: 'COMMITTEE_FAIL', DEFER: 'COMMITTEE_DEFER' } as const;

/**
 * 批量录入评审结果 (committee secretary): one result and opinion for the declarations ticked in the
 * 待审 / 暂缓 list, confirmed with their count; all recorded or none (the server checks each).
 */
export function CommitteeBatchPanel({
  selected,
  onDone,
}: {
  selected: readonly string[];
  onDone: () => void;
}) {
  const { t } = useTranslation('review');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [state, record] = useMutation(RecordCommitteeResultsMutation);
  const [confirming, setConfirming] = useState(false);
  const result = Form.useWatch('result', form);
  const opinion = Form.useWatch('opinion', form);

  const send = async () => {
    setConfirming(false);
    clear();
    const values = form.getFieldsValue();
    const answer = await record({
      declarationIds: [...selected],
      result: values.result!,
      opinion: values.opinion!.trim(),
    });
    if (answer.error) {
      showError(answer.error);
      if (hasErrorCode(answer.error, 'CONFLICT') || hasErrorCode(answer.error, 'NOT_FOUND')) onDone();
      return;
    }
    message.success(t('committee.batchDone', { count: answer.data?.recordCommitteeResults.length ?? 0 }));
    form.resetFields();
    onDone();
  };

  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('committee.batchTitle')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('committee.batchHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="committee-batch"
        layout="vertical"
        onFinishFailed={showValidation}
        onFinish={() => setConfirming(true)}
      >
        <ErrorSummary problems={problems} formName="committee-batch" />
        <Form.Item
          name="result"
          label={t('committee.result')}
          rules={[{ required: true, message: t('committee.resultRequired') }]}
        >
          <Radio.Group>
            {RESULTS.map((value) => (
              <Radio key={value} value={value}>
                {t(`committee.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('decide.commonOpinions')}>
          <CommonOpinionPicker
            kind={result ? OPINION_KIND[result] : undefined}
            value={opinion}
            onPick={(text) => form.setFieldsValue({ opinion: text })}
          />
        </Form.Item>
        <Form.Item
          name="opinion"
          label={t('committee.opinion')}
          rules={[
            { required: true, whitespace: true, message: t('decide.opinionRequired') },
            { max: 500, message: t('decide.opinionTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Typography.Paragraph>
          {selected.length === 0
            ? t('committee.batchNeedSelection')
            : t('committee.batchSelected', { count: selected.length })}
        </Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          disabled={selected.length === 0}
          loading={state.fetching}
          autoInsertSpace={false}
        >
          {t('committee.batchSubmit')}
        </Button>
      </Form>
      <Modal
        open={confirming}
        title={t('committee.batchConfirmTitle')}
        okText={t('committee.batchConfirmOk', { count: selected.length })}
        cancelText={t('batch.cancel')}
        onOk={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        {t('committee.batchConfirm', {
          count: selected.length,
          result: result ? t(`committee.${result}`) : '',
        })}
      </Modal>
    </Card>
  );
}
