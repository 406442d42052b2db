// Pure helpers that turn GraphQL failures into what a person sees. They depend on no runtime
// library (urql's CombinedError is read by shape), so they are unit-tested without a browser.
import { fieldProblemText } from '../vocabulary/problems';

/** The stable `extensions.code` values of the API (docs/api-guide.md lists them). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CAPTCHA_INVALID'
  | 'SMS_CODE_INVALID'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_NOT_ACTIVATED'
  | 'ACCOUNT_DISABLED'
  | 'RATE_LIMITED'
  | 'DEADLINE_PASSED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR';

/** One entry of a BAD_USER_INPUT error's `extensions.fields`. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** What a form shows: a problem tied to a form field, or a general one (field undefined). */
export interface Problem {
  field?: string;
  message: string;
}

/** The parts of a GraphQL error this module reads. */
export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Looks up translated text; returns undefined when there is no translation for the key. `language`
 * (the UI's, when known): outside Chinese the server's Chinese sentences are replaced by text built
 * from codes (the API's language rule, docs/api-guide.md).
 */
export type Translate = ((key: string, values?: Record<string, unknown>) => string | undefined) & {
  readonly language?: string;
};

function isChinese(translate: Translate): boolean {
  return translate.language === undefined || translate.language === 'zh-CN';
}

/**
 * Codes whose server message names the specific problem ("该手机号已注册"), so the server's text is
 * kept; for the other codes the translated, generic text is clearer (and exists in English).
 */
const SPECIFIC_CODES = new Set<string>(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'DEADLINE_PASSED']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The GraphQL errors inside a urql CombinedError (or a bare GraphQL error, or an array of them). */
export function graphQLErrorsOf(error: unknown): GraphQLErrorLike[] {
  if (Array.isArray(error)) return error.flatMap(graphQLErrorsOf);
  if (!isRecord(error)) return [];
  if (Array.isArray(error.graphQLErrors)) return error.graphQLErrors.flatMap(graphQLErrorsOf);
  if (typeof error.message === 'string' && isRecord(error.extensions)) {
    return [{ message: error.message, extensions: error.extensions }];
  }
  return [];
}

/** True when the failure never reached the API (offline, gateway down). */
export function isNetworkError(error: unknown): boolean {
  return isRecord(error) && error.networkError != null && graphQLErrorsOf(error).length === 0;
}

/** The first error code, e.g. "CAPTCHA_INVALID". */
export function errorCodeOf(error: unknown): string | undefined {
  for (const e of graphQLErrorsOf(error)) {
    if (typeof e.extensions?.code === 'string') return e.extensions.code;
  }
  return undefined;
}

/** True when any of the errors carries the code. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

/** The `extensions.fields` of every BAD_USER_INPUT error, malformed entries skipped. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  return graphQLErrorsOf(error)
    .filter((e) => e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.fields))
    .flatMap((e) => e.extensions?.fields as unknown[])
    .filter(
      (f): f is FieldProblem => isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string',
    )
    .map((f) => ({ field: f.field, code: typeof f.code === 'string' ? f.code : '', message: f.message }));
}

/** "input.mobile" and "input.agents[0].name" -> "mobile" and "agents.0.name". */
export function normaliseFieldPath(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^input\./, '')
    .replace(/^\.+/, '');
}

/** A message for one field problem: translated by its code when possible, else the server's. */
export function fieldMessage(problem: FieldProblem, translate: Translate): string {
  if (!isChinese(translate)) return fieldProblemText('en', problem);
  return (problem.code && translate(`fieldErrors.${problem.code}`)) || problem.message;
}

/**
 * The text for a failure as a whole, following the rule above; retryAfterSeconds is offered to
 * translations as {{seconds}} and {{minutes}}.
 */
export function errorMessage(error: unknown, translate: Translate): string {
  const first = graphQLErrorsOf(error)[0];
  if (!first) {
    return (
      (isNetworkError(error) && translate('errors.NETWORK')) ||
      translate('errors.UNKNOWN') ||
      '操作失败，请稍后重试'
    );
  }
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  if (code && SPECIFIC_CODES.has(code) && first.message && isChinese(translate)) return first.message;
  const seconds = Number(first.extensions?.retryAfterSeconds ?? 0);
  const values = { seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) };
  return (
    (code && translate(`errors.${code}`, values)) ||
    first.message ||
    translate('errors.UNKNOWN') ||
    code ||
    ''
  );
}

/** Where a problem lands: the form field it names, or the summary only. */
export interface ProblemPlacement {
  /** Form field names that exist in the form. */
  knownFields: ReadonlySet<string>;
  /** Server field path -> form field name, e.g. { captchaAnswer: 'captcha' }. */
  aliases?: Readonly<Record<string, string>>;
  /** Error code -> form field name, e.g. { CAPTCHA_INVALID: 'captcha' }. */
  codeFields?: Readonly<Record<string, string>>;
}

/**
 * Every problem of a failure, in order, each tied to a form field when the form has that field:
 * BAD_USER_INPUT lists all its fields at once (the seeds' style), other codes give one problem.
 */
export function problemsOf(error: unknown, placement: ProblemPlacement, translate: Translate): Problem[] {
  const place = (name: string | undefined): string | undefined =>
    name !== undefined && placement.knownFields.has(name) ? name : undefined;
  const fields = fieldProblemsOf(error);
  if (fields.length > 0) {
    return fields.map((problem) => {
      const path = normaliseFieldPath(problem.field);
      return { field: place(placement.aliases?.[path] ?? path), message: fieldMessage(problem, translate) };
    });
  }
  const code = errorCodeOf(error);
  return [
    {
      field: place(code ? placement.codeFields?.[code] : undefined),
      message: errorMessage(error, translate),
    },
  ];
}

/** Problems grouped per field, the shape antd's form.setFields takes. */
export function fieldErrorsOf(problems: readonly Problem[]): { name: string; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    if (p.field === undefined) continue;
    byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
