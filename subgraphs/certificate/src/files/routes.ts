// The routes of 补办/登记 materials. The gateway forwards /files/certificates/uploads/<ticket>
// (POST) and /files/certificates/materials/<link> (GET) here unchanged, so the browser stays on
// the gateway's origin.
import { Readable } from 'node:stream';
import type { Express } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import { ACCESS_LOG_UNAVAILABLE } from '@zhicheng/events';
import {
  contentTypeOf,
  downloadNameFor,
  handleUpload,
  sendFileError,
  serveDownload,
  StoredFileNotFound,
  TokenRejected,
  UploadNotRecorded,
  verifyOrAnswer,
  type FileFormat,
} from '@zhicheng/files';
import type { CertificateDeps } from '../context';
import { MATERIAL_MAX_KB } from '../domain/materials';
import { ApplicationFile } from '../entities';
import { recordMaterial, recordMaterialDownload } from '../services/materials';
import type { PostgresFileStorage } from './storage';
import { MATERIALS_PREFIX, UPLOADS_PREFIX } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mountMaterialRoutes(
  app: Express,
  orm: MikroORM,
  deps: CertificateDeps,
  storage: PostgresFileStorage,
) {
  const { materialLinks: links, logger } = deps;

  // POST /files/certificates/uploads/<ticket>: body = the PDF's bytes.
  app.post(`${UPLOADS_PREFIX}/:token`, async (req, res) => {
    const em = orm.em.fork();
    await handleUpload(req, res, {
      verify: () => links.verify('certificate-material-upload', String(req.params.token), deps.now()),
      check: async (claims) => {
        if (await em.count(ApplicationFile, { ticketId: claims.ticketId }))
          throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);
        return {
          limits: { maxBytes: claims.maxBytes, allowedFormats: ['pdf'], fileName: claims.fileName },
          tooLargeMessage: `文件超过大小限制（每个材料不能超过${MATERIAL_MAX_KB}KB），请压缩后重新上传`,
        };
      },
      storageKey: (claims, id) => `materials/${claims.ownerPersonId}/${id}`,
      record: async (claims, file) => {
        const row = await recordMaterial(em, claims, file, deps.now());
        return {
          id: row.id,
          fileName: row.fileName,
          sizeBytes: row.sizeBytes,
          format: row.format,
          sha256: row.sha256,
        };
      },
      storage,
      logger,
      what: 'a certificate material',
    });
  });

  // GET /files/certificates/materials/<link>: one material, for the owner or an auditor the link was made for.
  app.get(`${MATERIALS_PREFIX}/:token`, async (req, res) => {
    const claims = verifyOrAnswer(req, res, () =>
      links.verify('certificate-material', String(req.params.token), deps.now()),
    );
    if (!claims) return;
    const row = UUID.test(String(claims.fileId))
      ? await orm.em.fork().findOne(ApplicationFile, { id: claims.fileId })
      : null;
    // A link for someone other than the owner is only made for an application's auditor: the
    // file must still belong to an application.
    const allowed =
      row &&
      (row.ownerPersonId === claims.viewerId || !!row.reissueApplicationId || !!row.historicalRegistrationId);
    if (!row || !allowed) return sendFileError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
    if (row.ownerPersonId !== claims.viewerId) {
      // Someone else's download is logged for the owner before a byte leaves (fail closed). A link
      // that does not say who it was made for predates the log: answered as an old link.
      if (!claims.viewer) {
        const expired = new TokenRejected('TOKEN_EXPIRED');
        return sendFileError(req, res, 410, expired.code, expired.message);
      }
      try {
        await recordMaterialDownload(orm.em.fork(), row, claims.viewer, String(req.id), deps.now());
      } catch (error) {
        logger.error({ err: error }, 'recording a material download failed; file withheld');
        return sendFileError(req, res, 500, 'INTERNAL_SERVER_ERROR', ACCESS_LOG_UNAVAILABLE);
      }
    }
    let bytes: Buffer;
    try {
      bytes = await storage.bytes(row.storageKey);
    } catch (error) {
      if (error instanceof StoredFileNotFound)
        return sendFileError(req, res, 404, 'NOT_FOUND', '文件不存在或已被删除');
      throw error;
    }
    await serveDownload(res, {
      stream: Readable.from([bytes]),
      // Uploaded bytes are saved, never shown by the browser on our origin (the dashboard previews them from a blob).
      fileName: downloadNameFor(row.fileName, row.format as FileFormat),
      contentType: contentTypeOf(row.format as FileFormat),
      sizeBytes: row.sizeBytes,
      disposition: 'attachment',
    }).catch((error) => logger.warn({ err: error }, 'download interrupted'));
  });
}
