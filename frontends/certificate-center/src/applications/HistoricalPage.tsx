import { useCallback } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import {
  ErrorSummary,
  errorMessage,
  Link,
  navigate,
  PageContainer,
  translateOrUndefined,
  useFormErrors,
  useMutation,
  useQuery,
  useSubscription,
  useTranslation,
  useWords,
  useViewer,
} from '@zhicheng/web-kit';
import type { HistoricalRegistrationFieldsFragment, ReissueDeclarationType } from '../gql/graphql';
import { paths } from '../routes';
import {
  FormOptionsQuery,
  HistoricalRegistrationChangedSubscription,
  MyHistoricalRegistrationsQuery,
  RegisterHistoricalMutation,
  WithdrawHistoricalMutation,
} from './documents';
import {
  ApplicationStatusTag,
  fileIdsOf,
  formatMinute,
  HISTORICAL_MIN_MATERIALS,
  MaterialsField,
  useConfirmWithdraw,
  useRefetchOnReconnect,
  type Materials,
} from './shared';

type Registration = HistoricalRegistrationFieldsFragment;

const FORM_NAME = 'historical';
/** 级别 as printed (the API accepts these words only). */
const LEVELS = ['正高级', '副高级', '中级', '助理级', '员级', '初级'];

interface Values {
  certificateNumber?: string;
  holderName?: string;
  idNumber?: string;
  obtainedBy?: ReissueDeclarationType;
  titleName?: string;
  seriesName?: string;
  specialtyName?: string;
  levelName?: string;
  obtainedOn?: string;
  committeeName?: string;
  approvalDocumentNumber?: string;
  issuerName?: string;
  issuedOn?: string;
  workUnit?: string;
  regionCode?: string;
  fileIds?: Materials;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** 信息补录 (seed 004 第四章): the paper certificate exactly as printed, its region, ≥ 2 PDFs. */
function RegistrationForm({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const viewer = useViewer();
  const [form] = Form.useForm<Values>();
  const { problems, showError, showValidation, clear } = useFormErrors(form);
  const [{ data: options }] = useQuery({ query: FormOptionsQuery, variables: { purpose: 'HISTORICAL' } });
  const [{ fetching }, register] = useMutation(RegisterHistoricalMutation);
  const regions = options?.certificateRegions ?? [];
  const words = useWords();
  const kinds = (options?.certificateMaterialKinds ?? []).map((kind) => ({
    ...kind,
    name: words.slot(kind),
  }));

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const text = (name: keyof Values, label: string, rules?: ReturnType<typeof required>, extra?: string) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label} rules={rules} extra={extra}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
    </Col>
  );

  const submit = async (values: Values) => {
    clear();
    const answer = await register({
      input: {
        certificateNumber: values.certificateNumber ?? '',
        holderName: values.holderName ?? '',
        idNumber: values.idNumber ?? '',
        obtainedBy: values.obtainedBy!,
        titleName: values.titleName ?? '',
        seriesName: blankToNull(values.seriesName),
        specialtyName: values.specialtyName ?? '',
        levelName: values.levelName ?? '',
        obtainedOn: values.obtainedOn ?? '',
        committeeName: blankToNull(values.committeeName),
        approvalDocumentNumber: blankToNull(values.approvalDocumentNumber),
        issuerName: values.issuerName ?? '',
        issuedOn: values.issuedOn ?? '',
        workUnit: blankToNull(values.workUnit),
        regionCode: values.regionCode ?? '',
        fileIds: fileIdsOf(values.fileIds),
      },
    });
    if (answer.error) {
      showError(answer.error);
      return;
    }
    void message.success(t('historical.submitted'));
    form.resetFields();
    onRegistered();
  };

