import { useMemo, useState } from 'react';
import { Button, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { errorMessage, translateOrUndefined, useMutation, useQuery, useTranslation } from '@zhicheng/web-kit';
import type { AdministeredOrganisationsQuery as OrgsResult, OrganisationKind } from '../gql/graphql';
import {
  AdministeredOrganisationsQuery,
  CreateOrganisationMutation,
  SeriesCatalogueQuery,
  UpdateOrganisationMutation,
} from './documents';
import { AdminPage } from './AdminPage';
import { FormDialog } from './FormDialog';

type Org = OrgsResult['administeredOrganisations'][number];
interface TreeRow extends Org {
  children?: TreeRow[];
}

export const BUREAU_KINDS: OrganisationKind[] = ['PROVINCE_BUREAU', 'CITY_BUREAU', 'COUNTY_BUREAU'];
const NEW_KINDS: OrganisationKind[] = ['CITY_BUREAU', 'COUNTY_BUREAU', 'DEPARTMENT', 'COMMITTEE'];
const LEVELS = ['FULL_SENIOR', 'DEPUTY_SENIOR', 'INTERMEDIATE', 'ASSISTANT', 'JUNIOR'];

/** The flat list as a tree under the administrator's own organisation (the first one). */
function treeOf(orgs: readonly Org[]): TreeRow[] {
  const rows = new Map<string, TreeRow>(orgs.map((o) => [o.id, { ...o }]));
  const roots: TreeRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parent ? rows.get(row.parent.id) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

interface CreateValues {
  parentId: string;
  kind: OrganisationKind;
  name: string;
  regionCode?: string;
  seriesCode?: string;
  levelCodes?: string[];
  specialtyCodes?: string[];
  open?: boolean;
}

function CreateOrganisationDialog({
  orgs,
  parentId,
  onClose,
}: {
  orgs: readonly Org[];
  parentId: string;
  onClose: (created: boolean) => void;
}) {
  const { t } = useTranslation('bureau');
  const [form] = Form.useForm<CreateValues>();
  const [, create] = useMutation(CreateOrganisationMutation);
  const [catalogue] = useQuery({ query: SeriesCatalogueQuery });
  const kind = Form.useWatch('kind', form);
  const seriesCode = Form.useWatch('seriesCode', form);
  const series = catalogue.data?.titleCatalogue ?? [];
  const specialties = series.find((s) => s.code === seriesCode)?.children ?? [];

  const send = (values: CreateValues) =>
    create({
      input: {
        parentId: values.parentId,
        kind: values.kind,
        name: values.name,
        regionCode: values.regionCode?.trim() || null,
        committee:
          values.kind === 'COMMITTEE'
            ? {
                seriesCode: values.seriesCode ?? '',
                levelCodes: values.levelCodes ?? [],
                specialtyCodes: values.specialtyCodes ?? [],
                open: values.open ?? true,
              }
            : null,
      },
    });

  return (
    <FormDialog
      title={t('orgs.create')}
      okText={t('orgs.save')}
      form={form}
      name="create-organisation"
      initialValues={{ parentId, kind: 'DEPARTMENT', open: true }}
      errorOptions={{
        aliases: {
          'committee.seriesCode': 'seriesCode',
          'committee.levelCodes': 'levelCodes',
          'committee.specialtyCodes': 'specialtyCodes',
        },
      }}
      send={send}
      done={(values) => t('orgs.created', { name: values.name })}
      onClose={onClose}
    >
      <Form.Item name="parentId" label={t('orgs.parent')} rules={[{ required: true }]}>
        <Select
          options={orgs
            .filter((o) => BUREAU_KINDS.includes(o.kind))
            .map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
        <Select options={NEW_KINDS.map((k) => ({ value: k, label: t(`orgs.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('orgs.regionCode')} extra={t('orgs.regionHint')}>
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
      {kind === 'COMMITTEE' && (
        <>
          <Form.Item
            name="seriesCode"
            label={t('orgs.series')}
            rules={[{ required: true, message: t('orgs.seriesRequired') }]}
          >
            <Select options={series.map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
          <Form.Item
            name="levelCodes"
            label={t('orgs.levels')}
            rules={[{ required: true, message: t('orgs.levelsRequired') }]}
          >
            <Select
              mode="multiple"
              options={LEVELS.map((l) => ({ value: l, label: t(`orgs.levelNames.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="specialtyCodes" label={t('orgs.specialties')} extra={t('orgs.specialtiesHint')}>
            <Select mode="multiple" options={specialties.map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
          <Form.Item name="open" label={t('orgs.open')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

/** 机构管理: the administrator's organisation and everything below it, as a tree. */
export function OrganisationsPage() {
  const { t } = useTranslation('bureau');
  const [result, reload] = useQuery({
    query: AdministeredOrganisationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [catalogue] = useQuery({ query: SeriesCatalogueQuery });
  const [, update] = useMutation(UpdateOrganisationMutation);
  const [creating, setCreating] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Every branch open unless the user folds it (the data arrives after the first render).
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const orgs = useMemo(() => result.data?.administeredOrganisations ?? [], [result.data]);
  const tree = useMemo(() => treeOf(orgs), [orgs]);
  const seriesName = (code: string) =>
    catalogue.data?.titleCatalogue.find((s) => s.code === code)?.name ?? code;

  const change = async (org: Org, input: Parameters<typeof update>[0]['input']) => {
    setFailure(null);
    const answer = await update({ id: org.id, input });
    if (answer.error) setFailure(errorMessage(answer.error, translateOrUndefined));
    else reload({ requestPolicy: 'network-only' });
  };

  return (
    <AdminPage
      title={t('orgs.title')}
      error={failure ?? result.error}
      createLabel={t('orgs.create')}
      onCreate={() => setCreating(orgs[0]?.id ?? null)}
      createDisabled={!orgs.length}
    >
      <Table<TreeRow>
        rowKey="id"
        loading={result.fetching}
        dataSource={tree}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowKeys: orgs.filter((o) => !folded.has(o.id)).map((o) => o.id),
          onExpand: (open, row) =>
            setFolded((current) => {
              const next = new Set(current);
              if (open) next.delete(row.id);
              else next.add(row.id);
              return next;
            }),
        }}
        columns={[
          { key: 'name', title: t('orgs.name'), dataIndex: 'name' },
          { key: 'kind', title: t('orgs.kind'), render: (_, o) => t(`orgs.kinds.${o.kind}`) },
          { key: 'region', title: t('orgs.regionCode'), dataIndex: 'regionCode' },
          {
            key: 'scope',
            title: t('orgs.scope'),
            render: (_, o) =>
              o.committee
                ? `${seriesName(o.committee.seriesCode)} · ${o.committee.levelCodes
                    .map((l) => t(`orgs.levelNames.${l}`))
                    .join('、')}`
                : '',
          },
          {
            key: 'status',
            title: t('orgs.status'),
            render: (_, o) => (
              <Space wrap>
                <Tag color={o.enabled ? 'success' : 'default'}>
                  {o.enabled ? t('orgs.enabled') : t('orgs.disabled')}
                </Tag>
                {o.committee && (
                  <Tag color={o.committee.open ? 'processing' : 'default'}>
                    {o.committee.open ? t('orgs.opened') : t('orgs.closed')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('queue.actions'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, o) => (
              <Space>
                {BUREAU_KINDS.includes(o.kind) && (
                  <Button
                    autoInsertSpace={false}
                    size="small"
                    onClick={() => setCreating(o.id)}
                    aria-label={`${t('orgs.addChild')} ${o.name}`}
                  >
                    {t('orgs.addChild')}
                  </Button>
                )}
                {o.committee && (
                  <Button
                    autoInsertSpace={false}
                    size="small"
                    aria-label={`${o.committee.open ? t('orgs.close') : t('orgs.openAction')} ${o.name}`}
                    onClick={() =>
                      void change(o, {
                        committee: {
                          seriesCode: o.committee!.seriesCode,
                          levelCodes: o.committee!.levelCodes,
                          specialtyCodes: o.committee!.specialtyCodes,
                          open: !o.committee!.open,
                        },
                      })
                    }
                  >
                    {o.committee.open ? t('orgs.close') : t('orgs.openAction')}
                  </Button>
                )}
                {o.id !== orgs[0]?.id && (
                  <Button
                    autoInsertSpace={false}
                    size="small"
                    danger={o.enabled}
                    aria-label={`${o.enabled ? t('orgs.disable') : t('orgs.enable')} ${o.name}`}
                    onClick={() => void change(o, { enabled: !o.enabled })}
                  >
                    {o.enabled ? t('orgs.disable') : t('orgs.enable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateOrganisationDialog
          orgs={orgs}
          parentId={creating}
          onClose={(created) => {
            setCreating(null);
            if (created) reload({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </AdminPage>
  );
}
