import { Button, Card, Descriptions, Flex, Result, Tag } from 'antd';
import { navigate, useTranslation, useWords } from '@zhicheng/web-kit';
import { ReviewTrack } from '../declaration/ReviewTrack';
import { DECLARATION_STATUS_COLOURS } from '../declaration/status';
import { formatTime } from '../format';
import { paths } from '../routes';
import { useWizard } from './context';
import { Receipt } from './Receipt';
import { ReturnNotice } from './ReturnNotice';

/**
 * 04 提交完成, and the page of every submitted declaration: 业务状态 and the route's progress nodes
 * (流程推送): 申报人 提交 → 推荐单位 → 主管部门 → 人社部门 → 评委会, and the review record; live.
 */
export function DoneStep() {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { declaration } = useWizard();
  return (
    <Flex vertical gap={16}>
      {declaration.status === 'SUBMITTED' && (
        <Result
          status="success"
          title={<h2 className="zc-result-title">{t('done.title')}</h2>}
          subTitle={t('done.subTitle')}
          extra={
            <Tag color={DECLARATION_STATUS_COLOURS[declaration.status]}>
              {words.status('DeclarationStatus', declaration.status, declaration.statusText)}
            </Tag>
          }
        />
      )}
      {declaration.status === 'RETURNED' && <ReturnNotice withEditLink />}
      {declaration.submittedAt && declaration.status !== 'RETURNED' && <Receipt />}
      <Card size="small" title={<h2 className="zc-section-title">{t('done.progress')}</h2>}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'status',
              label: t('history.columns.status'),
              children: (
                <Tag color={DECLARATION_STATUS_COLOURS[declaration.status]} className="zc-status-tag">
                  {words.status('DeclarationStatus', declaration.status, declaration.statusText)}
                </Tag>
              ),
            },
            { key: 'unit', label: t('binding.unit'), children: declaration.unitName },
            {
              key: 'category',
              label: t('history.columns.category'),
              children: words.status('DeclarationCategory', declaration.category, declaration.categoryText),
            },
            {
              key: 'title',
              label: t('history.columns.title'),
              children: declaration.title?.titleName ?? '-',
            },
            {
              key: 'level',
              label: t('history.columns.level'),
              children: declaration.title?.levelName ?? '-',
            },
            ...(declaration.reviewPosition
              ? [
                  {
                    key: 'position',
                    label: t('done.position'),
                    children: `${words.status('ReviewLevel', declaration.reviewPosition.level, declaration.reviewPosition.levelText)}${words.language === 'zh-CN' ? '：' : ': '}${declaration.reviewPosition.organisationName}${
                      declaration.reviewPosition.deferred ? `（${t('done.deferred')}）` : ''
                    }`,
                  },
                ]
              : []),
            {
              key: 'submitted',
              label: t('done.submittedAt'),
              children: formatTime(declaration.submittedAt) ?? '-',
            },
          ]}
        />
        <ReviewTrack track={declaration} submittedAt={declaration.submittedAt} />
      </Card>
      <Flex justify="center" gap={12} wrap>
        <Button onClick={() => navigate(paths.items)}>{t('done.toItems')}</Button>
        <Button type="primary" onClick={() => navigate(paths.home)}>
          {t('done.toHome')}
        </Button>
      </Flex>
    </Flex>
  );
}
