import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Express, Request, Response } from 'express';
import type { Logger } from '@zhicheng/server-kit';

/**
 * The request headers a file service reads: an upload's type and length. Nothing else of the
 * browser's request goes on (no Authorization, no cookies): the link or ticket in the path is
 * the only credential a file route takes.
 */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length'] as const;

/**
 * The answer headers a browser needs from a file service: what the file is, how to save it, how
 * long to keep it. The gateway's own security headers stay; nothing else of the upstream's answer
 * (hop-by-hop headers, cookies, server names) is passed on.
 */
const PASSED_ANSWER_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
  'etag',
  'last-modified',
  'retry-after',
] as const;

const UNAVAILABLE = {
  error: { code: 'UPSTREAM_UNAVAILABLE', message: '文件服务暂不可用，请稍后重试' },
} as const;

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

function forwardedHeaders(req: Request): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value: string | string[] | undefined = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  headers['x-request-id'] = String(req.id);
  headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  return headers;
}

function answerHeaders(upstream: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of PASSED_ANSWER_HEADERS) {
    const value: string | string[] | undefined = upstream[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/**
 * Who may frame a file answer. A file shown inline (a business form, an attachment's preview) may
 * be framed by our own pages only (the reviewer's page shows proofs beside the material); anything
 * else (a download, an error) may not be framed at all.
 */
export function framingHeaders(disposition: string | string[] | undefined): Record<string, string> {
  const inline = typeof disposition === 'string' && /^\s*inline\b/i.test(disposition);
  return inline
    ? {
        'x-frame-options': 'SAMEORIGIN',
        // Only the framing rule: a stricter policy on a PDF answer stops Chromium's PDF viewer.
        'content-security-policy': "frame-ancestors 'self'",
      }
    : { 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" };
}

const LINGER_MS = 10_000;

/** Reads and drops the rest of a request body, cutting the connection after LINGER_MS. */
function linger(req: Request): void {
  const timer = setTimeout(() => req.destroy(), LINGER_MS);
  timer.unref();
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

export interface FileRoute {
  /** Ends the pooled upstream connections (on gateway close). */
  close(): void;
}

/**
 * `/files/*` on the gateway's origin, passed to the file service that owns the path (see
 * fileUpstreams) as streams both ways: an upload's bytes go upstream as they arrive, a download's
 * bytes come back as they are read, nothing is buffered whole. The client's abort aborts the
 * upstream request (so a half upload is discarded there); an upstream that cannot be reached is
 * answered with 502 and a Chinese message.
 */
export function mountFileRoute(app: Express, upstreamFor: FileUpstreams, logger: Logger): FileRoute {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  if (!upstreamFor.declaration)
    logger.warn('no file service configured (FILES_UPSTREAM_URL or SUBGRAPH_URLS.declaration)');

  app.use('/files', (req: Request, res: Response) => {
    const route = matchFileRoute(req.originalUrl);
    if (route.kind === 'invalid') return refuse(res, 400, 'BAD_REQUEST', '文件地址无效');
    if (route.kind === 'unknown') return refuse(res, 404, 'NOT_FOUND', '文件地址不存在');
    if (!route.methods.includes(req.method)) {
      res.setHeader('Allow', route.methods.join(', '));
      return refuse(res, 405, 'METHOD_NOT_ALLOWED', '不支持该请求方法');
    }
    const upstream = upstreamFor[route.owner];
    const unavailable = (error?: Error) => {
      logger.warn({ err: error, route: route.name, requestId: req.id }, 'file service unavailable');
      if (res.headersSent) return res.destroy(error);
      res.status(502).json(UNAVAILABLE);
      if (!req.complete) {
        req.unpipe(outgoing);
        linger(req);
      }
    };
    if (!upstream) return unavailable();

    // Built from the checked parts only, on the owner's fixed origin: never from the raw target.
    const target = new URL(route.upstreamPath, upstream.origin);
    const client = target.protocol === 'https:' ? https : http;
    const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const outgoing = client.request(target, {
      method: req.method,
      headers: forwardedHeaders(req),
      agent,
    });
    let answered = false;

    outgoing.on('response', (answer: IncomingMessage) => {
      answered = true;
      // The file service may answer before the body is complete (a refused upload): stop
      // passing the rest upstream, drop that connection once the answer is through, and read
      // and drop the rest of the client's body for a while so the answer reaches it (a socket
      // closed on unread data is reset, and a reset can discard the answer).
      if (!req.complete) {
        req.unpipe(outgoing);
        answer.on('end', () => outgoing.destroy());
        linger(req);
      }
      res.status(answer.statusCode ?? 502);
      res.set(answerHeaders(answer.headers));
      res.set(framingHeaders(answer.headers['content-disposition']));
      answer.pipe(res);
      answer.on('error', (error) => res.destroy(error));
      answer.on('aborted', () => res.destroy());
    });
    outgoing.on('error', (error) => {
      // Once an answer is on its way, its own stream decides (writing the rest of a refused
      // body upstream fails with EPIPE, which is expected).
      if (answered) return;
      unavailable(error);
    });

    // The client went away before the answer was complete: abort upstream too.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.on('error', () => outgoing.destroy());
    req.pipe(outgoing);
  });

  return {
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** The file service of each owner; a route names its owner, never an address. */
export interface FileUpstreams {
  declaration: URL | null;
  review: URL | null;
  certificate: URL | null;
}

const originOf = (url: string | undefined) => (url ? new URL(new URL(url).origin) : null);

/**
 * The file services: `/files/review/*` (batch attachments) belongs to the review subgraph,
 * `/files/certificates/*` (certificate PDFs, 补办/登记 materials) to the certificate subgraph, the rest (declaration
 * attachments, business forms) to FILES_UPSTREAM_URL, else the declaration subgraph. Only the
 * origins are kept.
 */
export function fileUpstreams(env: {
  FILES_UPSTREAM_URL?: string;
  SUBGRAPH_URLS: Record<string, string>;
}): FileUpstreams {
  return {
    declaration: originOf(env.FILES_UPSTREAM_URL ?? env.SUBGRAPH_URLS.declaration),
    review: originOf(env.SUBGRAPH_URLS.review),
    certificate: originOf(env.SUBGRAPH_URLS.certificate),
  };
}

/** A signed link or ticket as libs/files makes them: base64url body, a dot, base64url MAC. */
const TOKEN = '[A-Za-z0-9_-]{1,4096}\\.[A-Za-z0-9_-]{1,512}';

/**
 * Every path shape the file services serve (the files/routes.ts of declaration and review, certificate's pdf/routes.ts), with its owner and
 * methods. A path that is none of these is not passed anywhere.
 */
const FILE_ROUTES = [
  {
    name: 'upload',
    pattern: new RegExp(`^/files/uploads/(${TOKEN})$`),
    owner: 'declaration',
    methods: ['POST'],
  },
  {
    name: 'download',
    pattern: new RegExp(`^/files/downloads/(${TOKEN})$`),
    owner: 'declaration',
    methods: ['GET'],
  },
  { name: 'form', pattern: new RegExp(`^/files/forms/(${TOKEN})$`), owner: 'declaration', methods: ['GET'] },
  {
    name: 'review-upload',
    pattern: new RegExp(`^/files/review/uploads/(${TOKEN})$`),
    owner: 'review',
    methods: ['POST'],
  },
  {
    name: 'review-download',
    pattern: new RegExp(`^/files/review/downloads/(${TOKEN})$`),
    owner: 'review',
    methods: ['GET'],
  },
  {
    name: 'certificate-material-upload',
    pattern: new RegExp(`^/files/certificates/uploads/(${TOKEN})$`),
    owner: 'certificate',
    methods: ['POST'],
  },
  {
    name: 'certificate-material',
    pattern: new RegExp(`^/files/certificates/materials/(${TOKEN})$`),
    owner: 'certificate',
    methods: ['GET'],
  },
  {
    name: 'certificate-pdf',
    pattern: new RegExp(`^/files/certificates/(${TOKEN})$`),
    owner: 'certificate',
    methods: ['GET'],
  },
] as const satisfies ReadonlyArray<{
  name: string;
  pattern: RegExp;
  owner: keyof FileUpstreams;
  methods: readonly string[];
}>;

export type FileRouteMatch =
  | { kind: 'invalid' }
  | { kind: 'unknown' }
  | {
      kind: 'route';
      name: string;
      owner: keyof FileUpstreams;
      methods: readonly string[];
      /** The path and query to ask the owner for, rebuilt from the checked parts. */
      upstreamPath: string;
    };

/**
 * Matches a raw request target against the served shapes. Refused outright (400): anything but
 * an origin-form path, percent-escapes in the path (an escaped dot, slash or backslash is how a
 * target walks out of its prefix after someone else decodes it), backslashes, empty, `.` and
 * `..` segments. The only queries kept are `download=1` (save a business form instead of showing
 * it) and `preview=1` (show an attachment inline instead of saving it); `download` wins.
 */
export function matchFileRoute(target: string): FileRouteMatch {
  if (!target.startsWith('/files')) return { kind: 'invalid' };
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
  if (
    /[%\\]/.test(path) ||
    path
      .split('/')
      .slice(1)
      .some((s, i, all) => s === '.' || s === '..' || (s === '' && i < all.length - 1))
  )
    return { kind: 'invalid' };
  for (const route of FILE_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const prefix = path.slice(0, path.length - match[1].length);
    const download =
      query.get('download') === '1' ? '?download=1' : query.get('preview') === '1' ? '?preview=1' : '';
    return {
      kind: 'route',
      name: route.name,
      owner: route.owner,
      methods: route.methods,
      upstreamPath: `${prefix}${match[1]}${download}`,
    };
  }
  return { kind: 'unknown' };
}
