import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Express, Request, Response } from 'express';
import type { Logger } from '@zhicheng/server-kit';

/** The request headers the file service needs; nothing else of the browser's request goes on. */
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'content-length',
  'accept',
  'range',
  'if-range',
  'if-none-match',
  'if-modified-since',
  'user-agent',
] as const;

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, never to the answer passed on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
]);

const UNAVAILABLE = {
  error: { code: 'UPSTREAM_UNAVAILABLE', message: '文件服务暂不可用，请稍后重试' },
} as const;

function forwardedHeaders(req: Request): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value: string | string[] | undefined = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  headers['x-request-id'] = String(req.id);
  headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = req.protocol;
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  return headers;
}

function answerHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  // Names listed in the upstream's own Connection header are hop-by-hop too.
  const listed = new Set(
    String(upstream.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  for (const [name, value] of Object.entries(upstream))
    if (value !== undefined && !HOP_BY_HOP.has(name) && !listed.has(name)) headers[name] = value;
  return headers;
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
  if (!upstreamFor('/'))
    logger.warn('no file service configured (FILES_UPSTREAM_URL or SUBGRAPH_URLS.declaration)');

  app.use('/files', (req: Request, res: Response) => {
    const upstream = upstreamFor(req.path);
    const unavailable = (error?: Error) => {
      logger.warn({ err: error, path: req.path, requestId: req.id }, 'file service unavailable');
      if (res.headersSent) return res.destroy(error);
      res.status(502).json(UNAVAILABLE);
      if (!req.complete) {
        req.unpipe(outgoing);
        linger(req);
      }
    };
    if (!upstream) return unavailable();

    const target = new URL(req.originalUrl, upstream.origin);
    const client = target.protocol === 'https:' ? https : http;
    const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const outgoing = client.request(target, { method: req.method, headers: forwardedHeaders(req), agent });
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
      res.set(answerHeaders(answer.headers) as Record<string, string | string[]>);
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

/** Which service owns a path under `/files` (the path is given without the `/files` prefix). */
export type FileUpstreams = (path: string) => URL | null;

const originOf = (url: string | undefined) => (url ? new URL(new URL(url).origin) : null);

/**
 * The file services: `/files/review/*` (batch attachments) belongs to the review subgraph, every
 * other path (declaration attachments, business forms) to FILES_UPSTREAM_URL, else the
 * declaration subgraph. Each service keeps the full `/files/...` path.
 */
export function fileUpstreams(env: {
  FILES_UPSTREAM_URL?: string;
  SUBGRAPH_URLS: Record<string, string>;
}): FileUpstreams {
  const declaration = originOf(env.FILES_UPSTREAM_URL ?? env.SUBGRAPH_URLS.declaration);
  const review = originOf(env.SUBGRAPH_URLS.review);
  return (path) => (path === '/review' || path.startsWith('/review/') ? review : declaration);
}
