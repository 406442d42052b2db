import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { safeErrorForLog } from './logger';

/**
 * Stable error codes of the public API (docs/api-guide.md lists them). Clients branch on
 * `extensions.code`, never on the message, which is Chinese text for people.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CAPTCHA_INVALID: 'CAPTCHA_INVALID',
  SMS_CODE_INVALID: 'SMS_CODE_INVALID',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_NOT_ACTIVATED: 'ACCOUNT_NOT_ACTIVATED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  /** The password was right but must be changed first (a new or reset staff account). */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A request that is not a GraphQL request of ours (malformed JSON, no object, bad target). */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** An Accept header that allows neither application/json nor application/graphql-response+json. */
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  /** A persisted-document id (hash) the server does not know. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** Production accepts only the front ends' persisted documents from this caller. */
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one input field; `field` is a dotted path into the mutation's input. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

// Errors keep HTTP 200 (GraphQL's convention): a non-2xx answer from a subgraph would make the
// gateway replace our code and message with its own "401: Unauthorized" wrapper.
export function appError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = '请先登录') => appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = '您无权进行此操作') => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (message = '记录不存在或您无权查看') => appError(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string) => appError(ErrorCode.CONFLICT, message);

export function badUserInput(problems: FieldProblem[]): GraphQLError {
  const summary =
    problems.length === 1 ? problems[0].message : `提交的信息有 ${problems.length} 处问题，请逐项修改后重试`;
  return appError(ErrorCode.BAD_USER_INPUT, summary, { fields: problems });
}

/**
 * Collects every problem of an input before answering, so a person sees all of them at once
 * (the seeds' 数据验证信息 style) instead of fixing one error per round trip.
 */
export class Problems {
  private readonly list: FieldProblem[] = [];

  add(field: string, code: string, message: string): this {
    this.list.push({ field, code, message });
    return this;
  }

  addAll(field: string, problems: ReadonlyArray<{ code: string; message: string }>): this {
    for (const p of problems) this.add(field, p.code, p.message);
    return this;
  }

  has(field?: string): boolean {
    return field === undefined ? this.list.length > 0 : this.list.some((p) => p.field === field);
  }

  get all(): readonly FieldProblem[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw badUserInput([...this.list]);
  }
}

const publicCodes = new Set<string>([
  ...Object.values(ErrorCode),
  // Raised by graphql-js / Apollo itself for malformed operations: safe and useful to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// graphql-js and Apollo word these in English for developers; a person sees what to do first.
const PROTOCOL_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语句有语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询语句与接口定义不符',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作（含多个操作时须给出 operationName）',
  BAD_REQUEST: '请求无效',
  PERSISTED_QUERY_NOT_FOUND: '服务器不认识该持久化文档（哈希），请连同完整的查询语句重新发送',
};

/**
 * graphql-js words a variable it cannot coerce as `Variable "$input" got invalid value <the value>
 * at "input.idNumber"; …`, quoting what was sent (an ID number, a mobile) back in English. The
 * answer names the field and the problem in Chinese instead, never the value, in the same
 * `fields` shape as the domain's BAD_USER_INPUT.
 */
export function coercionProblem(message: string): FieldProblem | null {
  const missing =
    /^Variable "\$(\w+)" of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)\.$/.exec(
      message,
    );
  if (missing)
    return {
      field: missing[1],
      code: 'REQUIRED',
      message: `缺少必填参数 ${missing[1]}（类型 ${missing[2]}）`,
    };
  const invalid = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([^;]*)$/.exec(message);
  if (!invalid) return null;
  const field = (invalid[2] ?? invalid[1]).replace(/\[(\d+)\]/g, '.$1');
  const reason = invalid[3];
  const enumName = /does not exist in "(\w+)" enum/.exec(reason);
  if (enumName) return { field, code: 'INVALID_ENUM', message: `${field} 不是 ${enumName[1]} 的可选值` };
  const unknown = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(reason);
  if (unknown)
    return {
      field: `${field}.${unknown[1]}`,
      code: 'UNKNOWN_FIELD',
      message: `${unknown[2]} 没有字段 ${unknown[1]}`,
    };
  const required = /^Field "(\w+)" of required type "([^"]+)" was not provided/.exec(reason);
  if (required)
    return {
      field: `${field}.${required[1]}`,
      code: 'REQUIRED',
      message: `缺少必填字段 ${required[1]}（类型 ${required[2]}）`,
    };
  const type =
    /^(\w+) cannot represent/.exec(reason)?.[1] ??
    /^Expected (?:type|value of type) "([^"]+)"/.exec(reason)?.[1];
  if (type) return { field, code: 'INVALID_TYPE', message: `${field} 的类型不正确，应为 ${type}` };
  return { field, code: 'INVALID_VALUE', message: `${field} 的值无效` };
}

