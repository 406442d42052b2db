import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorMessage,
  fieldProblemsOf,
  navigate,
  normaliseFieldPath,
  PageContainer,
  translateOrUndefined,
  useClient,
  useFormErrors,
  useMutation,
  useQuery,
  useTranslation,
  type Crumb,
  type Problem,
} from '@zhicheng/web-kit';
import type { Dayjs } from 'dayjs';
import type { NoticeInput, ReviewLevel } from '../gql/graphql';
import { graphql } from '../gql';
import {
  CreateNoticeMutation,
  NoticeEditorDataQuery,
  NoticeEditQuery,
  PublishNoticeMutation,
  UpdateNoticeMutation,
} from './documents';
import { FormConfigEditor } from './FormConfigEditor';
import { FormPreview } from './FormPreview';
import { toFormValue, type FormValue } from './formConfig';
import { NotesEditor } from './NotesEditor';
import { noticeState } from './NoticesPage';
import { fromShanghaiWall, toShanghaiWall } from './shanghai';

const UnitByCreditCodeQuery = graphql(`
  query NoticeCoverageUnit($creditCode: String!) {
    unitByCreditCode(creditCode: $creditCode) {
      id
      name
    }
  }
`);

const LEVELS: ReviewLevel[] = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'];

/** The province's regions offered by the coverage picker (any other 6-digit code may be typed). */
const REGIONS: Array<{ code: string; name: string }> = [
  { code: '220000', name: '吉林省' },
  { code: '220100', name: '长春市' },
  { code: '220200', name: '吉林市' },
  { code: '220300', name: '四平市' },
  { code: '220400', name: '辽源市' },
  { code: '220500', name: '通化市' },
  { code: '220600', name: '白山市' },
  { code: '220700', name: '松原市' },
  { code: '220800', name: '白城市' },
  { code: '222400', name: '延边朝鲜族自治州' },
];

interface CommitteeValues {
  id?: string | null;
  name: string;
  regionCode: string;
  levelCodes?: string[];
  seriesCodes?: string[];
}

interface Values {
  channelCode?: string;
  title?: string;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
  notes?: string;
  regionCodes: string[];
  seriesCodes: string[];
  route: Record<ReviewLevel, { on: boolean; name: string }>;
  committees: CommitteeValues[];
}

const emptyRoute = (): Values['route'] => ({
  UNIT: { on: false, name: '' },
  DEPARTMENT: { on: false, name: '' },
  BUREAU: { on: false, name: '' },
  COMMITTEE: { on: false, name: '' },
});

