import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadRefused } from './errors';

export interface Download {
  stream: Readable;
  /** The name the person sees when saving, e.g. 职称评审一览表-张伟.pdf. */
  fileName: string;
  contentType: string;
  sizeBytes?: number;
  /** `inline` lets a browser preview (PDF business forms); default `attachment`. */
  disposition?: 'attachment' | 'inline';
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else is percent-encoded UTF-8.
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with
 * RFC 5987): every current browser uses `filename*`, so Chinese names arrive intact; old ones
 * get the ASCII fallback with the extension kept.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const clean = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim() || 'download';
  const fallback = clean.replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

/**
 * Streams a stored file to the response with headers that keep it a download: the declared
 * content type with `nosniff` (a browser never re-guesses it into HTML), a correct Chinese file
 * name, no caching of personal documents. Resolves when the last byte left; a failing source
 * ends the connection (the headers are gone by then, so no error page can follow).
 */
export async function serveDownload(res: ServerResponse, download: Download): Promise<void> {
  res.statusCode = 200;
  res.setHeader('Content-Type', download.contentType);
  res.setHeader('Content-Disposition', contentDisposition(download.fileName, download.disposition));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  if (download.sizeBytes !== undefined) res.setHeader('Content-Length', String(download.sizeBytes));
  await pipeline(download.stream, res);
}

/** How long a refused upload's remaining body is read and dropped before the connection is cut. */
export const LINGER_MS = 10_000;

/**
 * Answers a refused upload with `{ error: { code, message } }` and the matching status. The rest
 * of the body is then read and dropped (not stored) for at most `lingerMs`, after which the
 * connection is cut: closing a socket that still has unread data makes the peer's TCP stack
 * reset it, and a reset can discard the answer before the sender reads it ("lingering close",
 * as web servers do). Use with `receiveUpload(..., { destroySourceOnRefusal: false })`.
 */
export function sendUploadRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  refusal: UploadRefused,
  lingerMs = LINGER_MS,
): void {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  res.statusCode = refusal.httpStatus;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body);
  if (req.complete) return;
  const timer = setTimeout(() => req.destroy(), lingerMs);
  timer.unref();
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
