import { DeclarationSteps, type StepIndex } from '../components/DeclarationSteps';
import { paths } from '../routes';
import { useWizard } from './context';
import { fillStepDone } from './progress';

/** The steps above 02–04; while editable, 信息填报 and 附件上传 are links (asking before unsaved changes go). */
export function WizardSteps({ current, editable }: { current: StepIndex; editable: boolean }) {
  const { declaration, leave } = useWizard();
  const { problems } = declaration.validation;
  return (
    <DeclarationSteps
      current={current}
      finished={current === 3}
      fillProblems={
        current === 3 || fillStepDone(problems)
          ? 0
          : problems.filter((p) => p.module !== 'ATTACHMENTS').length
      }
      onChange={
        editable
          ? (next) => leave(next === 2 ? paths.attachments(declaration.id) : paths.fill(declaration.id))
          : undefined
      }
    />
  );
}
