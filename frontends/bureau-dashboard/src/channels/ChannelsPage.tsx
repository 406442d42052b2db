import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorMessage,
  fieldProblemsOf,
  normaliseFieldPath,
  PageContainer,
  translateOrUndefined,
  useFormErrors,
  useMutation,
  useQuery,
  useTranslation,
  type Crumb,
  type Problem,
} from '@zhicheng/web-kit';
import type {
  BusinessFormKind,
  ChannelFieldsFragment,
  ChannelGroup,
  ChannelInput,
  ChannelOutcome,
  ReviewLevel,
} from '../gql/graphql';
import {
  CreateChannelMutation,
  NoticeEditorDataQuery,
  ReinstateChannelMutation,
  RetireChannelMutation,
  UpdateChannelMutation,
} from '../notices/documents';
import { FormConfigEditor } from '../notices/FormConfigEditor';
import { toFormValue, type FormValue } from '../notices/formConfig';

const LEVELS: ReviewLevel[] = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'];
const GROUPS: ChannelGroup[] = [
  'TITLE_REVIEW',
  'HIGH_LEVEL_RECOGNITION',
  'SECOND_LEVEL_POST',
  'SECOND_LEVEL_POST_ASSESSMENT',
  'THIRD_LEVEL_POST_ASSESSMENT',
  'TALENT_CLASSIFICATION',
  'JIANGSU_TITLE',
];
const FORMS: BusinessFormKind[] = ['REVIEW_LIST', 'PUBLICITY', 'TALENT_APPLICATION'];

interface Values {
  code: string;
  name: string;
  group: ChannelGroup;
  sortOrder?: number | null;
  route: ReviewLevel[];
  outcomeAfterRoute: ChannelOutcome;
  requiresCommittee: boolean;
  allowsExceptional: boolean;
  usesTitleCatalogue: boolean;
  businessForms: BusinessFormKind[];
}

type Editing = { channel: ChannelFieldsFragment | null };

