// The file routes of the declaration service. The gateway forwards /files/* here unchanged, so a
// browser uploads and downloads on the gateway's origin.
import { Readable } from 'node:stream';
import type { Express } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import {
  contentTypeOf,
  downloadNameFor,
  handleUpload,
  sendFileError as sendError,
  serveDownload,
  StoredFileNotFound,
  verifyOrAnswer,
} from '@zhicheng/files';
import { BUSINESS_FORM_NAMES, renderBusinessForm } from '@zhicheng/business-forms';
import type { DeclarationDeps } from '../context';
import { Attachment, Declaration } from '../entities';
import { checkPhoto, checkTicket, recordAttachment } from '../services/uploads';
import { businessFormData } from './business-form-data';
import { canRead } from '../services/access';
import { FILES_PREFIX, viewerPrincipal } from './tokens';

export function mountFileRoutes(app: Express, orm: MikroORM, deps: DeclarationDeps): void {
  const { storage, links, logger } = deps;

  // POST /files/uploads/<ticket>: body = the file's bytes.
  app.post(`${FILES_PREFIX}/uploads/:token`, async (req, res) => {
    // The ticket is verified and checked at the same instant.
    const now = deps.now();
    await handleUpload(req, res, {
      verify: () => links.verify('upload', String(req.params.token), now),
      check: async (claims) => {
        const rule = await checkTicket(orm.em.fork(), claims, now);
        return {
          limits: { maxBytes: rule.maxBytes, allowedFormats: rule.formats, fileName: claims.fileName },
          tooLargeMessage: `文件超过大小限制（${rule.name}单个文件不能超过${rule.maxSizeKb}KB），请压缩或拆分后重新上传`,
        };
      },
      storageKey: (claims, attachmentId) => `declarations/${claims.declarationId}/${attachmentId}`,
      record: async (claims, file) => {
        await checkPhoto(storage, claims, file.storageKey);
        const attachment = await recordAttachment(orm.em.fork(), claims, file, deps.now());
        return {
          id: attachment.id,
          fileName: attachment.fileName,
          sizeBytes: attachment.sizeBytes,
          format: attachment.format,
          sha256: attachment.sha256,
        };
      },
      storage,
      logger,
      what: 'an upload',
    });
  });

  // GET /files/downloads/<link>[?preview=1]: a file of a declaration the link was made for.
  app.get(`${FILES_PREFIX}/downloads/:token`, async (req, res) => {
    const claims = verifyOrAnswer(req, res, () =>
      links.verify('download', String(req.params.token), deps.now()),
    );
    if (!claims) return;
    const em = orm.em.fork();
    const attachment = await em.findOne(
      Attachment,
      { id: claims.attachmentId },
      { populate: ['declaration'] },
    );
    // The reader the link was made for must still be allowed to read the declaration (deleted, or a link
    // made before a change of access, answers as if the file did not exist).
    if (!attachment || !canRead(viewerPrincipal(claims.viewer), attachment.declaration.getEntity()))
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
      // Saved by default. `?preview=1` shows it inline (a reviewer's preview beside the module):
      // only PDF/JPG/PNG are ever stored, checked by their first bytes, and answered with their
      // exact type and nosniff, so the browser renders them as what they are, never as a page;
      // the gateway lets only our own pages frame an inline file. The name carries the real
      // format even for files stored before names were checked.
      fileName: downloadNameFor(attachment.fileName, attachment.format),
      contentType: contentTypeOf(attachment.format),
      sizeBytes: attachment.sizeBytes,
      disposition: req.query.preview === '1' ? 'inline' : 'attachment',
    }).catch((error) => logger.warn({ err: error }, 'download interrupted'));
  });

  // GET /files/forms/<link>: a business form of a declaration, rendered now as PDF.
  app.get(`${FILES_PREFIX}/forms/:token`, async (req, res) => {
    const claims = verifyOrAnswer(req, res, () => links.verify('form', String(req.params.token), deps.now()));
    if (!claims) return;
    const em = orm.em.fork();
    const declaration = await em.findOne(
      Declaration,
      { id: claims.declarationId, deletedAt: null },
      { populate: ['notice', 'notice.channel'] },
    );
    if (!declaration || !canRead(viewerPrincipal(claims.viewer), declaration))
      return sendError(req, res, 404, 'NOT_FOUND', '申报不存在或已被删除');
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
