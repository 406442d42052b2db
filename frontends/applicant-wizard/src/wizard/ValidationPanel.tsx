import { Alert, Card } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Link, useTranslation, useWords, validationProblemText } from '@zhicheng/web-kit';
import { paths } from '../routes';
import { useWizard } from './context';

/**
 * 数据验证信息: every problem of the declaration at once, numbered as in the seeds
 * ("1:教育经历已填写1条,其中有1条未上传证明材料,请补充上传;"), each a link to its module or to
 * the attachment catalogue below.
 */
export function ValidationPanel() {
  const { t } = useTranslation('applicant');
  const { declaration } = useWizard();
  const { ok, problems } = declaration.validation;
  const { language } = useWords();
  const config = declaration.notice.formConfig;
  return (
    <Card
      size="small"
      title={<h2 className="zc-section-title">{t('validation.title')}</h2>}
      className="zc-validation"
    >
      <div aria-live="polite">
        {ok || problems.length === 0 ? (
          <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('validation.ok')} />
        ) : (
          <>
            <p className="zc-validation-intro">{t('validation.intro', { count: problems.length })}</p>
            <ol className="zc-validation-list" aria-label={t('validation.title')}>
              {problems.map((problem, index) => {
                const text = validationProblemText(language, problem, config);
                const target =
                  problem.module === 'ATTACHMENTS' ? undefined : paths.fill(declaration.id, problem.module);
                return (
                  <li key={`${problem.code}-${index}`}>
                    <ExclamationCircleOutlined className="zc-problem-icon" aria-hidden />{' '}
                    <span className="zc-muted">{index + 1}:</span>{' '}
                    {target ? (
                      <Link to={target}>{text}</Link>
                    ) : (
                      <a
                        href="#zc-attachment-catalogue"
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById('zc-attachment-catalogue')?.focus();
                        }}
                      >
                        {text}
                      </a>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
    </Card>
  );
}
