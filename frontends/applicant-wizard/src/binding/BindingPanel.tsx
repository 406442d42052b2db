import { useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { LinkOutlined, HistoryOutlined } from '@ant-design/icons';
import {
  errorMessage,
  MaskedId,
  translateOrUndefined,
  useMutation,
  useQuery,
  useTranslation,
  useWords,
} from '@zhicheng/web-kit';
import { BindingHistory } from './BindingHistory';
import { BindUnitModal } from './BindUnitModal';
import { CancelBindingRequestMutation, MyBindingQuery, UnbindMutation } from './documents';
import { BINDING_STATUS_COLOURS } from './status';
import { confirmDestructive } from '../components/confirmDestructive';

/**
 * 申请人基本信息 with the 推荐单位: the bound unit (解绑), a pending request (撤回申请), or
 * "没有推荐单位" with 去绑定; and the history of binding requests with the units' opinions.
 */
export function BindingPanel() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { message, modal } = App.useApp();
  const context = useMemo(() => ({ additionalTypenames: ['Binding'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyBindingQuery, context });
  const [unbound, unbind] = useMutation(UnbindMutation);
  const [cancelled, cancelRequest] = useMutation(CancelBindingRequestMutation);
  const [binding, setBinding] = useState(false);
  const [showHistory, setShowHistory] = useState(false);

  if (fetching && !data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (error && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('binding.loadFailed')}
        description={errorMessage(error, translateOrUndefined)}
        action={
          <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('retry')}
          </Button>
        }
      />
    );
  }

  const person = data?.me?.person;
  const current = data?.myCurrentBinding ?? null;

  const doUnbind = async () => {
    const result = await unbind({}, context);
    if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
    message.success(t('binding.unbound', { unit: current?.unit.name ?? '' }));
  };
  const doCancel = async () => {
    if (!current) return;
    const result = await cancelRequest({ id: current.id }, context);
    if (result.error) return void message.error(errorMessage(result.error, translateOrUndefined));
    message.success(t('binding.cancelled'));
  };

  const unitCell = !current ? (
    <Flex gap={8} align="center" wrap>
      <span className="zc-muted">{t('binding.none')}</span>
      <Button
        type="primary"
        size="small"
        icon={<LinkOutlined aria-hidden />}
        onClick={() => setBinding(true)}
      >
        {t('binding.goBind')}
      </Button>
    </Flex>
  ) : (
    <Flex gap={8} align="center" wrap>
      <strong>{current.unit.name}</strong>
      <Tag color={BINDING_STATUS_COLOURS[current.status]}>
        {words.status('BindingStatus', current.status, current.statusText)}
      </Tag>
      {current.status === 'APPROVED' && (
        <Button
          size="small"
          danger
          loading={unbound.fetching}
          onClick={() =>
            confirmDestructive(modal, {
              title: t('binding.unbindConfirm', { unit: current.unit.name }),
              content: t('binding.unbindHint'),
              confirmText: t('binding.unbindButton'),
              keepText: t('back'),
              onConfirm: doUnbind,
            })
          }
        >
          {t('binding.unbind')}
        </Button>
      )}
      {current.status === 'PENDING' && (
        <Button
          size="small"
          loading={cancelled.fetching}
          onClick={() =>
            confirmDestructive(modal, {
              title: t('binding.cancelConfirm', { unit: current.unit.name }),
              content: t('binding.cancelRequestHint'),
              confirmText: t('binding.cancelRequestButton'),
              keepText: t('back'),
              onConfirm: doCancel,
            })
          }
        >
          {t('binding.cancelRequest')}
        </Button>
      )}
    </Flex>
  );

  return (
    <div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'name', label: t('person.name'), children: person?.name },
          { key: 'mobile', label: t('person.mobile'), children: person?.mobileMasked },
          {
            key: 'idType',
            label: t('person.idType'),
            children: person ? t(`person.idTypes.${person.idType}`) : undefined,
          },
          {
            key: 'idNumber',
            label: t('person.idNumber'),
            children: <MaskedId value={person?.idNumberMasked} />,
          },
          { key: 'unit', label: t('binding.unit'), span: 2, children: unitCell },
        ]}
      />
      {current?.status === 'PENDING' && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('binding.pendingHint')} />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">{t('binding.oneAtATime')}</Typography.Text>
        <Button
          type="link"
          icon={<HistoryOutlined aria-hidden />}
          aria-expanded={showHistory}
          aria-controls="zc-binding-history"
          onClick={() => setShowHistory((shown) => !shown)}
        >
          {showHistory ? t('binding.hideHistory') : t('binding.showHistory')}
        </Button>
      </Flex>
      <div id="zc-binding-history" hidden={!showHistory} style={{ marginTop: 8 }}>
        {showHistory && <BindingHistory />}
      </div>
      <BindUnitModal open={binding} onClose={() => setBinding(false)} />
    </div>
  );
}
