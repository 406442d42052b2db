import { useCallback, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { fieldErrorsOf, problemsOf, type Problem } from '../graphql/errors';
import { translateOrUndefined } from '../i18n';

export interface FormErrorOptions {
  /** Server field path -> form field name, e.g. { idNumber: 'account' }. */
  aliases?: Record<string, string>;
  /** Error code -> form field name for errors that are about one field. */
  codeFields?: Record<string, string>;
}

/** The captcha and SMS widgets are one form field each; the API names their parts. */
const DEFAULT_ALIASES: Record<string, string> = { captchaId: 'captcha', captchaAnswer: 'captcha' };
const DEFAULT_CODE_FIELDS: Record<string, string> = {
  CAPTCHA_INVALID: 'captcha',
  SMS_CODE_INVALID: 'smsCode',
};

interface ValidationFailure {
  errorFields: { name: (string | number)[]; errors: string[] }[];
}

function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows failures of a form both next to the fields (form.setFields) and in an <ErrorSummary>:
 * `showError` for a server error (BAD_USER_INPUT lists every field problem), `showValidation` for
 * antd's own validation (pass it to onFinishFailed), `clear` before a new submit.
 */
export function useFormErrors(form: FormInstance, options: FormErrorOptions = {}) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const showError = useCallback(
    (error: unknown): Problem[] => {
      const knownFields = new Set(form.getFieldsError().map((field) => field.name.join('.')));
      const next = problemsOf(
        error,
        {
          knownFields,
          aliases: { ...DEFAULT_ALIASES, ...optionsRef.current.aliases },
          codeFields: { ...DEFAULT_CODE_FIELDS, ...optionsRef.current.codeFields },
        },
        translateOrUndefined,
      );
      form.setFields(fieldErrorsOf(next).map(({ name, errors }) => ({ name: toNamePath(name), errors })));
      setProblems(next);
      return next;
    },
    [form],
  );

  const showValidation = useCallback((failure: ValidationFailure) => {
    setProblems(
      failure.errorFields.flatMap(({ name, errors }) =>
        errors.map((message) => ({ field: name.join('.'), message })),
      ),
    );
  }, []);

  const clear = useCallback(() => setProblems([]), []);

  return { problems, showError, showValidation, clear };
}
