import { useEffect, useRef, type MouseEvent } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../graphql/errors';

/** The id antd gives a field's control: `<form name>_<field path joined by _>`. */
export function fieldElementId(formName: string, field: string): string {
  return `${formName}_${field.split('.').join('_')}`;
}

export interface ErrorSummaryProps {
  problems: readonly Problem[];
  /** The antd Form's `name`, so each problem links to its field. */
  formName?: string;
}

/**
 * Every problem of the last submit at the top of the form (the seeds list them all at once);
 * takes focus so screen-reader and keyboard users land on it, and each entry jumps to its field.
 */
export function ErrorSummary({ problems, formName }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault(); // no hash change: routing listens to history
    document.getElementById(id)?.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} style={{ marginBottom: 16, outline: 'none' }}>
      <Alert
        type="error"
        showIcon
        title={t('form.summaryTitle', { count: problems.length })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((problem, index) => {
              const id = problem.field && formName ? fieldElementId(formName, problem.field) : undefined;
              return (
                <li key={`${problem.field ?? ''}-${index}`}>
                  {id ? (
                    <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                      {problem.message}
                    </a>
                  ) : (
                    problem.message
                  )}
                </li>
              );
            })}
          </ul>
        }
      />
    </div>
  );
}
