import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useFormErrors, useTranslation } from '@zhicheng/web-kit';
import type { DeclarationModulesInput } from '../../gql/graphql';
import { useWizard } from '../context';
import { changedPaths } from './formPaths';

interface ValidationFailure {
  errorFields: { name: (string | number)[]; errors: string[] }[];
}

/**
 * 暂存 for a module edited as one form (基本信息, 创新创业成果, 工作总结): saves only that module,
 * shows the server's field problems next to the fields and in the summary, and marks the form
 * clean; saveAndNext saves first when something changed.
 */
export function useModuleForm<V>(form: FormInstance, toInput: (values: V) => DeclarationModulesInput) {
  const { t } = useTranslation('applicant');
  const { message } = App.useApp();
  const { save, dirty, saving } = useWizard();
  const errors = useFormErrors(form);

  /** Server problems stay on a field until its value changes or the next save. */
  const clearFieldErrors = useCallback(() => {
    form.setFields(form.getFieldsError().map(({ name }) => ({ name, errors: [] })));
  }, [form]);

  const submit = useCallback(
    async (values: V, after?: () => void) => {
      errors.clear();
      clearFieldErrors();
      const result = await save(toInput(values));
      if (!result.ok) {
        if (!result.conflict) errors.showError(result.error);
        return;
      }
      dirty.current = false;
      message.success(t('fill.saved'));
      after?.();
    },
    [clearFieldErrors, dirty, errors, message, save, t, toInput],
  );

  const saveAndNext = useCallback(
    (next: () => void) => async () => {
      if (!dirty.current) return next();
      try {
        const values = (await form.validateFields()) as V;
        await submit(values, next);
      } catch (failure) {
        if (failure && typeof failure === 'object' && 'errorFields' in failure) {
          errors.showValidation(failure as ValidationFailure);
        }
      }
    },
    [dirty, errors, form, submit],
  );

  /** For onValuesChange: the form has unsaved changes, and a changed field loses its old error. */
  const markDirty = useCallback(
    (changed: unknown) => {
      dirty.current = true;
      form.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })));
    },
    [dirty, form],
  );

  return { errors, submit, saveAndNext, markDirty, saving };
}