/** 申报通道管理: channels are data — list, create, edit (rules fixed once notices use them), retire. */
export function ChannelsPage({ breadcrumb }: { breadcrumb: Crumb[] }) {
  const { t } = useTranslation('bureau');
  const { message, modal } = App.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NoticeEditorDataQuery,
    variables: { includeRetired: true },
  });
  const [, createChannel] = useMutation(CreateChannelMutation);
  const [, updateChannel] = useMutation(UpdateChannelMutation);
  const [, retire] = useMutation(RetireChannelMutation);
  const [, reinstate] = useMutation(ReinstateChannelMutation);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [formConfig, setFormConfig] = useState<FormValue | null>(null);
  const [formProblems, setFormProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form);
  const channels = data?.channels ?? [];
  const groupNames = useMemo(() => {
    const names: Partial<Record<ChannelGroup, string>> = {};
    for (const c of data?.channels ?? []) names[c.group] = c.groupName;
    return names;
  }, [data]);
  const moduleCatalogue = useMemo(
    () =>
      toFormValue({ innovationTextLimit: 0, modules: data?.formModuleCatalogue ?? [], attachments: [] })
        .modules,
    [data],
  );
  const slotCatalogue = useMemo(
    () =>
      toFormValue({ innovationTextLimit: 0, modules: [], attachments: data?.attachmentSlotCatalogue ?? [] })
        .attachments,
    [data],
  );

  const open = (channel: ChannelFieldsFragment | null) => {
    formErrors.clear();
    setFormProblems([]);
    const from = channel ?? channels[0];
    form.setFieldsValue({
      code: channel?.code ?? '',
      name: channel?.name ?? '',
      group: from?.group ?? 'TITLE_REVIEW',
      sortOrder: channel?.sortOrder ?? null,
      route: from?.route ?? ['UNIT', 'BUREAU'],
      outcomeAfterRoute: from?.outcomeAfterRoute ?? 'FINALLY_APPROVED',
      requiresCommittee: from?.requiresCommittee ?? false,
      allowsExceptional: from?.allowsExceptional ?? false,
      usesTitleCatalogue: from?.usesTitleCatalogue ?? true,
      businessForms: from?.businessForms ?? [],
    });
    setFormConfig(from ? toFormValue(from.defaultFormConfig) : null);
    setEditing({ channel });
  };

  const onSave = async () => {
    if (!editing || !formConfig) return;
    formErrors.clear();
    setFormProblems([]);
    const values = form.getFieldsValue(true) as Values;
    const input: ChannelInput = {
      name: values.name,
      group: values.group,
      sortOrder: values.sortOrder ?? null,
      route: LEVELS.filter((level) => values.route.includes(level)),
      outcomeAfterRoute: values.outcomeAfterRoute,
      requiresCommittee: values.requiresCommittee,
      allowsExceptional: values.allowsExceptional,
      usesTitleCatalogue: values.usesTitleCatalogue,
      businessForms: values.businessForms,
      defaultFormConfig: formConfig,
    };
    setSaving(true);
    try {
      const result = editing.channel
        ? await updateChannel({ code: editing.channel.code, input })
        : await createChannel({ code: values.code.trim(), input });
      if (result.error) {
        formErrors.showError(result.error);
        setFormProblems(
          fieldProblemsOf(result.error).map((p) => ({
            field: normaliseFieldPath(p.field),
            message: p.message,
          })),
        );
        return;
      }
      message.success(t('channels.saved'));
      setEditing(null);
      refetch({ requestPolicy: 'network-only' });
    } finally {
      setSaving(false);
    }
  };

  const toggleRetired = (channel: ChannelFieldsFragment) =>
    modal.confirm({
      title: channel.retiredAt
        ? t('channels.reinstateConfirm', { name: channel.name })
        : t('channels.retireConfirm', { name: channel.name }),
      content: channel.retiredAt ? undefined : t('channels.retireHint'),
      okText: t('notices.confirm'),
      cancelText: t('notices.cancel'),
      onOk: async () => {
        const result = channel.retiredAt
          ? await reinstate({ code: channel.code })
          : await retire({ code: channel.code });
        if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
        message.success(channel.retiredAt ? t('channels.reinstated') : t('channels.retired'));
        refetch({ requestPolicy: 'network-only' });
      },
    });

  return (
    <PageContainer
      title={t('channels.title')}
      breadcrumb={breadcrumb}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open(null)}>
          {t('channels.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('channels.hint')}</Typography.Paragraph>
      {error && <Typography.Text type="danger">{errorMessage(error, translateOrUndefined)}</Typography.Text>}
      <Table<ChannelFieldsFragment>
        rowKey="code"
        loading={fetching}
        dataSource={channels}
        pagination={false}
        scroll={{ x: 'max-content' }}
        caption={<span className="zc-visually-hidden">{t('channels.title')}</span>}
        columns={[
          { title: t('channels.group'), key: 'group', render: (_v, c) => c.groupName },
          { title: t('channels.name'), key: 'name', render: (_v, c) => c.name },
          { title: t('channels.code'), key: 'code', render: (_v, c) => <code>{c.code}</code> },
          {
            title: t('channels.route'),
            key: 'route',
            render: (_v, c) => c.route.map((level) => t(`noticeEdit.level.${level}`)).join(' → '),
          },
          {
            title: t('channels.status'),
            key: 'status',
            render: (_v, c) =>
              c.retiredAt ? (
                <Tag>{t('channels.retiredTag')}</Tag>
              ) : (
                <Tag color="success">{t('channels.active')}</Tag>
              ),
          },
          {
            title: t('notices.actions'),
            key: 'actions',
            render: (_v, c) => (
              <Space size={0}>
                <Button type="link" onClick={() => open(c)} aria-label={`${t('notices.edit')} ${c.name}`}>
                  {t('notices.edit')}
                </Button>
                <Button
                  type="link"
                  danger={!c.retiredAt}
                  onClick={() => toggleRetired(c)}
                  aria-label={`${c.retiredAt ? t('channels.reinstate') : t('channels.retire')} ${c.name}`}
                >
                  {c.retiredAt ? t('channels.reinstate') : t('channels.retire')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={!!editing}
        size="large"
        title={
          editing?.channel
            ? t('channels.editTitle', { name: editing.channel.name })
            : t('channels.createTitle')
        }
        onClose={() => setEditing(null)}
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>{t('notices.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void onSave()}>
              {t('channels.save')}
            </Button>
          </Space>
        }
      >
        <ErrorSummary problems={formErrors.problems} formName="channel" />
        <Form<Values> form={form} name="channel" layout="vertical">
          <Flex gap={12} wrap>
            <Form.Item
              name="code"
              label={t('channels.code')}
              extra={t('channels.codeHint')}
              style={{ minWidth: 220 }}
            >
              <Input disabled={!!editing?.channel} />
            </Form.Item>
            <Form.Item name="name" label={t('channels.name')} style={{ minWidth: 240, flex: 1 }}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="sortOrder" label={t('channels.sortOrder')}>
              <InputNumber min={0} />
            </Form.Item>
          </Flex>
          <Form.Item name="group" label={t('channels.group')}>
            <Select options={GROUPS.map((g) => ({ value: g, label: groupNames[g] ?? g }))} />
          </Form.Item>
          <Form.Item name="route" label={t('channels.route')}>
            <Checkbox.Group
              options={LEVELS.map((level) => ({ value: level, label: t(`noticeEdit.level.${level}`) }))}
            />
          </Form.Item>
          <Form.Item name="outcomeAfterRoute" label={t('channels.outcome')}>
            <Radio.Group
              options={[
                { value: 'FINALLY_APPROVED', label: t('channels.outcomeFinal') },
                { value: 'MATERIALS_APPROVED', label: t('channels.outcomeMaterials') },
              ]}
            />
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item
              name="allowsExceptional"
              label={t('channels.allowsExceptional')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="requiresCommittee"
              label={t('channels.requiresCommittee')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="usesTitleCatalogue"
              label={t('channels.usesTitleCatalogue')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Flex>
          <Form.Item name="businessForms" label={t('channels.businessForms')}>
            <Checkbox.Group options={FORMS.map((f) => ({ value: f, label: t(`channels.form.${f}`) }))} />
          </Form.Item>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('channels.defaultForm')}
          </Typography.Title>
          {formConfig && (
            <FormConfigEditor
              value={formConfig}
              onChange={setFormConfig}
              moduleCatalogue={moduleCatalogue}
              slotCatalogue={slotCatalogue}
              problems={formProblems}
              prefix="defaultFormConfig"
            />
          )}
        </Form>
      </Drawer>
    </PageContainer>
  );
}
