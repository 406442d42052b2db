// What the gateway and every subgraph do alike at the HTTP edge: refuse what is no request of
// ours before it reaches a route, parse GraphQL bodies strictly, answer every failure as a coded
// JSON GraphQL error (express's own handler would send an HTML page with a stack and paths), and
// refuse text that no person types (control characters, broken Unicode).
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import { GraphQLError, Kind, OperationTypeNode, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode, type FieldProblem } from './errors';
import { loggableUrl } from './logger';

export const GRAPHQL_BODY_LIMIT = '1mb';

/** The body of every coded answer that is not a GraphQL execution result. */
export const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

function answer(res: express.Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(errorBody(code, message)));
}

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/**
 * First middleware of every server: a request target must be a path (origin-form). An
 * absolute-form target (`GET http://other-host/...`) or `*` names no resource of ours, and the
 * methods we serve are GET, HEAD, POST and OPTIONS (TRACE would echo credentials back).
 */
export function requestGuard(): RequestHandler {
  return (req, res, next) => {
    if (!ALLOWED_METHODS.has(req.method)) {
      res.setHeader('Allow', [...ALLOWED_METHODS].join(', '));
      return answer(res, 405, ErrorCode.METHOD_NOT_ALLOWED, '不支持该请求方法');
    }
    if (!req.url.startsWith('/') || req.url.startsWith('//'))
      return answer(res, 400, ErrorCode.BAD_REQUEST, '请求地址无效');
    next();
  };
}

/**
 * Security headers for API answers (helmet's defaults with a CSP that allows nothing: an API
 * answer is never a page). HSTS only in production, where the origin is served over HTTPS.
 * File answers (`/files/*`) get no CSP: a PDF previewed inline is shown by the browser's own
 * viewer, which `default-src 'none'` would block; they keep nosniff and their attachment names.
 */
export function apiSecurityHeaders(production: boolean): RequestHandler {
  const common = {
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
  };
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    },
  });
  const files = helmet({ ...common, contentSecurityPolicy: false });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    (req.path.startsWith('/files/') ? files : api)(req, res, next);
  };
}

/**
 * No page of ours uses these browser features; a script injected into one gets none of them.
 * Only features Chromium knows (an unknown one, such as `bluetooth`, is logged as an error on
 * every page).
 */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
  'magnetometer=(), gyroscope=(), accelerometer=()';

/**
 * The body parser for /graphql: JSON only (415 for another media type or a charset other than
 * UTF-8), at most 1 MB (413), and an object (400); what fails is answered by jsonErrorHandler.
 */
export function graphqlBodyParser(): RequestHandler[] {
  const json = express.json({ limit: GRAPHQL_BODY_LIMIT, strict: true });
  return [
    (req, res, next) => {
      if (req.method !== 'POST') {
        // GET carries the operation in the query string; Apollo wants `body` present either way.
        (req as { body?: unknown }).body ??= undefined;
        return next();
      }
      if (!req.is('application/json'))
        return answer(
          res,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          '请求体须为 JSON（Content-Type: application/json）',
        );
      json(req, res, next);
    },
    (req, res, next) => {
      const body = (req as { body?: unknown }).body;
      if (req.method === 'POST' && (typeof body !== 'object' || body === null || Array.isArray(body)))
        return answer(res, 400, ErrorCode.BAD_REQUEST, '请求体须为一个 JSON 对象（含 query 字段）');
      next();
    },
  ];
}

