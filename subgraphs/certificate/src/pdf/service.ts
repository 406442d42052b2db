import type { EntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import type { Certificate } from '../entities';
import { renderCertificatePdf } from './render';

/** The certificate's PDF as the holder downloads it: rendered from the stored row, then signed. */
export async function certificatePdf(
  em: EntityManager,
  row: Certificate,
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
): Promise<Buffer> {
  const pdf = await renderCertificatePdf(
    {
      kind: row.kind,
      recognitionStandard: row.recognitionStandard ?? null,
      number: row.number,
      holderName: row.holderName,
      holderIdNumberMasked: row.holderIdNumberMasked ?? null,
      titleName: row.titleName,
      seriesName: row.seriesName ?? null,
      specialtyName: row.specialtyName ?? null,
      levelName: row.levelName,
      committeeName: row.committeeName ?? null,
      approvedOn: row.approvedOn,
      issuedAt: row.issuedAt,
      issuerName: row.issuerName,
      credential: row.credential,
    },
    { publicUrl: deps.env.PUBLIC_URL },
  );
  return (await deps.keys.pdfSigner(em)).sign(pdf, deps.now());
}
