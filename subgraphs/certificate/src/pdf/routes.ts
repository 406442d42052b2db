import { Readable } from 'node:stream';
import type { Express } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import { sendFileError, serveDownload, verifyOrAnswer } from '@zhicheng/files';
import type { CertificateDeps } from '../context';
import { Certificate } from '../entities';
import { CERTIFICATE_FILES_PREFIX } from './links';
import { certificatePdf } from './service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /files/certificates/<link>: the certificate's PDF, rendered and signed now, always as an
 * attachment with nosniff. The link names the holder it was made for; the certificate must still
 * be that holder's (a link of another person's certificate, or a forged one, reads nothing).
 */
export function mountPdfRoute(app: Express, orm: MikroORM, deps: CertificateDeps): void {
  app.get(`${CERTIFICATE_FILES_PREFIX}/:token`, async (req, res) => {
    const claims = verifyOrAnswer(req, res, () => deps.pdfLinks.verify(String(req.params.token), deps.now()));
    if (!claims) return;
    const em = orm.em.fork();
    const row = UUID.test(claims.certificateId)
      ? await em.findOne(Certificate, { id: claims.certificateId })
      : null;
    if (!row || row.holderPersonId !== claims.holderPersonId)
      return sendFileError(req, res, 404, 'NOT_FOUND', '证书不存在');
    try {
      const pdf = await certificatePdf(em, row, deps);
      await serveDownload(res, {
        stream: Readable.from([pdf]),
        fileName: `职称证书-${row.number}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        disposition: 'attachment',
      });
    } catch (error) {
      deps.logger.error({ err: error }, 'rendering a certificate PDF failed');
      if (!res.headersSent)
        sendFileError(req, res, 500, 'INTERNAL_SERVER_ERROR', '证书文件生成失败，请稍后重试');
    }
  });
}