/** The errors body-parser raises, by its `type`, with our code and a message a person can act on. */
const BODY_ERRORS: Record<string, [number, ErrorCode, string]> = {
  'entity.parse.failed': [400, ErrorCode.BAD_REQUEST, '请求体不是有效的 JSON'],
  'entity.too.large': [413, ErrorCode.PAYLOAD_TOO_LARGE, '请求体过大（最大 1 MB），请减少一次提交的内容'],
  'charset.unsupported': [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, '请求体须使用 UTF-8 编码'],
  'encoding.unsupported': [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, '不支持该内容编码（Content-Encoding）'],
  'request.aborted': [400, ErrorCode.BAD_REQUEST, '请求未发送完整'],
  'request.size.invalid': [400, ErrorCode.BAD_REQUEST, '请求体长度与 Content-Length 不符'],
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** Last in every app: anything no route answered is a coded 404, never the shell's or express's page. */
export function notFoundHandler(): RequestHandler {
  return (_req, res) => answer(res, 404, ErrorCode.NOT_FOUND, '请求的地址不存在');
}

/**
 * Express's error handler for every app: a coded JSON answer with the right status, whatever
 * NODE_ENV says. Unknown errors are logged (without the request's body or query) and answered
 * as a 500 with a generic message.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = BODY_ERRORS[(error as { type?: string })?.type ?? ''];
    const status = known?.[0] ?? httpStatusOf(error);
    if (res.headersSent) {
      logger.warn({ err: error, url: loggableUrl(req.originalUrl) }, 'error after the answer started');
      res.destroy();
      return;
    }
    if (known) return answer(res, ...known);
    if (status >= 400 && status < 500)
      return answer(res, status, CODE_BY_STATUS[status] ?? ErrorCode.BAD_REQUEST, '请求无效');
    logger.error({ err: error, url: loggableUrl(req.originalUrl), method: req.method }, 'unexpected error');
    answer(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, '服务器内部错误，请稍后重试');
  };
}

function httpStatusOf(error: unknown): number {
  const status =
    (error as { status?: unknown; statusCode?: unknown })?.status ??
    (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

// C0 controls other than tab, line feed and carriage return, and DEL. Tabs and line breaks stay:
// opinions, work histories and notes are multi-line text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string is text a person can have typed: no stray controls, no lone surrogates. */
export const isCleanText = (text: string): boolean => !CONTROL.test(text) && !LONE_SURROGATE.test(text);

export const INVALID_CHARACTERS = 'INVALID_CHARACTERS';
const INVALID_CHARACTERS_MESSAGE = '含有无法识别的字符（控制字符或无效的 Unicode），请删除后重新输入';

/** The fields of a request (variables and literals) that carry no clean text. */
export const uncleanFields = (document: DocumentNode, variables: unknown): string[] => [
  ...uncleanStrings(variables ?? {}, ''),
  ...uncleanLiterals(document),
];

/** No input of ours nests deeper than this; deeper variables are refused before anything walks them. */
export const MAX_VARIABLE_DEPTH = 32;

export class TooDeep extends Error {}

/**
 * Every string in a variables object that is no clean text, by its dotted path (`input.name`).
 * Iterative, and throws TooDeep past MAX_VARIABLE_DEPTH: a 1 MB body of nested brackets would
 * otherwise overflow the stack here or in graphql-js's coercion (an HTTP 500).
 */
export function uncleanStrings(root: unknown, rootPath: string, found: string[] = []): string[] {
  const pending: Array<[unknown, string, number]> = [[root, rootPath, 0]];
  while (pending.length > 0) {
    const [value, path, depth] = pending.pop()!;
    if (typeof value === 'string') {
      if (!isCleanText(value)) found.push(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH) throw new TooDeep();
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      const here = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && !isCleanText(key)) found.push(here);
      pending.push([item, here, depth + 1]);
    }
  }
  return found;
}

/** Every string literal in a document that is no clean text, by `field.argument.objectField`. */
export function uncleanLiterals(document: DocumentNode): string[] {
  const found: string[] = [];
  const path: string[] = [];
  const named = (node: ASTNode) =>
    node.kind === Kind.FIELD || node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
  visit(document, {
    enter(node) {
      if (named(node)) path.push((node as { name: { value: string } }).name.value);
      if (node.kind === Kind.STRING && !isCleanText(node.value)) found.push(path.join('.'));
    },
    leave(node) {
      if (named(node)) path.pop();
    },
  });
  return found;
}

const problemsOf = (fields: string[]): FieldProblem[] =>
  [...new Set(fields)].map((field) => ({
    field,
    code: INVALID_CHARACTERS,
    message: INVALID_CHARACTERS_MESSAGE,
  }));

/** The error for text with control characters or broken Unicode, with each field's path. */
export function invalidCharacters(fields: string[], httpStatus = true): GraphQLError {
  const problems = problemsOf(fields);
  return new GraphQLError(
    problems.length === 1
      ? `${problems[0].field} ${INVALID_CHARACTERS_MESSAGE}`
      : `提交的信息有 ${problems.length} 处含有无法识别的字符，请删除后重新输入`,
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        fields: problems,
        // Apollo reads (and removes) `http`; a WebSocket answer has no status.
        ...(httpStatus ? { http: { status: 400 } } : {}),
      },
    },
  );
}

/**
 * The error for a request whose text no person typed (control characters, broken Unicode) or
 * whose variables nest deeper than any input of ours; null when it is fine. `httpStatus: false`
 * for WebSocket answers, which have no status.
 */
export function refusedText(
  document: DocumentNode,
  variables: unknown,
  httpStatus = true,
): GraphQLError | null {
  let fields: string[];
  try {
    fields = uncleanFields(document, variables);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return new GraphQLError('提交的数据嵌套过深，请检查后重试', {
      extensions: { code: ErrorCode.BAD_REQUEST, ...(httpStatus ? { http: { status: 400 } } : {}) },
    });
  }
  return fields.length > 0 ? invalidCharacters(fields, httpStatus) : null;
}

/**
 * Apollo plugin for the gateway and every subgraph: refuses text with control characters or
 * broken Unicode in variables or literals before anything runs (a NUL reached PostgreSQL, which
 * failed with the whole statement in its message), and answers a subscription sent over HTTP
 * with 400 (subscriptions run over graphql-ws on the same path).
 */
export function edgePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Several operations and no (or an unknown) operationName: Apollo would leave it to the
          // executor, and the gateway's executor throws (HTTP 500).
          if (!operation)
            throw new GraphQLError(
              request.operationName
                ? `查询语句中没有名为 ${request.operationName} 的操作`
                : '查询语句含多个操作时须用 operationName 指明执行哪一个',
              { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
            );
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION)
            throw new GraphQLError('订阅须通过 WebSocket（graphql-ws）连接 /graphql，不能用 HTTP 请求', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          const refused = refusedText(document, request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}
