// Review's file routes: the 推荐报告/申报函 of a batch. The gateway forwards /files/review/* here
// unchanged, so a browser uploads and downloads on the gateway's origin.
import type { Readable } from 'node:stream';
import type { Express } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import {
  contentTypeOf,
  downloadNameFor,
  handleUpload,
  sendFileError as sendError,
  serveDownload,
  StoredFileNotFound,
  UploadNotRecorded,
  verifyOrAnswer,
} from '@zhicheng/files';
import type { ReviewDeps } from '../context';
import { Batch } from '../entities';
import { BATCH_ATTACHMENT_RULE, recordBatchAttachment } from '../services/batches';
import { FILES_PREFIX } from './tokens';

export function mountFileRoutes(app: Express, orm: MikroORM, deps: ReviewDeps): void {
  const { storage, links, logger } = deps;

  // POST /files/review/uploads/<ticket>: body = the file's bytes.
  app.post(`${FILES_PREFIX}/uploads/:token`, async (req, res) => {
    const em = orm.em.fork();
    await handleUpload(req, res, {
      verify: () => links.verify('review-upload', String(req.params.token), deps.now()),
      check: async (claims) => {
        if (await em.count(Batch, { ticketId: claims.ticketId }))
          throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);
        return {
          limits: { maxBytes: claims.maxBytes, allowedFormats: claims.formats, fileName: claims.fileName },
          tooLargeMessage: `文件超过大小限制（${BATCH_ATTACHMENT_RULE.name}不能超过${BATCH_ATTACHMENT_RULE.maxSizeKb}KB），请压缩后重新上传`,
        };
      },
      storageKey: (claims, attachmentId) => `review/batches/${claims.unitId}/${attachmentId}`,
      record: async (claims, file) => {
        await recordBatchAttachment(em, claims, file, deps.now());
        return {
          id: file.attachmentId,
          fileName: claims.fileName,
          sizeBytes: file.sizeBytes,
          format: file.format,
          sha256: file.sha256,
        };
      },
      storage,
      logger,
      what: 'a batch attachment',
    });
  });

  // GET /files/review/downloads/<link>: a batch's attachment, for whoever the link was made for.
  app.get(`${FILES_PREFIX}/downloads/:token`, async (req, res) => {
    const claims = verifyOrAnswer(req, res, () =>
      links.verify('review-download', String(req.params.token), deps.now()),
    );
    if (!claims) return;
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
      // Uploaded bytes are always saved, never shown by the browser on our origin.
      fileName: downloadNameFor(batch.fileName, batch.format),
      contentType: contentTypeOf(batch.format),
      sizeBytes: batch.sizeBytes,
      disposition: 'attachment',
    }).catch((error) => logger.warn({ err: error }, 'download interrupted'));
  });
}
