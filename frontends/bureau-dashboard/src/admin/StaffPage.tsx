import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { errorMessage, translateOrUndefined, useMutation, useQuery, useTranslation } from '@zhicheng/web-kit';
import type { StaffAccountsQuery as StaffResult, StaffRole } from '../gql/graphql';
import {
  AdministeredOrganisationsQuery,
  CreateStaffMutation,
  ResetStaffPasswordMutation,
  SetStaffEnabledMutation,
  StaffAccountsQuery,
} from './documents';
import { AdminPage } from './AdminPage';
import { FormDialog } from './FormDialog';
import { BUREAU_KINDS } from './OrganisationsPage';

type Staff = StaffResult['staffAccounts'][number];
const ROLES: StaffRole[] = ['REVIEWER', 'ADMINISTRATOR'];

interface CreateValues {
  organisationId: string;
  username: string;
  name: string;
  roles: StaffRole[];
  initialPassword: string;
}

function CreateStaffDialog({ onClose }: { onClose: (created: boolean) => void }) {
  const { t } = useTranslation('bureau');
  const [form] = Form.useForm<CreateValues>();
  const [orgs] = useQuery({ query: AdministeredOrganisationsQuery });
  const [, create] = useMutation(CreateStaffMutation);
  const organisationId = Form.useWatch('organisationId', form);
  const options = (orgs.data?.administeredOrganisations ?? []).filter((o) => o.enabled);
  const isBureau = BUREAU_KINDS.includes(options.find((o) => o.id === organisationId)?.kind ?? 'DEPARTMENT');

  return (
    <FormDialog
      title={t('staff.create')}
      okText={t('orgs.save')}
      form={form}
      name="create-staff"
      initialValues={{ roles: ['REVIEWER'] }}
      send={(values) => create({ input: { ...values, username: values.username.trim() } })}
      done={(values) => t('staff.created', { username: values.username.trim().toLowerCase() })}
      onClose={onClose}
    >
      <Form.Item
        name="organisationId"
        label={t('staff.organisation')}
        rules={[{ required: true, message: t('staff.organisationRequired') }]}
      >
        <Select options={options.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('staff.username')}
        extra={t('staff.usernameHint')}
        rules={[{ required: true, whitespace: true, message: t('staff.usernameRequired') }]}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('staff.name')}
        rules={[{ required: true, whitespace: true, message: t('staff.nameRequired') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="roles" label={t('staff.roles')}>
        <Checkbox.Group
          options={ROLES.map((r) => ({
            value: r,
            label: t(`staff.roleNames.${r}`),
            disabled: r === 'ADMINISTRATOR' && !isBureau,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="initialPassword"
        label={t('staff.initialPassword')}
        extra={t('staff.initialPasswordHint')}
        rules={[{ required: true, message: t('staff.passwordRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}

function ResetPasswordDialog({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation('bureau');
  const [form] = Form.useForm<{ temporaryPassword: string }>();
  const [, reset] = useMutation(ResetStaffPasswordMutation);

  return (
    <FormDialog
      title={`${t('staff.reset')}：${staff.name}（${staff.username}）`}
      okText={t('staff.reset')}
      form={form}
      name="reset-staff-password"
      send={({ temporaryPassword }) => reset({ id: staff.id, temporaryPassword })}
      done={() => t('staff.resetDone', { username: staff.username })}
      onClose={onClose}
    >
      <Form.Item
        name="temporaryPassword"
        label={t('staff.temporaryPassword')}
        extra={t('staff.initialPasswordHint')}
        rules={[{ required: true, message: t('staff.passwordRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}

/** 人员管理: staff accounts of the organisations the administrator manages. */
export function StaffPage() {
  const { t } = useTranslation('bureau');
  const { modal } = App.useApp();
  const [result, reload] = useQuery({ query: StaffAccountsQuery, requestPolicy: 'cache-and-network' });
  const [, setEnabled] = useMutation(SetStaffEnabledMutation);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useMemo(() => result.data?.staffAccounts ?? [], [result.data]);

  const toggle = (staff: Staff) => {
    const run = async () => {
      setFailure(null);
      const answer = await setEnabled({ id: staff.id, enabled: !staff.enabled });
      if (answer.error) setFailure(errorMessage(answer.error, translateOrUndefined));
    };
    if (!staff.enabled) return void run();
    modal.confirm({
      title: t('staff.confirmDisable', { name: staff.name }),
      content: t('staff.disableHint'),
      okText: t('staff.disable'),
      okButtonProps: { danger: true },
      cancelText: t('decision.cancel'),
      onOk: run,
    });
  };

  return (
    <AdminPage
      title={t('staff.title')}
      error={failure ?? result.error}
      createLabel={t('staff.create')}
      onCreate={() => setCreating(true)}
    >
      <Table<Staff>
        rowKey="id"
        loading={result.fetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: t('staff.empty') }}
        columns={[
          { key: 'username', title: t('staff.username'), dataIndex: 'username' },
          { key: 'name', title: t('staff.name'), dataIndex: 'name' },
          { key: 'organisation', title: t('staff.organisation'), render: (_, s) => s.organisation.name },
          {
            key: 'roles',
            title: t('staff.roles'),
            render: (_, s) => s.roles.map((r) => t(`staff.roleNames.${r}`)).join('、'),
          },
          {
            key: 'status',
            title: t('orgs.status'),
            render: (_, s) => (
              <Space wrap>
                <Tag color={s.enabled ? 'success' : 'default'}>
                  {s.enabled ? t('orgs.enabled') : t('orgs.disabled')}
                </Tag>
                {s.mustChangePassword && <Tag color="warning">{t('staff.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'lastSignIn',
            title: t('staff.lastSignIn'),
            render: (_, s) => (s.lastSignInAt ? dayjs(s.lastSignInAt).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            key: 'actions',
            title: t('queue.actions'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, s) => (
              <Space>
                <Button
                  autoInsertSpace={false}
                  size="small"
                  danger={s.enabled}
                  aria-label={`${s.enabled ? t('staff.disable') : t('staff.enable')} ${s.username}`}
                  onClick={() => toggle(s)}
                >
                  {s.enabled ? t('staff.disable') : t('staff.enable')}
                </Button>
                <Button
                  autoInsertSpace={false}
                  size="small"
                  aria-label={`${t('staff.reset')} ${s.username}`}
                  onClick={() => setResetting(s)}
                >
                  {t('staff.reset')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateStaffDialog
          onClose={(created) => {
            setCreating(false);
            if (created) reload({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          staff={resetting}
          onClose={() => {
            setResetting(null);
            reload({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </AdminPage>
  );
}
