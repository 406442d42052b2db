import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorMessage,
  Link,
  PageContainer,
  translateOrUndefined,
  useClient,
  useFormErrors,
  useLocation,
  useMutation,
  useQuery,
  useSubscription,
  useTranslation,
  useWords,
} from '@zhicheng/web-kit';
import type {
  ReissuableFieldsFragment,
  ReissueApplicationFieldsFragment,
  ReissueBusinessType,
  ReissueDeclarationType,
} from '../gql/graphql';
import { formatDay } from '../format';
import { paths } from '../routes';
import {
  ApplyForReissueMutation,
  FindReissuableQuery,
  FormOptionsQuery,
  MyReissueApplicationsQuery,
  ReissuableCertificatesQuery,
  ReissueApplicationChangedSubscription,
  WithdrawReissueMutation,
} from './documents';
import {
  ApplicationStatusTag,
  fileIdsOf,
  formatMinute,
  MaterialsField,
  useConfirmWithdraw,
  useRefetchOnReconnect,
  type Materials,
} from './shared';

type Reissuable = ReissuableFieldsFragment;
type Application = ReissueApplicationFieldsFragment;

const FORM_NAME = 'reissue';

interface Values {
  declarationType?: ReissueDeclarationType;
  businessType?: ReissueBusinessType;
  regionCode?: string;
  declarationPointId?: string;
  reason?: string;
  fileIds?: Materials;
}

const keyOf = (r: Reissuable) => r.certificateId ?? r.historicalRegistrationId ?? r.certificate.number;

/** One certificate that a 补办 can replace, as a choice. */
function ReissuableChoice({ item }: { item: Reissuable }) {
  const { t } = useTranslation('certificates');
  const c = item.certificate;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {c.titleName}（{c.levelName}）
      </Typography.Text>
      <Typography.Text>
        {t('fields.number')}：<span className="zc-nowrap">{c.number}</span>
      </Typography.Text>
      <Typography.Text type="secondary">
        {t(`kinds.${c.kind}`)} · {t(`forms.${c.form}`)} · {t('fields.issuedAt')} {formatDay(c.issuedAt)}
      </Typography.Text>
      {item.pendingApplicationId && <Typography.Text type="warning">{t('reissue.pending')}</Typography.Text>}
    </Flex>
  );
}

/** 查询: the holder's certificates in force, or one found by its number; not found → 历史职称数据登记. */
function FindCertificate({
  list,
  chosen,
  onChoose,
}: {
  list: readonly Reissuable[];
  chosen: Reissuable | null;
  onChoose: (item: Reissuable | null) => void;
}) {
  const { t } = useTranslation('certificates');
  const client = useClient();
  const [searching, setSearching] = useState(false);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);
  const search = async (raw: string) => {
    const number = raw.trim();
    setNotFound(null);
    setSearchProblem(null);
    if (!number) return setSearchProblem(t('reissue.numberRequired'));
    setSearching(true);
    try {
      const answer = await client
        .query(FindReissuableQuery, { number }, { requestPolicy: 'network-only' })
        .toPromise();
      if (answer.error) return setSearchProblem(errorMessage(answer.error, translateOrUndefined));
      const found = answer.data?.findReissuableCertificate ?? null;
      if (found) onChoose(found);
      else {
        setNotFound(number);
        onChoose(null);
      }
    } finally {
      setSearching(false);
    }
  };
  const options = useMemo(() => {
    const all = [...list];
    if (chosen && !all.some((r) => keyOf(r) === keyOf(chosen))) all.push(chosen);
    return all;
  }, [list, chosen]);
  return (
    <Flex vertical gap={12}>
      {options.length > 0 ? (
        <Radio.Group
          aria-label={t('reissue.chooseLabel')}
          value={chosen ? keyOf(chosen) : undefined}
          onChange={(event) => onChoose(options.find((r) => keyOf(r) === event.target.value) ?? null)}
          className="zc-choices"
        >
          <Flex vertical gap={8}>
            {options.map((item) => (
              <Radio key={keyOf(item)} value={keyOf(item)} disabled={!!item.pendingApplicationId}>
                <ReissuableChoice item={item} />
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      ) : (
        <Typography.Text type="secondary">{t('reissue.noneInForce')}</Typography.Text>
      )}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('reissue.searchLabel')}
          htmlFor="zc-reissue-search"
          validateStatus={searchProblem ? 'error' : undefined}
          help={searchProblem ?? t('reissue.searchHint')}
          style={{ marginBottom: 0 }}
        >
          <Input.Search
            id="zc-reissue-search"
            className="zc-filter"
            allowClear
            autoComplete="off"
            spellCheck={false}
            maxLength={50}
            enterButton={
              <>
                <SearchOutlined aria-hidden /> {t('reissue.search')}
              </>
            }
            loading={searching}
            onSearch={(value) => void search(value)}
          />
        </Form.Item>
      </Form>
      {notFound && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('reissue.notFound', { number: notFound })}
          description={
            <span>
              {t('reissue.notFoundHint')}
              <Link to={paths.historical}>{t('nav.historical')}</Link>
            </span>
          }
        />
      )}
    </Flex>
  );
}

