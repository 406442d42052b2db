import { useEffect, useState } from 'react';
import { App as AntApp, Button, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { errorMessage, hasErrorCode } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { ErrorSummary } from '../ui/ErrorSummary';
import { useFormErrors } from '../ui/useFormErrors';
import type { CommitteeResult, ModuleKey, OpinionKind, ReturnTarget, ReviewDecision } from '../gql/graphql';
import {
  CommonOpinionsQuery,
  DecideReviewMutation,
  RecordCommitteeResultMutation,
  RecordTalentResultMutation,
  SaveCommonOpinionMutation,
} from './documents';
import { useWords } from '../vocabulary';

/** 常用意见 (built-in and the reviewer's own) to fill the opinion, and 保存为常用意见. */
export function CommonOpinionPicker({
  kind,
  value,
  onPick,
}: {
  kind: OpinionKind | undefined;
  value: string | undefined;
  onPick: (text: string) => void;
}) {
  const { t } = useTranslation('review');
  const { message } = AntApp.useApp();
  const [{ data }, refetch] = useQuery({
    query: CommonOpinionsQuery,
    variables: { kind: kind ?? 'PASS' },
    pause: !kind,
  });
  const [saving, save] = useMutation(SaveCommonOpinionMutation);
  return (
    <Space wrap>
      <Select
        aria-label={t('decide.commonOpinions')}
        placeholder={t('decide.pickOpinion')}
        style={{ minWidth: 280 }}
        disabled={!kind}
        value={null}
        onChange={(text: string | null) => text && onPick(text)}
        options={(data?.commonOpinions ?? []).map((opinion) => ({
          value: opinion.text,
          // A built-in opinion is Chinese text that goes into the record as written (data, not UI).
          label: opinion.custom ? `★ ${opinion.text}` : <span lang="zh-CN">{opinion.text}</span>,
        }))}
      />
      <Button
        disabled={!kind || !value?.trim()}
        loading={saving.fetching}
        onClick={async () => {
          if (!kind || !value?.trim()) return;
          const result = await save({ kind, text: value.trim() });
          if (result.error) message.error(errorMessage(result.error, translateOrUndefined));
          else {
            message.success(t('decide.savedCommon'));
            refetch({ requestPolicy: 'network-only' });
          }
        }}
      >
        {t('decide.saveAsCommon')}
      </Button>
    </Space>
  );
}

interface DecideValues {
  decision?: ReviewDecision;
  modules?: ModuleKey[];
  target?: ReturnTarget;
  opinion?: string;
}

export interface ReviewDecisionFormProps {
  declarationId: string;
  taskSequence: number;
  decisions: readonly ReviewDecision[];
  returnTargets: readonly ReturnTarget[];
  /** The modules shown, for 退回模块. */
  modules: readonly { key: ModuleKey; name: string }[];
  /** Modules marked 有误 (pre-selected for a return). */
  flagged: readonly ModuleKey[];
  onDone: (statusText: string) => void;
  /** Someone else decided first: reload. */
  onConflict: () => void;
}

/** 审核: 通过 / 退回修改 (modules, target) / 审核不通过终止审核, 审核意见 (required, ≤500), 提交. */
export function ReviewDecisionForm(props: ReviewDecisionFormProps) {
  const { t } = useTranslation('review');
  const words = useWords();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DecideValues>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [state, decide] = useMutation(DecideReviewMutation);
  const decision = Form.useWatch('decision', form);
  const opinion = Form.useWatch('opinion', form);
  const [confirming, setConfirming] = useState(false);
  const flaggedKey = props.flagged.join(',');

  // 退回模块 follow the 有误 marks until the reviewer picks modules themselves.
  useEffect(() => {
    if (!form.isFieldTouched('modules'))
      form.setFieldsValue({ modules: flaggedKey ? (flaggedKey.split(',') as ModuleKey[]) : [] });
  }, [flaggedKey, form, decision]);

  const submit = async (values: DecideValues) => {
    clear();
    const result = await decide({
      declarationId: props.declarationId,
      taskSequence: props.taskSequence,
      decision: values.decision!,
      opinion: values.opinion!.trim(),
      modules: values.decision === 'RETURN' ? values.modules : undefined,
      target: values.decision === 'RETURN' ? values.target : undefined,
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) {
        message.warning(t('decide.conflict'));
        props.onConflict();
        return;
      }
      showError(result.error);
      return;
    }
    const answered = result.data?.decideReview;
    const status = words.status('DeclarationStatus', answered?.status, answered?.statusText);
    message.success(t('decide.done', { status }));
    props.onDone(status);
  };

  return (
    <Form<DecideValues>
      form={form}
      name="review-decision"
      layout="vertical"
      initialValues={{ modules: [...props.flagged], target: props.returnTargets[0] }}
      onFinish={(values) => {
        if (values.decision === 'TERMINATE') setConfirming(true);
        else void submit(values);
      }}
      onFinishFailed={showValidation}
    >
      <ErrorSummary problems={problems} formName="review-decision" />
      <Form.Item
        name="decision"
        label={t('decide.decision')}
        rules={[{ required: true, message: t('decide.decisionRequired') }]}
      >
        <Radio.Group>
          {props.decisions.map((value) => (
            <Radio key={value} value={value}>
              {t(`decide.${value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {decision === 'RETURN' && (
        <>
          <Form.Item
            name="modules"
            label={t('decide.modules')}
            extra={t('decide.modulesHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('decide.modulesRequired') }]}
          >
            <Checkbox.Group
              options={props.modules.map((module) => ({ value: module.key, label: module.name }))}
            />
          </Form.Item>
          <Form.Item
            name="target"
            label={t('decide.target')}
            rules={[{ required: true, message: t('decide.targetRequired') }]}
          >
            <Radio.Group>
              {props.returnTargets.map((target) => (
                <Radio key={target} value={target}>
                  {t(`decide.targets.${target}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </>
      )}
      <Form.Item label={t('decide.commonOpinions')}>
        <CommonOpinionPicker
          kind={decision}
          value={opinion}
          onPick={(text) => form.setFieldsValue({ opinion: text })}
        />
      </Form.Item>
      <Form.Item
        name="opinion"
        label={t('decide.opinion')}
        rules={[
          { required: true, whitespace: true, message: t('decide.opinionRequired') },
          { max: 500, message: t('decide.opinionTooLong') },
        ]}
      >
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" autoInsertSpace={false} loading={state.fetching}>
        {t('decide.submit')}
      </Button>
      <Modal
        open={confirming}
        title={t('decide.TERMINATE')}
        onCancel={() => setConfirming(false)}
        onOk={() => {
          setConfirming(false);
          void submit(form.getFieldsValue());
        }}
      >
        {t('decide.confirmTerminate')}
      </Modal>
    </Form>
  );
}

interface CommitteeValues {
  result?: CommitteeResult;
  opinion?: string;
}

const RESULT_OPINION: Record<CommitteeResult, OpinionKind> = {
  PASS: 'COMMITTEE_PASS',
  FAIL: 'COMMITTEE_FAIL',
  DEFER: 'COMMITTEE_DEFER',
};

/** 评审结果 (committee secretary): 通过 / 不通过 / 暂缓 with an opinion. */
export function CommitteeResultForm({
  declarationId,
  taskSequence,
  results,
  onDone,
  onConflict,
}: {
  declarationId: string;
  taskSequence?: number | null;
  results: readonly CommitteeResult[];
  onDone: (statusText: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation('review');
  const words = useWords();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CommitteeValues>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [state, record] = useMutation(RecordCommitteeResultMutation);
  const result = Form.useWatch('result', form);
  const opinion = Form.useWatch('opinion', form);
  return (
    <Form<CommitteeValues>
      form={form}
      name="committee-result"
      layout="vertical"
      onFinishFailed={showValidation}
      onFinish={async (values) => {
        clear();
        const answer = await record({
          declarationId,
          taskSequence: taskSequence ?? undefined,
          result: values.result!,
          opinion: values.opinion!.trim(),
        });
        if (answer.error) {
          if (hasErrorCode(answer.error, 'CONFLICT')) {
            message.warning(t('decide.conflict'));
            onConflict();
          } else showError(answer.error);
          return;
        }
        const answered = answer.data?.recordCommitteeResult;
        const status = words.status('DeclarationStatus', answered?.status, answered?.statusText);
        message.success(t('committee.done', { status }));
        onDone(status);
      }}
    >
      <ErrorSummary problems={problems} formName="committee-result" />
      <Form.Item
        name="result"
        label={t('committee.result')}
        rules={[{ required: true, message: t('committee.resultRequired') }]}
      >
        <Radio.Group>
          {results.map((value) => (
            <Radio key={value} value={value}>
              {t(`committee.${value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('decide.commonOpinions')}>
        <CommonOpinionPicker
          kind={result ? RESULT_OPINION[result] : undefined}
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
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" autoInsertSpace={false} loading={state.fetching}>
        {t('committee.submit')}
      </Button>
    </Form>
  );
}

interface TalentValues {
  result?: CommitteeResult;
  levelCode?: string;
  opinion?: string;
}

export interface TalentLevelOption {
  code: string;
  name: string;
}

/**
 * 人才分类定级 评审结果 (the bureau at the route's last seat, after 材料审核通过): 通过 with the
 * class awarded (the one applied for unless changed), 不通过 or 暂缓, with an opinion. 通过 and
 * 不通过 are final, so they are confirmed first.
 */
export function TalentResultForm({
  declarationId,
  taskSequence,
  results,
  levels,
  appliedLevel,
  onDone,
  onConflict,
}: {
  declarationId: string;
  taskSequence?: number | null;
  results: readonly CommitteeResult[];
  levels: readonly TalentLevelOption[];
  appliedLevel: TalentLevelOption | null | undefined;
  onDone: (statusText: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation('review');
  const words = useWords();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TalentValues>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [state, record] = useMutation(RecordTalentResultMutation);
  const result = Form.useWatch('result', form);
  const opinion = Form.useWatch('opinion', form);
  const [confirming, setConfirming] = useState<TalentValues | null>(null);

  const submit = async (values: TalentValues) => {
    clear();
    const answer = await record({
      declarationId,
      taskSequence: taskSequence ?? undefined,
      result: values.result!,
      opinion: values.opinion!.trim(),
      levelCode: values.result === 'PASS' ? values.levelCode : undefined,
    });
    if (answer.error) {
      if (hasErrorCode(answer.error, 'CONFLICT')) {
        message.warning(t('decide.conflict'));
        onConflict();
      } else showError(answer.error);
      return;
    }
    const answered = answer.data?.recordTalentResult;
    const status = words.status('DeclarationStatus', answered?.status, answered?.statusText);
    message.success(t('committee.done', { status }));
    onDone(status);
  };
  const levelName = (code: string | undefined) => levels.find((l) => l.code === code)?.name ?? code ?? '';

  return (
    <Form<TalentValues>
      form={form}
      name="talent-result"
      layout="vertical"
      initialValues={{ levelCode: appliedLevel?.code }}
      onFinishFailed={showValidation}
      onFinish={(values) => {
        if (values.result === 'DEFER') void submit(values);
        else setConfirming(values);
      }}
    >
      <ErrorSummary problems={problems} formName="talent-result" />
      <p>{t('talent.hint')}</p>
      <Form.Item
        name="result"
        label={t('committee.result')}
        rules={[{ required: true, message: t('committee.resultRequired') }]}
      >
        <Radio.Group>
          {results.map((value) => (
            <Radio key={value} value={value}>
              {t(`committee.${value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {result === 'PASS' && (
        <Form.Item
          name="levelCode"
          label={t('talent.level')}
          extra={appliedLevel ? t('talent.levelHint', { applied: appliedLevel.name }) : undefined}
          rules={[{ required: true, message: t('talent.levelRequired') }]}
        >
          <Select
            style={{ maxWidth: 240 }}
            options={levels.map((level) => ({ value: level.code, label: level.name }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('decide.commonOpinions')}>
        <CommonOpinionPicker
          kind={result ? RESULT_OPINION[result] : undefined}
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
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" autoInsertSpace={false} loading={state.fetching}>
        {t('committee.submit')}
      </Button>
      <Modal
        open={confirming !== null}
        title={t('talent.title')}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          const values = confirming;
          setConfirming(null);
          if (values) void submit(values);
        }}
      >
        {confirming?.result === 'PASS'
          ? t('talent.confirmPass', { level: levelName(confirming.levelCode) })
          : t('talent.confirmFail')}
      </Modal>
    </Form>
  );
}