/** 通知 新建 / 编辑: window, notes, coverage, route, committees, the form and its preview; 保存 and 发布. */
export function NoticeEditPage({
  id,
  listPath,
  breadcrumb,
}: {
  id: string | null;
  listPath: string;
  breadcrumb: Crumb[];
}) {
  const { t } = useTranslation('bureau');
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form);
  const [editorData] = useQuery({ query: NoticeEditorDataQuery, variables: { includeRetired: true } });
  const [noticeResult, reloadNotice] = useQuery({
    query: NoticeEditQuery,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'network-only',
  });
  const [, create] = useMutation(CreateNoticeMutation);
  const [, update] = useMutation(UpdateNoticeMutation);
  const [, publish] = useMutation(PublishNoticeMutation);
  const [formConfig, setFormConfig] = useState<FormValue | null>(null);
  const [formProblems, setFormProblems] = useState<Problem[]>([]);
  const [units, setUnits] = useState<Array<{ id: string; name: string }>>([]);
  const [unitCode, setUnitCode] = useState('');
  const [unitError, setUnitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState('basic');
  const channelCode = Form.useWatch('channelCode', form);

  const notice = noticeResult.data?.notice ?? null;
  const channels = useMemo(() => editorData.data?.channels ?? [], [editorData.data]);
  const channel = channels.find((c) => c.code === channelCode);
  const moduleCatalogue = useMemo(
    () =>
      toFormValue({
        innovationTextLimit: 0,
        modules: editorData.data?.formModuleCatalogue ?? [],
        attachments: [],
      }).modules,
    [editorData.data],
  );
  const slotCatalogue = useMemo(
    () =>
      toFormValue({
        innovationTextLimit: 0,
        modules: [],
        attachments: editorData.data?.attachmentSlotCatalogue ?? [],
      }).attachments,
    [editorData.data],
  );

  // A loaded notice fills the form once.
  useEffect(() => {
    if (!notice) return;
    const route = emptyRoute();
    for (const level of notice.route) route[level.level] = { on: true, name: level.name };
    form.setFieldsValue({
      channelCode: notice.channel.code,
      title: notice.title,
      opensAt: toShanghaiWall(notice.opensAt),
      closesAt: toShanghaiWall(notice.closesAt),
      notes: notice.notes,
      regionCodes: notice.coverage.regionCodes,
      seriesCodes: notice.coverage.seriesCodes,
      route,
      committees: notice.committees.map((c) => ({
        id: c.id,
        name: c.name,
        regionCode: c.regionCode,
        levelCodes: c.levelCodes,
        seriesCodes: c.seriesCodes,
      })),
    });
    // Names from identity; an id it does not know (a unit since removed) shows as the id.
    setUnits(
      notice.coverage.unitIds.map((unitId) => ({
        id: unitId,
        name: notice.coverageUnits.find((u) => u?.id === unitId)?.name ?? unitId,
      })),
    );
    setFormConfig(toFormValue(notice.formConfig));
  }, [notice, form]);

  // A new notice starts from its channel's default form and route.
  const onChannelChange = (code: string) => {
    const chosen = channels.find((c) => c.code === code);
    if (!chosen || notice) return;
    setFormConfig(toFormValue(chosen.defaultFormConfig));
    const route = emptyRoute();
    for (const level of chosen.route) route[level] = { on: true, name: t(`noticeEdit.levelName.${level}`) };
    form.setFieldsValue({ route });
  };

  const addUnit = async () => {
    setUnitError(null);
    const code = unitCode.trim().toUpperCase();
    if (!code) return;
    const result = await client.query(UnitByCreditCodeQuery, { creditCode: code }).toPromise();
    if (result.error) return setUnitError(errorMessage(result.error, translateOrUndefined));
    const unit = result.data?.unitByCreditCode;
    if (!unit) return setUnitError(t('noticeEdit.unitNotFound'));
    setUnits((list) => (list.some((u) => u.id === unit.id) ? list : [...list, unit]));
    setUnitCode('');
  };

  const inputOf = (values: Values): NoticeInput => {
    const { opensAt: opens, closesAt: closes } = values;
    return {
      channelCode: values.channelCode ?? '',
      title: values.title ?? '',
      opensAt: opens ? fromShanghaiWall(opens) : '',
      closesAt: closes ? fromShanghaiWall(closes) : '',
      notes: values.notes ?? '',
      coverage: {
        unitIds: units.map((u) => u.id),
        regionCodes: values.regionCodes ?? [],
        seriesCodes: values.seriesCodes ?? [],
      },
      route: LEVELS.filter((level) => values.route?.[level]?.on).map((level) => ({
        level,
        name: values.route[level].name,
      })),
      formConfig: formConfig ?? undefined,
      committees: (values.committees ?? []).map((c) => ({
        id: c.id || undefined,
        name: c.name ?? '',
        regionCode: c.regionCode ?? '',
        levelCodes: c.levelCodes ?? [],
        seriesCodes: c.seriesCodes ?? [],
      })),
    };
  };

  /** Saves; answers the notice's id, or null after showing every problem. */
  const save = async (): Promise<string | null> => {
    formErrors.clear();
    setFormProblems([]);
    const values = form.getFieldsValue(true) as Values;
    const input = inputOf(values);
    const result = id ? await update({ id, input }) : await create({ input });
    if (result.error) {
      formErrors.showError(result.error);
      setFormProblems(
        fieldProblemsOf(result.error).map((p) => ({
          field: normaliseFieldPath(p.field),
          message: p.message,
        })),
      );
      return null;
    }
    const savedId = id ?? (result.data as { createNotice?: { id: string } })?.createNotice?.id ?? null;
    return savedId;
  };

  const onSave = async () => {
    setBusy(true);
    try {
      const savedId = await save();
      if (!savedId) return;
      message.success(t('noticeEdit.saved'));
      if (!id) navigate(`${listPath}/${encodeURIComponent(savedId)}`);
      else reloadNotice({ requestPolicy: 'network-only' });
    } finally {
      setBusy(false);
    }
  };

  const onPublish = async () => {
    setBusy(true);
    try {
      const savedId = await save();
      if (!savedId) return;
      const result = await publish({ id: savedId });
      if (result.error) {
        formErrors.showError(result.error);
        if (!id) navigate(`${listPath}/${encodeURIComponent(savedId)}`);
        else reloadNotice({ requestPolicy: 'network-only' });
        return;
      }
      message.success(t('noticeEdit.published'));
      navigate(listPath);
    } finally {
      setBusy(false);
    }
  };

  if (editorData.fetching || (id && noticeResult.fetching && !notice))
    return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (id && !noticeResult.fetching && !notice)
    return (
      <PageContainer title={t('noticeEdit.editTitle')} breadcrumb={breadcrumb}>
        <Alert type="warning" showIcon title={t('noticeEdit.notFound')} />
      </PageContainer>
    );

  const state = notice ? noticeState(notice) : 'DRAFT';
  const problems = notice?.publishProblems ?? [];
  const seriesOptions = (editorData.data?.titleCatalogue ?? []).map((s) => ({
    value: s.code,
    label: s.name,
  }));
  const channelOptions = channels
    .filter((c) => !c.retiredAt || c.code === notice?.channel.code)
    .map((c) => ({ value: c.code, label: `${c.groupName} · ${c.name}` }));

  const basic = (
    <Card size="small">
      <Form.Item
        name="channelCode"
        label={t('noticeEdit.channel')}
        rules={[{ required: true, message: t('noticeEdit.channelRequired') }]}
      >
        <Select
          options={channelOptions}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={state !== 'DRAFT'}
          onChange={onChannelChange}
          placeholder={t('noticeEdit.channelPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('noticeEdit.noticeTitle')}
        rules={[{ required: true, message: t('noticeEdit.titleRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Typography.Paragraph type="secondary" id="zc-window-hint">
        {t('noticeEdit.windowHint')}
      </Typography.Paragraph>
      <Flex gap={16} wrap>
        {(['opensAt', 'closesAt'] as const).map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`noticeEdit.${name}`)}
            rules={[{ required: true, message: t('noticeEdit.windowRequired') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              aria-describedby="zc-window-hint"
              style={{ width: 220 }}
            />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="notes" label={t('noticeEdit.notes')} extra={t('noticeEdit.notesHint')}>
        <NotesEditor />
      </Form.Item>
    </Card>
  );

  const scope = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={<h3 className="zc-section-title">{t('noticeEdit.coverage')}</h3>}>
        <Typography.Paragraph type="secondary">{t('noticeEdit.coverageHint')}</Typography.Paragraph>
        <Form.Item name="regionCodes" label={t('noticeEdit.regions')}>
          <Select
            mode="tags"
            options={REGIONS.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            placeholder={t('noticeEdit.regionsPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="seriesCodes" label={t('noticeEdit.series')}>
          <Select mode="multiple" options={seriesOptions} placeholder={t('noticeEdit.seriesPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('noticeEdit.units')}
          htmlFor="zc-unit-code"
          help={unitError}
          validateStatus={unitError ? 'error' : undefined}
        >
          <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
            <Input
              id="zc-unit-code"
              value={unitCode}
              onChange={(e) => setUnitCode(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                void addUnit();
              }}
              placeholder={t('noticeEdit.unitPlaceholder')}
            />
            <Button onClick={() => void addUnit()}>{t('noticeEdit.addUnit')}</Button>
          </Space.Compact>
        </Form.Item>
        {units.length > 0 && (
          <Flex wrap gap={4} style={{ marginBottom: 12 }}>
            {units.map((unit) => (
              <Tag
                key={unit.id}
                closable
                onClose={() => setUnits((list) => list.filter((u) => u.id !== unit.id))}
                closeIcon={<span aria-label={t('noticeEdit.removeUnit', { name: unit.name })}>×</span>}
              >
                {unit.name}
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" title={<h3 className="zc-section-title">{t('noticeEdit.route')}</h3>}>
        <Typography.Paragraph type="secondary">{t('noticeEdit.routeHint')}</Typography.Paragraph>
        {LEVELS.map((level) => (
          <Flex key={level} gap={8} align="baseline" wrap>
            <Form.Item name={['route', level, 'on']} valuePropName="checked" style={{ minWidth: 120 }}>
              <Checkbox disabled={state !== 'DRAFT'}>{t(`noticeEdit.level.${level}`)}</Checkbox>
            </Form.Item>
            <Form.Item name={['route', level, 'name']} style={{ flex: 1, minWidth: 200 }}>
              <Input
                aria-label={t('noticeEdit.levelNameOf', { level: t(`noticeEdit.level.${level}`) })}
                disabled={state !== 'DRAFT'}
              />
            </Form.Item>
          </Flex>
        ))}
      </Card>
      <Card size="small" title={<h3 className="zc-section-title">{t('noticeEdit.committees')}</h3>}>
        <Typography.Paragraph type="secondary">
          {channel?.requiresCommittee ? t('noticeEdit.committeesRequired') : t('noticeEdit.committeesHint')}
        </Typography.Paragraph>
        <Form.List name="committees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="baseline">
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('noticeEdit.committeeName')}
                    style={{ minWidth: 240 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'regionCode']} label={t('noticeEdit.committeeRegion')}>
                    <Input maxLength={6} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'seriesCodes']}
                    label={t('noticeEdit.series')}
                    style={{ minWidth: 200 }}
                  >
                    <Select mode="multiple" options={seriesOptions} />
                  </Form.Item>
                  <Button
                    type="link"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => remove(field.name)}
                    aria-label={t('noticeEdit.removeCommittee', { n: field.name + 1 })}
                  >
                    {t('formEditor.remove')}
                  </Button>
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ name: '', regionCode: '', seriesCodes: [] })}
              >
                {t('noticeEdit.addCommittee')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </Space>
  );

  const formTab = formConfig ? (
    <FormConfigEditor
      value={formConfig}
      onChange={setFormConfig}
      moduleCatalogue={moduleCatalogue}
      slotCatalogue={slotCatalogue}
      problems={formProblems}
      prefix="formConfig"
    />
  ) : (
    <Alert type="info" showIcon title={t('noticeEdit.chooseChannelFirst')} />
  );

  return (
    <PageContainer
      title={id ? t('noticeEdit.editTitle') : t('noticeEdit.createTitle')}
      breadcrumb={[...breadcrumb, { title: t('notices.title'), to: listPath }]}
      extra={notice && <Tag>{t(`notices.state.${state}`)}</Tag>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {notice && state === 'DRAFT' && problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('noticeEdit.publishProblems', { count: problems.length })}
            description={
              <ul className="zc-problem-list">
                {problems.map((p) => (
                  <li key={`${p.field}-${p.code}`}>{p.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <ErrorSummary problems={formErrors.problems} formName="notice" />
        <Form<Values>
          form={form}
          name="notice"
          layout="vertical"
          initialValues={{ regionCodes: [], seriesCodes: [], route: emptyRoute(), committees: [], notes: '' }}
          onFinish={onSave}
        >
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'basic', label: t('noticeEdit.tabBasic'), children: basic, forceRender: true },
              { key: 'scope', label: t('noticeEdit.tabScope'), children: scope, forceRender: true },
              { key: 'form', label: t('noticeEdit.tabForm'), children: formTab, forceRender: true },
              {
                key: 'preview',
                label: t('noticeEdit.tabPreview'),
                children: formConfig ? <FormPreview form={formConfig} /> : null,
              },
            ]}
          />
          <Flex gap={12} wrap justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => navigate(listPath)}>{t('noticeEdit.back')}</Button>
            <Button htmlType="submit" loading={busy}>
              {state === 'DRAFT' ? t('noticeEdit.saveDraft') : t('noticeEdit.save')}
            </Button>
            {state === 'DRAFT' && (
              <Button type="primary" loading={busy} onClick={() => void onPublish()}>
                {t('noticeEdit.publish')}
              </Button>
            )}
          </Flex>
        </Form>
      </Space>
    </PageContainer>
  );
}
