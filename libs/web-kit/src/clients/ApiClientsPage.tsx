// 接口客户端: a unit's legal person (unit-audit) or bureau staff (bureau-dashboard) create, scope,
// rotate and revoke their systems' OAuth clients, and manage their webhook receivers with the
// delivery log and 重新投递. Secrets are shown once, in a dialog that says so.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../auth/hooks';
import type { Role } from '../auth/store';
import { errorMessage } from '../graphql/errors';
import { translateOrUndefined, useLanguage } from '../i18n';
import { ErrorSummary } from '../ui/ErrorSummary';
import { PageContainer, type Crumb } from '../ui/PageContainer';
import { useFormErrors } from '../ui/useFormErrors';
import type { ApiClientsQuery as ApiClientsData } from '../gql/graphql';
import {
  ApiClientsQuery,
  CreateApiClientMutation,
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  RedeliverWebhookMutation,
  RevokeApiClientMutation,
  RotateApiClientSecretMutation,
  UpdateApiClientMutation,
  WebhookDeliveriesQuery,
} from './documents';
import './i18n';

type Client = ApiClientsData['apiClients'][number];
type Endpoint = Client['webhookEndpoints'][number];

export interface ApiClientsPageProps {
  breadcrumb: Crumb[];
  /** Who may manage clients here (the page shows 403 to anyone else). */
  roles: Role[];
}

const when = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/**
 * "Choose at least one" for a checkbox group, without `required`: antd would put aria-required on
 * the group's element, which ARIA does not allow there (axe: aria-allowed-attr).
 */
const atLeastOne = (message: string) => ({
  validator: (_: unknown, value: unknown[] | undefined) =>
    value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
});

type Shown = { title: string; rows: Array<{ label: string; value: string }> } | null;

