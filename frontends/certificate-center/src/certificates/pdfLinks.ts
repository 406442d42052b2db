// A certificate's PDF: its pdfUrl (a signed link on the gateway's origin, valid a few minutes) is
// asked for right before each preview or download, never taken from a list loaded earlier.
import { getClient } from '@zhicheng/web-kit';
import { CertificatePdfLinksQuery } from './documents';

export async function freshPdfUrl(certificateId: string): Promise<string> {
  const result = await getClient()
    .query(CertificatePdfLinksQuery, {}, { requestPolicy: 'network-only' })
    .toPromise();
  const url = result.data?.myCertificates.find((c) => c.id === certificateId)?.pdfUrl;
  if (!url) throw result.error ?? new Error('no link for this certificate');
  return url;
}

/** Starts the download (the answer is an attachment named 职称证书-<number>.pdf). */
export async function downloadCertificate(certificateId: string): Promise<void> {
  const url = await freshPdfUrl(certificateId);
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * The PDF as a blob: URL for the inline preview. The file route answers it as an attachment (a
 * frame would download it), so it is fetched and shown from memory; the page's CSP allows
 * `frame-src blob:`. Revoke the URL when the preview closes.
 */
export async function pdfObjectUrl(certificateId: string, signal?: AbortSignal): Promise<string> {
  const answer = await fetch(await freshPdfUrl(certificateId), { signal, credentials: 'same-origin' });
  if (!answer.ok) throw new Error(`PDF answered ${answer.status}`);
  const bytes = await answer.arrayBuffer();
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