/** The public code of a formatted error: the code a limit rule means, a token limit, else its own. */
const APQ_MISTAKES = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

function publicCodeOf(formatted: GraphQLFormattedError): unknown {
  if (formatted.extensions?.reason === ErrorCode.QUERY_TOO_COMPLEX) return ErrorCode.QUERY_TOO_COMPLEX;
  if (
    formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' &&
    /Document contains more tha[nt] \d+ tokens/.test(formatted.message)
  )
    return ErrorCode.QUERY_TOO_COMPLEX;
  // Apollo's persisted-query checks raise these without a code (and HTTP 400): the client's to fix.
  // (Apollo fills in INTERNAL_SERVER_ERROR for an error without a code.)
  if (
    APQ_MISTAKES.has(formatted.message) &&
    [undefined, 'INTERNAL_SERVER_ERROR'].includes(formatted.extensions?.code as string)
  )
    return 'BAD_REQUEST';
  // Apollo answers a request it cannot run (two operations and no operationName, a missing
  // query) with BAD_REQUEST or OPERATION_RESOLUTION_FAILURE: both are the client's to fix.
  return formatted.extensions?.code;
}

/**
 * Apollo `formatError`: errors we raised on purpose pass through; anything else (a bug, a
 * database error) is logged with its stack and answered with a generic message, so neither
 * SQL nor stack traces ever reach a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A validation rule cannot choose its code (Apollo sets GRAPHQL_VALIDATION_FAILED), so the
    // query-limit rule names the code it means in `reason`.
    const code = publicCodeOf(formatted);
    if (code === ErrorCode.QUERY_TOO_COMPLEX && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED')
      return {
        message: '查询过于复杂（嵌套过深或请求字段过多），请拆分后重试',
        extensions: {
          code,
          limit: 'tokens',
          max: Number(/more tha[nt] (\d+) tokens/.exec(formatted.message)?.[1]),
          detail: formatted.message,
        },
      };
    const coercion = code === ErrorCode.BAD_USER_INPUT ? coercionProblem(formatted.message) : null;
    if (coercion)
      return {
        message: coercion.message,
        locations: formatted.locations,
        extensions: { code, fields: [coercion] },
      };
    if (typeof code === 'string' && publicCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      // `response` is the gateway's copy of a subgraph's raw answer (internal URLs) and
      // `serviceName` the subgraph that failed: internal topology, never shown.
      const {
        stacktrace: _stack,
        response: _response,
        exception: _exception,
        serviceName: _serviceName,
        // The query-limit rule's note to this formatter (the code says it now).
        reason: ruleReason,
        ...extensions
      } = formatted.extensions ?? {};
      if (ruleReason !== undefined && ruleReason !== ErrorCode.QUERY_TOO_COMPLEX)
        extensions.reason = ruleReason;
      const lead = PROTOCOL_MESSAGES[code];
      // The English detail stays for the developer who wrote the query.
      const message =
        lead && !/[\u4e00-\u9fff]/.test(formatted.message)
          ? `${lead}：${formatted.message}`
          : formatted.message;
      return { ...formatted, message, extensions: { ...extensions, code } };
    }
    // The log keeps the error's type, codes and frames, never a driver's message or parameters
    // (see safeErrorForLog): those quote the statement with a person's ID number and mobile.
    logger.error({ err: safeErrorForLog(error), path: formatted.path }, 'unexpected error in resolver');
    return {
      message: '服务器内部错误，请稍后重试',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
