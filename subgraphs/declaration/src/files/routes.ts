// The file routes of the declaration service. The gateway forwards /files/* here unchanged, so a
// browser uploads and downloads on the gateway's origin.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
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
import { BUSINESS_FORM_NAMES, renderBusinessForm } from '@zhicheng/business-forms';
import type { DeclarationDeps } from '../context';
import { Attachment, Declaration } from '../entities';
import { checkTicket, recordAttachment, UploadNotRecorded } from '../services/uploads';
import { businessFormData } from './business-form-data';
import { FILES_PREFIX } from './tokens';

/** Answers `{ error: { code, message } }`; an unread request body is not read any further. */
function sendError(req: Request, res: Response, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  if (!req.readableEnded) {
    // Whatever the client still sends is not wanted: answer, then close.
    res.setHeader('Connection', 'close');
    res.end(body, () => req.destroy());
  } else res.end(body);
}

const tokenStatus = (error: TokenRejected) => (error.code === 'TOKEN_EXPIRED' ? 410 : 403);

export function mountFileRoutes(app: Express, orm: MikroORM, deps: DeclarationDeps): void {
  const { storage, links, logger } = deps;

  // POST /files/uploads/<ticket>: body = the file's bytes.
  app.post(`${FILES_PREFIX}/uploads/:token`, async (req, res) => {
    const now = deps.now();
    let claims;
    try {
      claims = links.verify('upload', String(req.params.token), now);
    } catch (error) {
      if (error instanceof TokenRejected)
        return sendError(req, res, tokenStatus(error), error.code, error.message);
      throw error;
    }
    let rule;
    try {
      rule = await checkTicket(orm.em.fork(), claims, now);
    } catch (error) {
      if (error instanceof UploadNotRecorded)
        return sendError(req, res, error.httpStatus, error.code, error.message);
      logger.error({ err: error }, 'upload check failed');
      return sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > rule.maxBytes) {
      const refusal = new UploadRefused(
        'FILE_TOO_LARGE',
        `文件超过大小限制（${rule.name}单个文件不能超过${rule.maxSizeKb}KB），请压缩或拆分后重新上传`,
      );
      return sendUploadRefusal(req, res, refusal);
    }

    const attachmentId = randomUUID();
    const storageKey = `declarations/${claims.declarationId}/${attachmentId}`;
    let received;
    try {
      received = await receiveUpload(
        req,
        { maxBytes: rule.maxBytes, allowedFormats: rule.formats },
        storage,
        storageKey,
        { destroySourceOnRefusal: false },
      );
    } catch (error) {
      if (error instanceof UploadRefused) return sendUploadRefusal(req, res, error);
      logger.error({ err: error }, 'storing an upload failed');
      return sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '文件保存失败，请稍后重试');
    }

    try {
      const attachment = await recordAttachment(
        orm.em.fork(),
        claims,
        { storageKey, attachmentId, ...received },
        deps.now(),
      );
      res.status(201).json({
        attachment: {
          id: attachment.id,
          fileName: attachment.fileName,
          sizeBytes: attachment.sizeBytes,
          format: attachment.format,
          sha256: attachment.sha256,
        },
      });
    } catch (error) {
      // Nothing half-kept: the bytes go when the row cannot be written.
      await storage.delete(storageKey).catch((e) => logger.warn({ err: e, storageKey }, 'orphaned upload'));
      if (error instanceof UploadNotRecorded)
        return sendError(req, res, error.httpStatus, error.code, error.message);
      logger.error({ err: error }, 'recording an upload failed');
      return sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
  });

  // GET /files/downloads/<link>: a file of a declaration the link was made for.
  app.get(`${FILES_PREFIX}/downloads/:token`, async (req, res) => {
    let claims;
    try {
      claims = links.verify('download', String(req.params.token), deps.now());
    } catch (error) {
      if (error instanceof TokenRejected)
        return sendError(req, res, tokenStatus(error), error.code, error.message);
      throw error;
    }
    const em = orm.em.fork();
    const attachment = await em.findOne(
      Attachment,
      { id: claims.attachmentId },
      { populate: ['declaration'] },
    );
    if (!attachment || attachment.declaration.getEntity().deletedAt)
      return sendError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
    let stream: Readable;
    try {
      stream = await storage.get(attachment.storageKey);
    } catch (error) {
      if (error instanceof StoredFileNotFound)
        return sendError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
      throw error;
    }
    await serveDownload(res, {
      stream,
      fileName: attachment.fileName,
      contentType: contentTypeOf(attachment.format),
      sizeBytes: attachment.sizeBytes,
      disposition: req.query.download === '1' ? 'attachment' : 'inline',
    }).catch((error) => logger.warn({ err: error }, 'download interrupted'));
  });

  // GET /files/forms/<link>: a business form of a declaration, rendered now as PDF.
  app.get(`${FILES_PREFIX}/forms/:token`, async (req, res) => {
    let claims;
    try {
      claims = links.verify('form', String(req.params.token), deps.now());
    } catch (error) {
      if (error instanceof TokenRejected)
        return sendError(req, res, tokenStatus(error), error.code, error.message);
      throw error;
    }
    const em = orm.em.fork();
    const declaration = await em.findOne(
      Declaration,
      { id: claims.declarationId, deletedAt: null },
      { populate: ['notice', 'notice.channel'] },
    );
    if (!declaration) return sendError(req, res, 404, 'NOT_FOUND', '申报不存在或已被删除');
    try {
      const pdf = await renderBusinessForm(
        claims.form,
        businessFormData(claims.form, declaration, deps.now()),
      );
      const name = `${BUSINESS_FORM_NAMES[claims.form]}-${declaration.applicantName}.pdf`;
      await serveDownload(res, {
        stream: Readable.from([pdf]),
        fileName: name,
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        disposition: req.query.download === '1' ? 'attachment' : 'inline',
      });
    } catch (error) {
      logger.error({ err: error }, 'rendering a business form failed');
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', '表册生成失败，请稍后重试');
    }
  });
}
