import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link, navigate, NoticeNotes, PageContainer, useQuery, useTranslation } from '@zhicheng/web-kit';
import { useCurrentBinding } from '../binding/useCurrentBinding';
import { LoadState } from '../components/LoadState';
import { NoticeQuery } from '../declaration/documents';
import { WindowTag, windowState } from '../declaration/window';
import { formatTime } from '../format';
import { paths } from '../routes';

/** 通知查看: the notice's window, days left, route and notes, then 确认申报. */
export function NoticeDetailPage({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation('applicant');
  const [{ data, fetching, error }, refetch] = useQuery({ query: NoticeQuery, variables: { id: noticeId } });
  const { bound } = useCurrentBinding();
  const notice = data?.notice;
  const breadcrumb = [
    { title: t('nav.home'), to: paths.home },
    { title: t('notices.title'), to: paths.notices() },
    { title: notice?.title ?? t('notice.title') },
  ];

  if (!notice) {
    return (
      <PageContainer title={t('notice.title')} breadcrumb={breadcrumb}>
        <LoadState
          fetching={fetching}
          error={error}
          missing={!!data}
          missingText={t('notice.missing')}
          retry={() => refetch({ requestPolicy: 'network-only' })}
          back={<Link to={paths.notices()}>{t('notices.title')}</Link>}
        />
      </PageContainer>
    );
  }

  const state = windowState(notice);
  const required = notice.formConfig.modules.filter((m) => m.required);
  return (
    <PageContainer title={notice.title} breadcrumb={breadcrumb}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'channel',
              label: t('notice.channel'),
              children: `${notice.channel.groupName} · ${notice.channel.name}`,
            },
            { key: 'state', label: t('notice.state'), children: <WindowTag notice={notice} /> },
            { key: 'opens', label: t('notice.opensAt'), children: formatTime(notice.opensAt) },
            { key: 'closes', label: t('notice.closesAt'), children: formatTime(notice.closesAt) },
            {
              key: 'left',
              label: t('notice.daysLeft'),
              children:
                state === 'open' ? (
                  <strong>{t('notice.days', { count: notice.daysLeft })}</strong>
                ) : (
                  t(`notice.window.${state}`)
                ),
            },
            {
              key: 'route',
              label: t('notice.route'),
              children: notice.route.map((level) => level.name).join(' → '),
            },
            {
              key: 'required',
              label: t('notice.requiredModules'),
              span: 2,
              children: (
                <Flex gap={4} wrap>
                  {required.map((m) => (
                    <Tag key={m.key}>{m.name}</Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
        <Card size="small" title={<h2 className="zc-section-title">{t('notice.notes')}</h2>}>
          <NoticeNotes html={notice.notes} empty={t('notice.noNotes')} />
          <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
            {t('notice.noClassified')}
          </Typography.Paragraph>
        </Card>
        {!bound && state === 'open' && (
          <Alert
            type="warning"
            showIcon
            title={t('notice.bindFirst')}
            action={<Link to={paths.home}>{t('binding.goBind')}</Link>}
          />
        )}
        <Flex justify="center" gap={12} wrap>
          <Button onClick={() => navigate(paths.notices(notice.channel.code))}>{t('back')}</Button>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={state !== 'open' || !bound}
            onClick={() => navigate(paths.start(notice.id))}
          >
            {t('notice.confirm')}
          </Button>
        </Flex>
      </Space>
    </PageContainer>
  );
}
