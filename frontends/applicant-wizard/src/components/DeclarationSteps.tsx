import { Steps } from 'antd';
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
