import { Grid, Steps } from 'antd';
import { useTranslation } from '@zhicheng/web-kit';

export type StepIndex = 0 | 1 | 2 | 3;

/** 01 条件自检 → 02 信息填报 → 03 附件上传 → 04 提交完成 (antd Steps, current one marked for AT). */
export function DeclarationSteps({
  current,
  finished,
  fillProblems = 0,
  onChange,
}: {
  current: StepIndex;
  finished?: boolean;
  /** Problems left in the modules: 02 信息填报 is not ticked while there are any. */
  fillProblems?: number;
  /** Makes 信息填报 and 附件上传 clickable (a draft moves freely between them). */
  onChange?: (step: StepIndex) => void;
}) {
  const { t } = useTranslation('applicant');
  const keys = ['check', 'fill', 'attachments', 'done'] as const;
  // A phone shows where the applicant is in one line; the four steps would take a screen.
  if (Grid.useBreakpoint().md === false) {
    return (
      <nav aria-label={t('steps.label')} className="zc-steps zc-steps-compact">
        <span aria-current="step">
          {t('steps.compact', { n: current + 1, total: keys.length, step: t(`steps.${keys[current]}`) })}
        </span>
        {current < keys.length - 1 && (
          <span className="zc-muted">{t('steps.nextIs', { step: t(`steps.${keys[current + 1]}`) })}</span>
        )}
      </nav>
    );
  }
  return (
    <nav aria-label={t('steps.label')} className="zc-steps">
      <Steps
        current={current}
        status={finished ? 'finish' : 'process'}
        onChange={onChange ? (next) => onChange(next as StepIndex) : undefined}
        items={keys.map((key, index) => ({
          title: t(`steps.${key}`),
          ...(key === 'fill' && index < current && fillProblems > 0
            ? { status: 'wait' as const, content: t('fill.stepProblems', { count: fillProblems }) }
            : {}),
          'aria-current': index === current ? 'step' : undefined,
          disabled: onChange ? index === 0 || index === 3 : undefined,
        }))}
      />
    </nav>
  );
}