/** The form of seed 004 第五章: 申报类型, 业务类别, 所属行政区划, 所属申报点, 原因, the three PDFs. */
function ReissueForm({ chosen, onApplied }: { chosen: Reissuable; onApplied: () => void }) {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [{ data: options }] = useQuery({ query: FormOptionsQuery, variables: { purpose: 'REISSUE' } });
  const [{ fetching }, apply] = useMutation(ApplyForReissueMutation);
  const regionCode = Form.useWatch('regionCode', form);
  const regions = options?.certificateRegions ?? [];
  const points = regions.find((r) => r.code === regionCode)?.points ?? [];
  const words = useWords();
  const kinds = (options?.certificateMaterialKinds ?? []).map((kind) => ({
    ...kind,
    name: words.slot(kind),
  }));

  const submit = async (values: Values) => {
    clear();
    const answer = await apply({
      input: {
        certificateId: chosen.certificateId ?? null,
        historicalRegistrationId: chosen.historicalRegistrationId ?? null,
        declarationType: values.declarationType!,
        businessType: values.businessType!,
        regionCode: values.regionCode ?? '',
        declarationPointId: values.declarationPointId ?? '',
        reason: values.reason ?? '',
        fileIds: fileIdsOf(values.fileIds),
      },
    });
    if (answer.error) {
      showError(answer.error);
      return;
    }
    void message.success(t('reissue.submitted', { number: chosen.certificate.number }));
    form.resetFields();
    onApplied();
  };

  return (
    <Form
      form={form}
      name={FORM_NAME}
      layout="vertical"
      requiredMark
      onFinish={(values) => void submit(values)}
      onFinishFailed={showValidation}
      className="zc-apply-form"
    >
      <ErrorSummary problems={problems} formName={FORM_NAME} />
      <Form.Item
        name="declarationType"
        label={t('reissue.declarationType')}
        rules={[{ required: true, message: t('reissue.declarationTypeRequired') }]}
      >
        <Radio.Group
          options={[
            { value: 'REVIEW', label: t('declarationTypes.REVIEW') },
            { value: 'INITIAL', label: t('declarationTypes.INITIAL') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="businessType"
        label={t('reissue.businessType')}
        rules={[{ required: true, message: t('reissue.businessTypeRequired') }]}
      >
        <Radio.Group
          options={[
            { value: 'REISSUE', label: t('businessTypes.REISSUE') },
            { value: 'RENEWAL', label: t('businessTypes.RENEWAL') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('apply.region')}
        extra={t('apply.regionHint')}
        rules={[{ required: true, message: t('apply.regionRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('apply.choose')}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
          onChange={() => form.setFieldValue('declarationPointId', undefined)}
        />
      </Form.Item>
      <Form.Item
        name="declarationPointId"
        label={t('reissue.point')}
        extra={t('reissue.pointHint')}
        rules={[{ required: true, message: t('reissue.pointRequired') }]}
      >
        <Select
          placeholder={regionCode ? t('apply.choose') : t('reissue.regionFirst')}
          disabled={!regionCode}
          options={points.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reissue.reason')}
        rules={[{ required: true, whitespace: true, message: t('reissue.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('reissue.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="fileIds"
        label={t('apply.materials')}
        required
        extra={t('reissue.materialsHint')}
        rules={[
          {
            validator: async (_rule, value: Materials | undefined) => {
              const missing = kinds.filter((k) => !value?.[k.code]).map((k) => `“${k.name}”`);
              if (missing.length > 0)
                throw new Error(t('reissue.materialsMissing', { names: missing.join('、') }));
            },
          },
        ]}
      >
        <MaterialsField purpose="REISSUE" kinds={kinds} required />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('reissue.submit')}
      </Button>
    </Form>
  );
}

/** One of my applications: what it asks, its status live, the bureau's opinion, the new number. */
function ApplicationCard({ application, onWithdraw }: { application: Application; onWithdraw: () => void }) {
  const { t } = useTranslation('certificates');
  const words = useWords();
  const headingId = `zc-reissue-${application.id}`;
  return (
    <Card
      size="small"
      role="article"
      aria-labelledby={headingId}
      className="zc-application"
      data-status={application.status}
      title={
        <Flex gap={8} wrap align="center">
          <h3 id={headingId} className="zc-card-title">
            {t(`businessTypes.${application.businessType}`)} · {application.certificateNumber}
          </h3>
          <ApplicationStatusTag status={application.status} />
        </Flex>
      }
    >
      {application.status === 'APPROVED' && application.newCertificateNumber && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reissue.approved', { number: application.newCertificateNumber })}
          description={<Link to={paths.mine}>{t('reissue.toMine')}</Link>}
        />
      )}
      {application.status === 'REJECTED' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('apply.rejected')}
          description={application.opinion}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'title', label: t('fields.titleName'), children: application.titleName },
          {
            key: 'type',
            label: t('reissue.declarationType'),
            children: t(`declarationTypes.${application.declarationType}`),
          },
          { key: 'region', label: t('apply.region'), children: application.regionName },
          { key: 'point', label: t('reissue.point'), children: application.declarationPointName },
          { key: 'reason', label: t('reissue.reason'), children: application.reason },
          {
            key: 'submitted',
            label: t('apply.submittedAt'),
            children: formatMinute(application.submittedAt),
          },
          ...(application.decidedAt
            ? [{ key: 'decided', label: t('apply.decidedAt'), children: formatMinute(application.decidedAt) }]
            : []),
          ...(application.opinion && application.status !== 'REJECTED'
            ? [{ key: 'opinion', label: t('apply.opinion'), children: application.opinion }]
            : []),
          {
            key: 'files',
            label: t('apply.materials'),
            children: application.files
              .map((f) => words.slot({ code: f.slot, name: f.slotName }))
              .join(words.language === 'zh-CN' ? '、' : ', '),
          },
        ]}
      />
      {application.status === 'PENDING' && (
        <Button
          style={{ marginTop: 12 }}
          aria-label={t('reissue.withdrawLabel', { number: application.certificateNumber })}
          onClick={onWithdraw}
        >
          {t('apply.withdraw')}
        </Button>
      )}
    </Card>
  );
}

/**
 * 证书补办/换发 (seed 004 第五章): find the certificate (mine in force, or by number; not found →
 * 历史职称数据登记), apply with the three PDFs, follow my applications live and withdraw a pending one.
 * `?registration=<id>` / `?certificate=<id>` chooses the certificate (历史职称数据登记's 申请补办).
 */
export function ReissuePage() {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const { searchParams } = useLocation();
  const [reissuable, refetchReissuable] = useQuery({
    query: ReissuableCertificatesQuery,
    requestPolicy: 'cache-and-network',
  });
  const [mine, refetchMine] = useQuery({
    query: MyReissueApplicationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => {
    refetchReissuable({ requestPolicy: 'network-only' });
    refetchMine({ requestPolicy: 'network-only' });
  }, [refetchReissuable, refetchMine]);
  useSubscription({ query: ReissueApplicationChangedSubscription }, (_previous, event) => {
    refresh();
    const changed = event.reissueApplicationChanged.application;
    if (changed && changed.status !== 'PENDING')
      void message.info(t('apply.statusChanged', { status: t(`applicationStatus.${changed.status}`) }));
    return event;
  });
  useRefetchOnReconnect(refresh);
  const [, withdraw] = useMutation(WithdrawReissueMutation);
  const confirmWithdraw = useConfirmWithdraw();

  const list = useMemo(() => reissuable.data?.reissuableCertificates ?? [], [reissuable.data]);
  const [chosen, setChosen] = useState<Reissuable | null>(null);
  // A link from 历史职称数据登记 (or elsewhere) names the certificate: choose it once the list is in.
  const wanted = searchParams.get('registration') ?? searchParams.get('certificate');
  useEffect(() => {
    if (!wanted || chosen) return;
    const found = list.find((r) => r.historicalRegistrationId === wanted || r.certificateId === wanted);
    if (found && !found.pendingApplicationId) setChosen(found);
  }, [wanted, list, chosen]);

  const applications = mine.data?.myReissueApplications;
  const doWithdraw = (application: Application) =>
    confirmWithdraw(t('reissue.what', { number: application.certificateNumber }), async () => {
      const answer = await withdraw({ id: application.id });
      if (answer.error) void message.error(errorMessage(answer.error, translateOrUndefined));
      else {
        void message.success(t('apply.withdrawn'));
        refresh();
      }
    });

  return (
    <PageContainer
      title={t('reissue.title')}
      breadcrumb={[
        { title: t('home'), to: '/' },
        { title: t('mine.title'), to: paths.mine },
        { title: t('reissue.title') },
      ]}
    >
      <Typography.Paragraph type="secondary">{t('reissue.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card title={<h2 className="zc-section-title">{t('reissue.step1')}</h2>} size="small">
          {reissuable.error && !reissuable.data ? (
            <Alert
              type="error"
              showIcon
              title={t('loadFailed')}
              description={errorMessage(reissuable.error, translateOrUndefined)}
            />
          ) : !reissuable.data ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <FindCertificate list={list} chosen={chosen} onChoose={setChosen} />
          )}
        </Card>
        <Card title={<h2 className="zc-section-title">{t('reissue.step2')}</h2>} size="small">
          {chosen ? (
            <>
              <Typography.Paragraph>
                {t('reissue.chosen', {
                  number: chosen.certificate.number,
                  title: chosen.certificate.titleName,
                })}
              </Typography.Paragraph>
              {chosen.pendingApplicationId ? (
                <Alert type="info" showIcon title={t('reissue.pending')} />
              ) : (
                <ReissueForm
                  key={keyOf(chosen)}
                  chosen={chosen}
                  onApplied={() => {
                    setChosen(null);
                    refresh();
                  }}
                />
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('reissue.chooseFirst')}</Typography.Text>
          )}
        </Card>
        <section aria-labelledby="zc-my-reissues">
          <h2 id="zc-my-reissues" className="zc-section-title">
            {t('reissue.mine')}
          </h2>
          {!applications ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : applications.length === 0 ? (
            <Empty description={t('reissue.noApplications')} />
          ) : (
            <Flex vertical gap={12}>
              {applications.map((application) => (
                <ApplicationCard
                  key={application.id}
                  application={application}
                  onWithdraw={() => doWithdraw(application)}
                />
              ))}
            </Flex>
          )}
        </section>
      </Flex>
    </PageContainer>
  );
}
