import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Popconfirm, Segmented, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';
import { ErrorSummary } from '../ui/ErrorSummary';
import { PageContainer, type Crumb } from '../ui/PageContainer';
import { useFormErrors } from '../ui/useFormErrors';
import type { OpinionKind } from '../gql/graphql';
import { CommonOpinionsQuery, DeleteCommonOpinionMutation, SaveCommonOpinionMutation } from './documents';
import './i18n';

/** 常用意见管理: the built-in opinions of a kind and the reviewer's own (add, delete). */
export function CommonOpinionsPage({
  kinds,
  breadcrumb,
}: {
  kinds: readonly OpinionKind[];
  breadcrumb?: Crumb[];
}) {
  const { t } = useTranslation('review');
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<OpinionKind>(kinds[0]);
  const [{ data, fetching }, refetch] = useQuery({ query: CommonOpinionsQuery, variables: { kind } });
  const [saving, save] = useMutation(SaveCommonOpinionMutation);
  const [, remove] = useMutation(DeleteCommonOpinionMutation);
  const [form] = Form.useForm<{ text?: string }>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  return (
    <PageContainer title={t('opinions.title')} breadcrumb={breadcrumb}>
      <Segmented<OpinionKind>
        aria-label={t('opinions.kind')}
        value={kind}
        onChange={setKind}
        options={kinds.map((value) => ({ value, label: t(`opinions.kinds.${value}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        name="common-opinion"
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinishFailed={showValidation}
        onFinish={async (values) => {
          clear();
          const answer = await save({ kind, text: values.text!.trim() });
          if (answer.error) {
            showError(answer.error);
            return;
          }
          message.success(t('opinions.saved'));
          form.resetFields();
          refetch({ requestPolicy: 'network-only' });
        }}
      >
        <ErrorSummary problems={problems} formName="common-opinion" />
        <Form.Item
          name="text"
          label={t('opinions.text')}
          rules={[
            { required: true, whitespace: true, message: t('opinions.textRequired') },
            { max: 500, message: t('decide.opinionTooLong') },
          ]}
          style={{ minWidth: 400 }}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" autoInsertSpace={false} loading={saving.fetching}>
          {t('opinions.add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        loading={fetching}
        pagination={false}
        dataSource={data?.commonOpinions ?? []}
        locale={{ emptyText: t('opinions.empty') }}
        columns={[
          {
            key: 'text',
            title: t('opinions.text'),
            // A built-in opinion is Chinese text that goes into the record as written (data, not UI).
            render: (_, row) => (row.custom ? row.text : <span lang="zh-CN">{row.text}</span>),
          },
          {
            key: 'custom',
            title: t('opinions.kind'),
            render: (_, row) => <Tag>{row.custom ? t('opinions.own') : t('opinions.builtIn')}</Tag>,
          },
          {
            key: 'actions',
            title: t('queue.actions'),
            render: (_, row) =>
              row.custom ? (
                <Popconfirm
                  title={t('opinions.confirmDelete')}
                  onConfirm={async () => {
                    const answer = await remove({ id: row.id });
                    if (answer.error) message.error(errorMessage(answer.error, translateOrUndefined));
                    else {
                      message.success(t('opinions.deleted'));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                >
                  <Button
                    type="link"
                    danger
                    autoInsertSpace={false}
                    aria-label={`${t('opinions.delete')} ${row.text}`}
                  >
                    {t('opinions.delete')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
