// The request handling both subgraphs' file routes share: a signed ticket or link in the URL,
// JSON errors, and an upload stored first and recorded after (or removed again).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UploadRefused } from './errors';
import { sendUploadRefusal } from './http';
import type { FileStorage } from './storage';
import { TokenRejected } from './tokens';
import { receiveUpload, type ReceivedFile, type UploadLimits } from './upload';

/** Why a service will not take or record an upload (answered as JSON with `httpStatus`). */
export class UploadNotRecorded extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

/** Answers `{ error: { code, message } }`; an unread request body is not read any further. */
export function sendFileError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const body = JSON.stringify({ error: { code, message } });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  if (!req.readableEnded) {
    // Whatever the client still sends is not wanted: answer, then close.
    res.setHeader('Connection', 'close');
    res.end(body, () => req.destroy());
  } else res.end(body);
}

/**
 * Runs `verify` (a ticket's or link's check) and returns its claims; when the token is rejected,
 * answers 410 (expired: ask for a new one) or 403 and returns undefined.
 */
export function verifyOrAnswer<C>(req: IncomingMessage, res: ServerResponse, verify: () => C): C | undefined {
  try {
    return verify();
  } catch (error) {
    if (!(error instanceof TokenRejected)) throw error;
    sendFileError(req, res, error.code === 'TOKEN_EXPIRED' ? 410 : 403, error.code, error.message);
    return undefined;
  }
}

/** What an upload route answers with 201. */
export interface UploadedAttachment {
  id: string;
  fileName: string;
  sizeBytes: number;
  format: string;
  sha256: string;
}

/** The parts of an upload that belong to the service; UploadNotRecorded from any is answered. */
export interface UploadHandling<C> {
  /** Verifies the ticket in the URL (throws TokenRejected). */
  verify(): C;
  /**
   * Whether the ticket may still be used, and the limits to receive under. `limits.fileName` is
   * required here: the name the file is stored and served under must carry its real format.
   */
  check(claims: C): Promise<{ limits: UploadLimits & { fileName: string }; tooLargeMessage: string }>;
  /** Where the bytes of the new attachment go. */
  storageKey(claims: C, attachmentId: string): string;
  /** Records the stored file; returns what the client is told about it. */
  record(
    claims: C,
    file: ReceivedFile & { attachmentId: string; storageKey: string },
  ): Promise<UploadedAttachment>;
  storage: FileStorage;
  logger: {
    error(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
  };
  /** Names the upload in log lines, e.g. "an upload", "a batch attachment". */
  what: string;
}

/**
 * POST <prefix>/uploads/<ticket> with the file's bytes as the body: verify the ticket, refuse a
 * declared size over the limit before reading, stream the bytes to storage checking size and
 * format, record them, answer 201 `{ attachment }` or `{ error }`.
 */
export async function handleUpload<C>(
  req: IncomingMessage,
  res: ServerResponse,
  handling: UploadHandling<C>,
): Promise<void> {
  const { storage, logger, what } = handling;
  const internalError = (message = '服务器内部错误，请稍后重试') =>
    sendFileError(req, res, 500, 'INTERNAL_SERVER_ERROR', message);
  const claims = verifyOrAnswer(req, res, handling.verify);
  if (claims === undefined) return;

  let rule;
  try {
    rule = await handling.check(claims);
  } catch (error) {
    if (error instanceof UploadNotRecorded)
      return sendFileError(req, res, error.httpStatus, error.code, error.message);
    logger.error({ err: error }, `checking ${what} failed`);
    return internalError();
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > rule.limits.maxBytes)
    return sendUploadRefusal(req, res, new UploadRefused('FILE_TOO_LARGE', rule.tooLargeMessage));

  const attachmentId = randomUUID();
  const storageKey = handling.storageKey(claims, attachmentId);
  let received;
  try {
    received = await receiveUpload(req, rule.limits, storage, storageKey, { destroySourceOnRefusal: false });
  } catch (error) {
    if (error instanceof UploadRefused) return sendUploadRefusal(req, res, error);
    logger.error({ err: error }, `storing ${what} failed`);
    return internalError('文件保存失败，请稍后重试');
  }

  let attachment;
  try {
    attachment = await handling.record(claims, { attachmentId, storageKey, ...received });
  } catch (error) {
    // Nothing half-kept: the bytes go when the row cannot be written.
    await storage.delete(storageKey).catch((e) => logger.warn({ err: e, storageKey }, 'orphaned upload'));
    if (error instanceof UploadNotRecorded)
      return sendFileError(req, res, error.httpStatus, error.code, error.message);
    logger.error({ err: error }, `recording ${what} failed`);
    return internalError();
  }
  const body = JSON.stringify({ attachment });
  res.statusCode = 201;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body);
}
