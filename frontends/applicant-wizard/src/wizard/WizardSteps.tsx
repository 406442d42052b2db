import { DeclarationSteps, type StepIndex } from '../components/DeclarationSteps';
import { paths } from '../routes';
import { useWizard } from './context';

/** The steps above 02–04; while editable, 信息填报 and 附件上传 are links (asking before unsaved changes go). */
export function WizardSteps({ current, editable }: { current: StepIndex; editable: boolean }) {
  const { declaration, leave } = useWizard();
  return (
    <DeclarationSteps
      current={current}
      finished={current === 3}
      onChange={
        editable
          ? (next) => leave(next === 2 ? paths.attachments(declaration.id) : paths.fill(declaration.id))
          : undefined
      }
    />
  );
}