export function ApiClientsPage({ breadcrumb, roles }: ApiClientsPageProps) {
  const { t } = useTranslation('apiClients');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const allowed = useHasRole(...roles);
  const context = useMemo(() => ({ additionalTypenames: ['ApiClient', 'WebhookEndpoint'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApiClientsQuery, context, pause: !allowed });
  const [, rotate] = useMutation(RotateApiClientSecretMutation);
  const [, revoke] = useMutation(RevokeApiClientMutation);
  const [, deleteEndpoint] = useMutation(DeleteWebhookEndpointMutation);
  const [editing, setEditing] = useState<Client | 'new' | null>(null);
  const [addingTo, setAddingTo] = useState<Client | null>(null);
  const [logOf, setLogOf] = useState<Endpoint | null>(null);
  const [shown, setShown] = useState<Shown>(null);

  const crumbs = [...breadcrumb, { title: t('title') }];
  if (!allowed)
    return (
      <PageContainer title={t('title')} breadcrumb={crumbs}>
        <Result status="403" subTitle={t('forbidden')} />
      </PageContainer>
    );

  const scopeName = (scope: string) => {
    const info = data?.apiScopes.find((s) => s.scope === scope);
    return info ? (language === 'en' ? info.nameEn : info.name) : scope;
  };
  const eventName = (type: string) => {
    const info = data?.webhookEvents.find((e) => e.type === type);
    return info ? (language === 'en' ? info.nameEn : info.name) : type;
  };
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const failed = (err: unknown) => message.error(errorMessage(err, translateOrUndefined));

  const onRotate = async (client: Client) => {
    const result = await rotate({ id: client.id });
    if (result.error) return failed(result.error);
    setShown({
      title: t('secret.clientTitle'),
      rows: [
        { label: t('secret.clientId'), value: client.id },
        { label: t('secret.clientSecret'), value: result.data!.rotateApiClientSecret.clientSecret },
      ],
    });
    refresh();
  };
  const onRevoke = async (client: Client) => {
    const result = await revoke({ id: client.id });
    if (result.error) return failed(result.error);
    message.success(t('revoked', { name: client.name }));
    refresh();
  };
  const onDeleteEndpoint = async (endpoint: Endpoint) => {
    const result = await deleteEndpoint({ id: endpoint.id });
    if (result.error) return failed(result.error);
    message.success(t('endpointDeleted'));
    refresh();
  };

  const tokenUrl = `${window.location.origin}/oauth/token`;
  return (
    <PageContainer
      title={t('title')}
      breadcrumb={crumbs}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('create')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('intro', { tokenUrl })}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('loadFailed')}
          description={errorMessage(error, translateOrUndefined)}
          action={
            <Button size="small" onClick={refresh}>
              {tc('actions.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Client>
        rowKey="id"
        loading={fetching}
        dataSource={data?.apiClients ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        expandable={{
          expandedRowRender: (client) => (
            <EndpointList
              client={client}
              eventName={eventName}
              onAdd={() => setAddingTo(client)}
              onLog={setLogOf}
              onDelete={onDeleteEndpoint}
            />
          ),
        }}
        columns={[
          { title: t('columns.name'), dataIndex: 'name' },
          {
            title: t('columns.id'),
            dataIndex: 'id',
            render: (id: string) => (
              <Typography.Text code copyable>
                {id}
              </Typography.Text>
            ),
          },
          {
            title: t('columns.scopes'),
            dataIndex: 'scopes',
            render: (scopes: string[]) => (
              <Space size={[4, 4]} wrap>
                {scopes.map((scope) => (
                  <Tag key={scope} title={scope}>
                    {scopeName(scope)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('columns.secretHint'), dataIndex: 'secretHint', render: (hint: string) => `…${hint}` },
          {
            title: t('columns.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            render: (value: string | null) => when(value) || t('neverUsed'),
          },
          {
            title: t('columns.status'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">{t('status.active')}</Tag> : <Tag>{t('status.revoked')}</Tag>,
          },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, client) =>
              client.active && (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setEditing(client)}>
                    {t('actions.edit')}
                  </Button>
                  <Popconfirm
                    title={t('confirmRotate', { name: client.name })}
                    okText={t('ok')}
                    cancelText={t('cancel')}
                    onConfirm={() => onRotate(client)}
                  >
                    <Button type="link">{t('actions.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('confirmRevoke', { name: client.name })}
                    okText={t('ok')}
                    cancelText={t('cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onRevoke(client)}
                  >
                    <Button type="link" danger>
                      {t('actions.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <ClientFormModal
        client={editing === 'new' ? null : editing}
        open={editing !== null}
        scopes={data?.apiScopes ?? []}
        scopeName={scopeName}
        onClose={() => setEditing(null)}
        onCreated={(id, secret) => {
          setShown({
            title: t('secret.clientTitle'),
            rows: [
              { label: t('secret.clientId'), value: id },
              { label: t('secret.clientSecret'), value: secret },
            ],
          });
          refresh();
        }}
      />
      <EndpointFormModal
        client={addingTo}
        events={data?.webhookEvents ?? []}
        eventName={eventName}
        onClose={() => setAddingTo(null)}
        onCreated={(secret) => {
          setShown({
            title: t('secret.endpointTitle'),
            rows: [{ label: t('secret.signingSecret'), value: secret }],
          });
          refresh();
        }}
      />
      <DeliveriesModal endpoint={logOf} eventName={eventName} onClose={() => setLogOf(null)} />
      <Modal
        open={shown !== null}
        title={shown?.title}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            {t('secret.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('secret.once')} style={{ marginBottom: 16 }} />
        {shown?.rows.map((row) => (
          <div key={row.label} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{row.label}</Typography.Text>
            <Typography.Paragraph code copyable style={{ wordBreak: 'break-all', marginBottom: 0 }}>
              {row.value}
            </Typography.Paragraph>
          </div>
        ))}
      </Modal>
    </PageContainer>
  );
}

function EndpointList(props: {
  client: Client;
  eventName: (type: string) => string;
  onAdd: () => void;
  onLog: (endpoint: Endpoint) => void;
  onDelete: (endpoint: Endpoint) => void;
}) {
  const { t } = useTranslation('apiClients');
  const { client } = props;
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('endpoints.title')}</Typography.Text>
        {client.active && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={props.onAdd}>
            {t('actions.addEndpoint')}
          </Button>
        )}
      </Space>
      <Table<Endpoint>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={client.webhookEndpoints}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('endpoints.empty') }}
        columns={[
          {
            title: t('endpoints.url'),
            dataIndex: 'url',
            render: (url: string, endpoint) => (
              <Space>
                <Typography.Text code>{url}</Typography.Text>
                {endpoint.failing && <Tag color="red">{t('endpoints.failing')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('endpoints.events'),
            dataIndex: 'events',
            render: (events: string[]) => (
              <Space size={[4, 4]} wrap>
                {events.map((type) => (
                  <Tag key={type} title={type}>
                    {props.eventName(type)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, endpoint) => (
              <Space size={0}>
                <Button type="link" onClick={() => props.onLog(endpoint)}>
                  {t('actions.deliveries')}
                </Button>
                <Popconfirm
                  title={t('confirmDeleteEndpoint', { url: endpoint.url })}
                  okText={t('ok')}
                  cancelText={t('cancel')}
                  onConfirm={() => props.onDelete(endpoint)}
                >
                  <Button type="link" danger>
                    {t('actions.deleteEndpoint')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

interface ClientValues {
  name: string;
  scopes: string[];
}

function ClientFormModal(props: {
  client: Client | null;
  open: boolean;
  scopes: Array<{ scope: string }>;
  scopeName: (scope: string) => string;
  onClose: () => void;
  onCreated: (id: string, secret: string) => void;
}) {
  const { t } = useTranslation('apiClients');
  const { message } = App.useApp();
  const [form] = Form.useForm<ClientValues>();
  const errors = useFormErrors(form);
  const [created, create] = useMutation(CreateApiClientMutation);
  const [updated, update] = useMutation(UpdateApiClientMutation);
  const { client, open } = props;
  const formName = 'apiClientForm';
  const { clear } = errors;
  // Filled as the dialog opens (not after its animation: a person may already be typing).
  useEffect(() => {
    if (!open) return;
    clear();
    form.setFieldsValue(client ? { name: client.name, scopes: client.scopes } : { name: '', scopes: [] });
  }, [open, client, form, clear]);

  const onFinish = async (values: ClientValues) => {
    errors.clear();
    const input = { name: values.name.trim(), scopes: values.scopes };
    if (!client) {
      const result = await create({ input });
      if (result.error) return void errors.showError(result.error);
      props.onClose();
      const { client: made, clientSecret } = result.data!.createApiClient;
      return props.onCreated(made.id, clientSecret);
    }
    const result = await update({ id: client.id, input });
    if (result.error) return void errors.showError(result.error);
    message.success(t('saved', { name: input.name }));
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={client ? t('form.editTitle', { name: client.name }) : t('form.createTitle')}
      busy={created.fetching || updated.fetching}
      form={form}
      formName={formName}
      errors={errors}
      onFinish={onFinish}
      onClose={props.onClose}
    >
      <Form.Item
        name="name"
        label={t('form.name')}
        rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}
      >
        <Input placeholder={t('form.namePlaceholder')} maxLength={60} />
      </Form.Item>
      <Form.Item name="scopes" label={t('form.scopes')} rules={[atLeastOne(t('form.scopesRequired'))]}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={props.scopes.map(({ scope }) => ({
            value: scope,
            label: `${props.scopeName(scope)}（${scope}）`,
          }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

/** A dialog holding one form: 保存 submits it, problems show at the top and next to the fields. */
function FormDialog<V>(props: {
  open: boolean;
  title: string;
  busy: boolean;
  form: FormInstance<V>;
  formName: string;
  errors: ReturnType<typeof useFormErrors>;
  onFinish: (values: V) => void;
  onClose: () => void;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('apiClients');
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('form.submit')}
      cancelText={t('cancel')}
      confirmLoading={props.busy}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.intro}
      <ErrorSummary problems={props.errors.problems} formName={props.formName} />
      <Form
        form={props.form}
        name={props.formName}
        layout="vertical"
        onFinish={props.onFinish}
        onFinishFailed={props.errors.showValidation}
      >
        {props.children}
      </Form>
    </Modal>
  );
}

interface EndpointValues {
  url: string;
  events: string[];
}

function EndpointFormModal(props: {
  client: Client | null;
  events: Array<{ type: string; scope: string }>;
  eventName: (type: string) => string;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation('apiClients');
  const [form] = Form.useForm<EndpointValues>();
  const errors = useFormErrors(form);
  const [state, create] = useMutation(CreateWebhookEndpointMutation);
  const { client } = props;
  const formName = 'webhookEndpointForm';
  const { clear } = errors;
  useEffect(() => {
    if (!client) return;
    clear();
    form.setFieldsValue({ url: '', events: [] });
  }, [client, form, clear]);

  const onFinish = async (values: EndpointValues) => {
    if (!client) return;
    errors.clear();
    const result = await create({
      input: { clientId: client.id, url: values.url.trim(), events: values.events },
    });
    if (result.error) return void errors.showError(result.error);
    props.onClose();
    props.onCreated(result.data!.createWebhookEndpoint.signingSecret);
  };

  return (
    <FormDialog
      open={client !== null}
      title={client ? t('endpoints.createTitle', { name: client.name }) : ''}
      busy={state.fetching}
      form={form}
      formName={formName}
      errors={errors}
      onFinish={onFinish}
      onClose={props.onClose}
      intro={<Typography.Paragraph type="secondary">{t('endpoints.hint')}</Typography.Paragraph>}
    >
      <Form.Item
        name="url"
        label={t('endpoints.url')}
        rules={[{ required: true, whitespace: true, message: t('endpoints.urlRequired') }]}
      >
        <Input placeholder={t('endpoints.urlPlaceholder')} inputMode="url" />
      </Form.Item>
      <Form.Item
        name="events"
        label={t('endpoints.events')}
        rules={[atLeastOne(t('endpoints.eventsRequired'))]}
      >
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={props.events.map(({ type, scope }) => ({
            value: type,
            label: `${props.eventName(type)}（${type}）`,
            // An event needs its scope: the server refuses it otherwise (SCOPE_REQUIRED).
            disabled: !client?.scopes.includes(scope),
          }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

type Delivery = NonNullable<ReturnType<typeof useDeliveries>[0]['data']>['webhookDeliveries'][number];

const useDeliveries = (endpoint: Endpoint | null) =>
  useQuery({
    query: WebhookDeliveriesQuery,
    variables: { endpointId: endpoint?.id ?? '' },
    pause: !endpoint,
    requestPolicy: 'network-only',
  });

function DeliveriesModal(props: {
  endpoint: Endpoint | null;
  eventName: (type: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation('apiClients');
  const { message } = App.useApp();
  const [{ data, fetching, error }, refetch] = useDeliveries(props.endpoint);
  const [, redeliver] = useMutation(RedeliverWebhookMutation);
  const onRedeliver = async (delivery: Delivery) => {
    const result = await redeliver({ deliveryId: delivery.id });
    if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
    message.success(t('redelivered'));
    refetch({ requestPolicy: 'network-only' });
  };
  const lastResult = (delivery: Delivery) => {
    const last = delivery.attempts.at(-1);
    if (!last) return '';
    return last.error ?? t('deliveries.httpStatus', { status: last.statusCode });
  };
  return (
    <Modal
      open={props.endpoint !== null}
      title={props.endpoint ? t('deliveries.title', { url: props.endpoint.url }) : ''}
      onCancel={props.onClose}
      footer={null}
      width={960}
    >
      {error && <Alert type="error" showIcon title={errorMessage(error, translateOrUndefined)} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={data?.webhookDeliveries ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('deliveries.empty') }}
        columns={[
          {
            title: t('deliveries.event'),
            dataIndex: 'eventType',
            render: (type: string) => props.eventName(type),
          },
          { title: t('deliveries.createdAt'), dataIndex: 'createdAt', render: when },
          {
            title: t('deliveries.status'),
            dataIndex: 'status',
            render: (status: Delivery['status']) => (
              <Tag color={status === 'DELIVERED' ? 'green' : status === 'FAILED' ? 'red' : 'blue'}>
                {t(`deliveries.states.${status}`)}
              </Tag>
            ),
          },
          { title: t('deliveries.attempts'), dataIndex: 'attemptCount' },
          { title: t('deliveries.lastResult'), key: 'last', render: (_, delivery) => lastResult(delivery) },
          { title: t('deliveries.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: when },
          {
            title: t('deliveries.actions'),
            key: 'actions',
            render: (_, delivery) => (
              <Button type="link" onClick={() => onRedeliver(delivery)}>
                {t('actions.redeliver')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