  return (
    <Form
      form={form}
      name={FORM_NAME}
      layout="vertical"
      requiredMark
      initialValues={{ holderName: viewer?.person?.name ?? '' }}
      onFinish={(values) => void submit(values)}
      onFinishFailed={showValidation}
      className="zc-apply-form"
    >
      <Alert type="warning" showIcon title={t('historical.asPrinted')} style={{ marginBottom: 16 }} />
      <ErrorSummary problems={problems} formName={FORM_NAME} />
      <Row gutter={16}>
        {text(
          'certificateNumber',
          t('historical.certificateNumber'),
          required(t('historical.required.certificateNumber')),
          t('historical.certificateNumberHint'),
        )}
        {text(
          'holderName',
          t('historical.holderName'),
          required(t('historical.required.holderName')),
          t('historical.holderNameHint'),
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('historical.idNumber')}
            rules={required(t('historical.required.idNumber'))}
          >
            <Input autoComplete="off" maxLength={18} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="obtainedBy"
            label={t('historical.obtainedBy')}
            rules={[{ required: true, message: t('historical.required.obtainedBy') }]}
          >
            <Radio.Group
              options={[
                { value: 'REVIEW', label: t('declarationTypes.REVIEW') },
                { value: 'INITIAL', label: t('declarationTypes.INITIAL') },
              ]}
            />
          </Form.Item>
        </Col>
        {text('titleName', t('fields.titleName'), required(t('historical.required.titleName')))}
        {text('seriesName', t('fields.series'))}
        {text('specialtyName', t('fields.specialty'), required(t('historical.required.specialtyName')))}
        <Col xs={24} md={12}>
          <Form.Item
            name="levelName"
            label={t('fields.level')}
            rules={[{ required: true, message: t('historical.required.levelName') }]}
          >
            <Select placeholder={t('apply.choose')} options={LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="obtainedOn"
            label={t('historical.obtainedOn')}
            rules={required(t('historical.required.obtainedOn'))}
          >
            <Input type="date" max="9999-12-31" />
          </Form.Item>
        </Col>
        {text('committeeName', t('historical.committee'))}
        {text('approvalDocumentNumber', t('historical.approvalDocumentNumber'))}
        {text('issuerName', t('fields.issuer'), required(t('historical.required.issuerName')))}
        <Col xs={24} md={12}>
          <Form.Item
            name="issuedOn"
            label={t('historical.issuedOn')}
            rules={required(t('historical.required.issuedOn'))}
          >
            <Input type="date" max="9999-12-31" />
          </Form.Item>
        </Col>
        {text('workUnit', t('historical.workUnit'))}
        <Col xs={24} md={12}>
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
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="fileIds"
        label={t('apply.materials')}
        required
        extra={t('historical.materialsHint', { n: HISTORICAL_MIN_MATERIALS })}
        rules={[
          {
            validator: async (_rule, value: Materials | undefined) => {
              const count = fileIdsOf(value).length;
              if (count < HISTORICAL_MIN_MATERIALS)
                throw new Error(t('historical.materialsTooFew', { n: HISTORICAL_MIN_MATERIALS, count }));
            },
          },
        ]}
      >
        <MaterialsField purpose="HISTORICAL" kinds={kinds} required={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('historical.submit')}
      </Button>
    </Form>
  );
}

/** One of my registrations: as printed, its status live, the opinion; approved → 申请补办. */
function RegistrationCard({
  registration,
  onWithdraw,
}: {
  registration: Registration;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation('certificates');
  const words = useWords();
  const headingId = `zc-registration-${registration.id}`;
  const r = registration;
  return (
    <Card
      size="small"
      role="article"
      aria-labelledby={headingId}
      className="zc-application"
      data-status={r.status}
      title={
        <Flex gap={8} wrap align="center">
          <h3 id={headingId} className="zc-card-title">
            {r.titleName} · {r.certificateNumber}
          </h3>
          <ApplicationStatusTag status={r.status} />
        </Flex>
      }
    >
      {r.status === 'APPROVED' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            r.replacedByCertificateNumber
              ? t('historical.replaced', { number: r.replacedByCertificateNumber })
              : t('historical.approved')
          }
          description={
            r.replacedByCertificateNumber ? (
              <Link to={paths.mine}>{t('reissue.toMine')}</Link>
            ) : (
              <Button
                type="primary"
                size="small"
                icon={<FileAddOutlined aria-hidden />}
                href={`${paths.reissue}?registration=${encodeURIComponent(r.id)}`}
                aria-label={t('historical.applyReissueLabel', { number: r.certificateNumber })}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  navigate(`${paths.reissue}?registration=${encodeURIComponent(r.id)}`);
                }}
              >
                {t('historical.applyReissue')}
              </Button>
            )
          }
        />
      )}
      {r.status === 'REJECTED' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('apply.rejected')}
          description={r.opinion}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'holder', label: t('historical.holderName'), children: r.holderName },
          { key: 'by', label: t('historical.obtainedBy'), children: r.obtainedByText },
          { key: 'level', label: t('fields.level'), children: r.levelName },
          ...(r.seriesName ? [{ key: 'series', label: t('fields.series'), children: r.seriesName }] : []),
          { key: 'specialty', label: t('fields.specialty'), children: r.specialtyName },
          { key: 'obtained', label: t('historical.obtainedOn'), children: r.obtainedOn },
          { key: 'issuer', label: t('fields.issuer'), children: r.issuerName },
          { key: 'issued', label: t('historical.issuedOn'), children: r.issuedOn },
          { key: 'region', label: t('apply.region'), children: r.regionName },
          { key: 'submitted', label: t('apply.submittedAt'), children: formatMinute(r.submittedAt) },
          ...(r.decidedAt
            ? [{ key: 'decided', label: t('apply.decidedAt'), children: formatMinute(r.decidedAt) }]
            : []),
          ...(r.opinion && r.status !== 'REJECTED'
            ? [{ key: 'opinion', label: t('apply.opinion'), children: r.opinion }]
            : []),
          {
            key: 'files',
            label: t('apply.materials'),
            children: r.files
              .map((f) => words.slot({ code: f.slot, name: f.slotName }))
              .join(words.language === 'zh-CN' ? '、' : ', '),
          },
        ]}
      />
      {r.status === 'PENDING' && (
        <Button
          style={{ marginTop: 12 }}
          aria-label={t('historical.withdrawLabel', { number: r.certificateNumber })}
          onClick={onWithdraw}
        >
          {t('apply.withdraw')}
        </Button>
      )}
    </Card>
  );
}

