import { Alert, Button, Descriptions } from 'antd';
import { navigate, useTranslation, useWords } from '@zhicheng/web-kit';
import { formatTime } from '../format';
import { paths } from '../routes';
import { useWizard } from './context';

/** 被退回: the return opinion, who returned it and when, and the flagged (×) modules. */
export function ReturnNotice({ withEditLink = false }: { withEditLink?: boolean }) {
  const { t } = useTranslation('applicant');
  const words = useWords();
  const { declaration } = useWizard();
  const flagged = declaration.returnedModules ?? declaration.editableModules;
  const names = declaration.notice.formConfig.modules
    .filter((module) => flagged.includes(module.key))
    .map((module) => `${module.name} ×`);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="zc-return-notice"
      title={t('fill.returnedNoOpinion')}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'opinion',
              label: t('done.returned'),
              children: declaration.returnOpinion ?? t('fill.returnedNoOpinion'),
            },
            ...(declaration.returnedBy
              ? [
                  {
                    key: 'by',
                    label: t('done.returnedBy'),
                    children: `${words.status('ReviewLevel', declaration.returnedBy.level, declaration.returnedBy.levelText)}${words.language === 'zh-CN' ? '：' : ': '}${declaration.returnedBy.organisationName}`,
                  },
                ]
              : []),
            ...(declaration.returnedAt
              ? [{ key: 'at', label: t('done.returnedAt'), children: formatTime(declaration.returnedAt) }]
              : []),
            { key: 'modules', label: t('done.flaggedModules'), children: words.join(names) || '-' },
          ]}
        />
      }
      action={
        withEditLink ? (
          <Button
            type="primary"
            size="small"
            onClick={() => navigate(paths.fill(declaration.id, flagged[0]))}
          >
            {t('history.actions.edit')}
          </Button>
        ) : undefined
      }
    />
  );
}
