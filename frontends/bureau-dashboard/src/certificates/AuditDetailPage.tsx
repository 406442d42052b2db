import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  errorMessage,
  hasErrorCode,
  Link,
  MaskedId,
  PageContainer,
  translateOrUndefined,
  useMutation,
  useQuery,
  useTranslation,
  useWords,
} from '@zhicheng/web-kit';
import { statusColour, type AuditKind } from './AuditQueuePage';
import { DecisionPanel } from './DecisionPanel';
import {
  DecideHistoricalMutation,
  DecideReissueMutation,
  HistoricalRegistrationQuery,
  ReissueApplicationQuery,
} from './documents';
import { MaterialPreview, type Material } from './MaterialPreview';
import type { CertificateApplicationStatus } from '../gql/graphql';

type Item = { key: string; label: string; children: ReactNode };
const dash = (value: string | null | undefined) => value || '—';
const time = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

/** One application: its fields, each PDF previewed inline, and 通过 / 不通过 while pending. */
export function AuditDetailPage({ kind, id, listPath }: { kind: AuditKind; id: string; listPath: string }) {
  const { t } = useTranslation('bureau');
  const words = useWords();
  const [reissue, refetchReissue] = useQuery({
    query: ReissueApplicationQuery,
    variables: { id },
    pause: kind !== 'reissue',
    requestPolicy: 'network-only',
  });
  const [historical, refetchHistorical] = useQuery({
    query: HistoricalRegistrationQuery,
    variables: { id },
    pause: kind !== 'historical',
    requestPolicy: 'network-only',
  });
  const [decidingReissue, decideReissue] = useMutation(DecideReissueMutation);
  const [decidingHistorical, decideHistorical] = useMutation(DecideHistoricalMutation);
  const result = kind === 'reissue' ? reissue : historical;
  const crumbs = [
    { title: t('home'), to: '/' },
    { title: t(`${kind}.title`), to: listPath },
  ];

  if (result.error && hasErrorCode(result.error, 'NOT_FOUND'))
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        extra={<Link to={listPath}>{t('detail.back')}</Link>}
      />
    );
  if (result.error)
    return <Alert type="error" showIcon message={errorMessage(result.error, translateOrUndefined)} />;

  let base: {
    status: CertificateApplicationStatus;
    statusText: string;
    applicantName: string;
    opinion?: string | null;
    decidedByName?: string | null;
    decidedAt?: string | null;
    files: readonly Material[];
  } | null = null;
  let items: Item[] = [];
  let certificateItems: Item[] | null = null;
  const r = reissue.data?.reissueApplication;
  const h = historical.data?.historicalRegistration;
  if (kind === 'reissue' && r) {
    base = r;
    items = [
      { key: 'number', label: t('fields.certificateNumber'), children: r.certificateNumber },
      { key: 'holder', label: t('fields.holderName'), children: r.holderName },
      { key: 'title', label: t('fields.titleName'), children: r.titleName },
      { key: 'type', label: t('fields.declarationType'), children: r.declarationTypeText },
      { key: 'business', label: t('fields.businessType'), children: r.businessTypeText },
      { key: 'region', label: t('fields.region'), children: r.regionName },
      { key: 'point', label: t('fields.declarationPoint'), children: r.declarationPointName },
      { key: 'reason', label: t('fields.reason'), children: r.reason },
      { key: 'submitted', label: t('fields.submittedAt'), children: time(r.submittedAt) },
    ];
    if (r.newCertificateNumber)
      items.push({ key: 'new', label: t('fields.newCertificateNumber'), children: r.newCertificateNumber });
    const c = r.certificate;
    if (c)
      certificateItems = [
        {
          key: 'form',
          label: t('fields.form'),
          children: words.status('CertificateForm', c.form, c.formText),
        },
        {
          key: 'id',
          label: t('fields.idNumber'),
          children: c.holderIdNumberMasked ? <MaskedId value={c.holderIdNumberMasked} /> : '—',
        },
        { key: 'series', label: t('fields.series'), children: dash(c.seriesName) },
        { key: 'specialty', label: t('fields.specialty'), children: dash(c.specialtyName) },
        { key: 'level', label: t('fields.level'), children: c.levelName },
        { key: 'committee', label: t('fields.committee'), children: dash(c.committeeName) },
        { key: 'approved', label: t('fields.obtainedOn'), children: c.approvedOn },
        { key: 'issuer', label: t('fields.issuer'), children: c.issuerName },
        { key: 'issued', label: t('fields.issuedOn'), children: dayjs(c.issuedAt).format('YYYY-MM-DD') },
        {
          key: 'status',
          label: t('fields.certificateStatus'),
          children: words.status('CertificateStatus', c.status, c.statusText),
        },
      ];
  }
  if (kind === 'historical' && h) {
    base = h;
    items = [
      { key: 'number', label: t('fields.certificateNumber'), children: h.certificateNumber },
      { key: 'holder', label: t('fields.holderName'), children: h.holderName },
      { key: 'id', label: t('fields.idNumber'), children: <MaskedId value={h.holderIdNumberMasked} /> },
      { key: 'obtainedBy', label: t('fields.obtainedBy'), children: h.obtainedByText },
      { key: 'title', label: t('fields.titleName'), children: h.titleName },
      { key: 'series', label: t('fields.series'), children: dash(h.seriesName) },
      { key: 'specialty', label: t('fields.specialty'), children: h.specialtyName },
      { key: 'level', label: t('fields.level'), children: h.levelName },
      { key: 'obtainedOn', label: t('fields.obtainedOn'), children: h.obtainedOn },
      { key: 'committee', label: t('fields.committee'), children: dash(h.committeeName) },
      { key: 'approval', label: t('fields.approvalDocument'), children: dash(h.approvalDocumentNumber) },
      { key: 'issuer', label: t('fields.issuer'), children: h.issuerName },
      { key: 'issuedOn', label: t('fields.issuedOn'), children: h.issuedOn },
      { key: 'unit', label: t('fields.workUnit'), children: dash(h.workUnit) },
      { key: 'region', label: t('fields.region'), children: h.regionName },
      { key: 'submitted', label: t('fields.submittedAt'), children: time(h.submittedAt) },
    ];
  }
  if (!base)
    return (
      <PageContainer title={t(`${kind}.detailTitle`)} breadcrumb={crumbs}>
        <Skeleton active />
      </PageContainer>
    );

  const decide = async (approve: boolean, opinion: string) => {
    const variables = { id, approve, opinion: opinion || null };
    const answer = kind === 'reissue' ? await decideReissue(variables) : await decideHistorical(variables);
    if (!answer.error) {
      if (kind === 'reissue') refetchReissue({ requestPolicy: 'network-only' });
      else refetchHistorical({ requestPolicy: 'network-only' });
    }
    return { error: answer.error };
  };

  return (
    <PageContainer
      title={`${t(`${kind}.detailTitle`)} · ${base.applicantName}`}
      breadcrumb={crumbs}
      extra={
        <Tag color={statusColour[base.status]}>
          {words.status('CertificateApplicationStatus', base.status, base.statusText)}
        </Tag>
      }
    >
      <Flex vertical gap={16}>
        <Card title={t(`${kind}.fieldsTitle`)} size="small">
          <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 3 }} size="small" items={items} />
        </Card>
        {certificateItems && (
          <Card title={t('reissue.certificateTitle')} size="small">
            <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 3 }} size="small" items={certificateItems} />
          </Card>
        )}
        <Card title={t('materials.title')} size="small">
          <MaterialPreview materials={base.files} />
        </Card>
        {base.status === 'PENDING' ? (
          <DecisionPanel decide={decide} busy={decidingReissue.fetching || decidingHistorical.fetching} />
        ) : (
          <Card title={t('decision.result')} size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('queue.status'),
                  children: words.status('CertificateApplicationStatus', base.status, base.statusText),
                },
                { key: 'opinion', label: t('decision.opinion'), children: dash(base.opinion) },
                { key: 'by', label: t('decision.by'), children: dash(base.decidedByName) },
                { key: 'at', label: t('decision.at'), children: time(base.decidedAt) },
              ]}
            />
          </Card>
        )}
      </Flex>
    </PageContainer>
  );
}