/**
 * 历史职称数据登记 (seed 004 第四章): a paper certificate not in the system, registered exactly as
 * printed; once the bureau approves it, it can be queried and verified (no e-certificate until a
 * 补办 of it is approved: the approved registration offers 申请补办).
 */
export function HistoricalPage() {
  const { t } = useTranslation('certificates');
  const { message } = AntApp.useApp();
  const [mine, refetch] = useQuery({
    query: MyHistoricalRegistrationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useSubscription({ query: HistoricalRegistrationChangedSubscription }, (_previous, event) => {
    refresh();
    const changed = event.historicalRegistrationChanged.registration;
    if (changed && changed.status !== 'PENDING')
      void message.info(t('apply.statusChanged', { status: t(`applicationStatus.${changed.status}`) }));
    return event;
  });
  useRefetchOnReconnect(refresh);
  const [, withdraw] = useMutation(WithdrawHistoricalMutation);
  const confirmWithdraw = useConfirmWithdraw();
  const registrations = mine.data?.myHistoricalRegistrations;

  const doWithdraw = (r: Registration) =>
    confirmWithdraw(t('historical.what', { number: r.certificateNumber }), async () => {
      const answer = await withdraw({ id: r.id });
      if (answer.error) void message.error(errorMessage(answer.error, translateOrUndefined));
      else {
        void message.success(t('apply.withdrawn'));
        refresh();
      }
    });

  return (
    <PageContainer
      title={t('historical.title')}
      breadcrumb={[
        { title: t('home'), to: '/' },
        { title: t('mine.title'), to: paths.mine },
        { title: t('historical.title') },
      ]}
    >
      <Typography.Paragraph type="secondary">{t('historical.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card title={<h2 className="zc-section-title">{t('historical.formTitle')}</h2>} size="small">
          <RegistrationForm onRegistered={refresh} />
        </Card>
        <section aria-labelledby="zc-my-registrations">
          <h2 id="zc-my-registrations" className="zc-section-title">
            {t('historical.mine')}
          </h2>
          {mine.error && !registrations ? (
            <Alert
              type="error"
              showIcon
              title={t('loadFailed')}
              description={errorMessage(mine.error, translateOrUndefined)}
            />
          ) : !registrations ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : registrations.length === 0 ? (
            <Empty description={t('historical.noRegistrations')} />
          ) : (
            <Flex vertical gap={12}>
              {registrations.map((r) => (
                <RegistrationCard key={r.id} registration={r} onWithdraw={() => doWithdraw(r)} />
              ))}
            </Flex>
          )}
        </section>
      </Flex>
    </PageContainer>
  );
}
