import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

// File links and upload tickets are bearer secrets carried in the path (/files/.../<token>); the
// path shape stays readable in the log, the token does not.
const FILE_TOKEN = /^(\/files(?:\/review)?\/(?:uploads|downloads|forms)\/)[^/?#]+/;

/** A request target fit for the log: file tokens replaced, the query string dropped. */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(FILE_TOKEN, '$1[redacted]');
}

/**
 * What a log line keeps of a request: no headers with credentials (authorization, cookies), no
 * query string (signed links, tickets), no body. The request id joins it to other processes.
 */
function requestForLog(req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) {
  const source = req.raw ?? req;
  return {
    id: req.id,
    method: source.method,
    url: loggableUrl(source.url),
    userAgent: source.headers?.['user-agent'],
  };
}

/**
 * One JSON logger per process; pretty printing is left to the operator's pipe (pino-pretty).
 * `destination` lets a test read what would be written.
 */
export function createLogger(
  service: string,
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    serializers: { req: requestForLog, err: safeErrorForLog, error: safeErrorForLog },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        // Top level and one level down (pino's wildcard matches exactly one level).
        ...['password', 'token', 'accessToken', 'refreshToken', 'ticket', 'idNumber', 'mobile'].flatMap(
          (key) => [key, `*.${key}`],
        ),
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const SQL_IN_MESSAGE =
  /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|select\s[\s\S]*\sfrom|values\s*\()/i;

/**
 * An error as the log may keep it: type, codes, the stack's frames; the message only when it
 * carries no SQL. MikroORM's driver errors quote the whole statement with every parameter (a
 * declaration's ID number and mobile), and pg's `detail` names the row's values, so neither the
 * message of a driver error nor `detail`, `sql` or `params` is written. Follows `originalError`
 * and `cause` a few levels deep.
 */
export function safeErrorForLog(error: unknown, depth = 0): unknown {
  // pino-http hands its error serializer a plain copy of the error, not the Error itself.
  const looksLikeError =
    error instanceof Error ||
    (typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string');
  if (!looksLikeError) return error;
  const record = error as Error & Record<string, unknown>;
  const fromDriver =
    'sqlState' in record ||
    'sql' in record ||
    'params' in record ||
    (typeof record.code === 'string' && /^[0-9A-Z]{5}$/.test(record.code));
  const message =
    fromDriver || SQL_IN_MESSAGE.test(record.message)
      ? '[withheld: a database message may carry values]'
      : record.message;
  const frames = String(record.stack ?? '')
    .split('\n')
    .filter((line: string) => /^\s+at /.test(line))
    .join('\n');
  const type =
    error instanceof Error && record.name === 'Error' ? error.constructor.name : (record.name ?? record.type);
  const safe: Record<string, unknown> = { type, message, stack: frames };
  for (const key of ['code', 'sqlState', 'routine', 'table', 'constraint', 'column'])
    if (typeof record[key] === 'string' || typeof record[key] === 'number') safe[key] = record[key];
  const code = (record.extensions as { code?: unknown } | undefined)?.code;
  if (code !== undefined) safe.extensions = { code };
  if (Array.isArray(record.path)) safe.path = record.path;
  const inner = record.originalError ?? record.cause;
  if (inner && typeof inner === 'object' && inner !== error && depth < 3)
    safe.cause = safeErrorForLog(inner, depth + 1);
  return safe;
}

/** For pinoHttp: the same request and error shapes as the process logger's. */
export const httpLogSerializers = { req: requestForLog, err: safeErrorForLog };
