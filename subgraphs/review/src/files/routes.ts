// Review's file routes: the 推荐报告/申报函 of a batch. The gateway forwards /files/review/* here
// unchanged, so a browser uploads and downloads on the gateway's origin.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import {
  contentTypeOf,
  receiveUpload,
  sendUploadRefusal,
  serveDownload,
  StoredFileNotFound,
  TokenRejected,
  UploadRefused,
} from '@zhicheng/files';
import type { ReviewDeps } from '../context';
import { Batch } from '../entities';
import { BATCH_ATTACHMENT_RULE, recordBatchAttachment, UploadNotRecorded } from '../services/batches';
import { FILES_PREFIX } from './tokens';

/** Answers `{ error: { code, message } }`; an unread request body is not read any further. */
function sendError(req: Request, res: Response, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  if (!req.readableEnded) {
    res.setHeader('Connection', 'close');
    res.end(body, () => req.destroy());
  } else res.end(body);
}

const tokenStatus = (error: TokenRejected) => (error.code === 'TOKEN_EXPIRED' ? 410 : 403);

export function mountFileRoutes(app: Express, orm: MikroORM, deps: ReviewDeps): void {
  const { storage, links, logger } = deps;

  // POST /files/review/uploads/<ticket>: body = the file's bytes.
  app.post(`${FILES_PREFIX}/uploads/:token`, async (req, res) => {
    let claims;
    try {
      claims = links.verify('review-upload', String(req.params.token), deps.now());
    } catch (error) {
      if (error instanceof TokenRejected)
        return sendError(req, res, tokenStatus(error), error.code, error.message);
      throw error;
    }
    const em = orm.em.fork();
    if (await em.count(Batch, { ticketId: claims.ticketId }))
      return sendError(req, res, 409, 'TICKET_USED', '该上传凭证已使用，请重新点击上传');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > claims.maxBytes)
      return sendUploadRefusal(
        req,
        res,
        new UploadRefused(
          'FILE_TOO_LARGE',
          `文件超过大小限制（${BATCH_ATTACHMENT_RULE.name}不能超过${BATCH_ATTACHMENT_RULE.maxSizeKb}KB），请压缩后重新上传`,
        ),
      );

    const attachmentId = randomUUID();
    const storageKey = `review/batches/${claims.unitId}/${attachmentId}`;
    let received;
    try {
      received = await receiveUpload(
        req,
        { maxBytes: claims.maxBytes, allowedFormats: claims.formats },
        storage,
        storageKey,
        { destroySourceOnRefusal: false },
      );
    } catch (error) {
      if (error instanceof UploadRefused) return sendUploadRefusal(req, res, error);
      logger.error({ err: error }, 'storing a batch attachment failed');
      return sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '文件保存失败，请稍后重试');
    }
    try {
      await recordBatchAttachment(em, claims, { attachmentId, storageKey, ...received }, deps.now());
      res.status(201).json({
        attachment: {
          id: attachmentId,
          fileName: claims.fileName,
          sizeBytes: received.sizeBytes,
          format: received.format,
          sha256: received.sha256,
        },
      });
    } catch (error) {
      // Nothing half-kept: the bytes go when the row cannot be written.
      await storage.delete(storageKey).catch((e) => logger.warn({ err: e, storageKey }, 'orphaned upload'));
      if (error instanceof UploadNotRecorded)
        return sendError(req, res, error.httpStatus, error.code, error.message);
      logger.error({ err: error }, 'recording a batch attachment failed');
      return sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
  });

  // GET /files/review/downloads/<link>: a batch's attachment, for whoever the link was made for.
  app.get(`${FILES_PREFIX}/downloads/:token`, async (req, res) => {
    let claims;
    try {
      claims = links.verify('review-download', String(req.params.token), deps.now());
    } catch (error) {
      if (error instanceof TokenRejected)
        return sendError(req, res, tokenStatus(error), error.code, error.message);
      throw error;
    }
    const batch = await orm.em.fork().findOne(Batch, { attachmentId: claims.attachmentId });
    if (!batch) return sendError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
    let stream: Readable;
    try {
      stream = await storage.get(batch.storageKey);
    } catch (error) {
      if (error instanceof StoredFileNotFound)
        return sendError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
      throw error;
    }
    await serveDownload(res, {
      stream,
      fileName: batch.fileName,
      contentType: contentTypeOf(batch.format),
      sizeBytes: batch.sizeBytes,
      disposition: req.query.download === '1' ? 'attachment' : 'inline',
    }).catch((error) => logger.warn({ err: error }, 'download interrupted'));
  });
}
