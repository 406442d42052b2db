// What a dropped or chosen file holds: a certificate PDF (its attached credential.jwt), a
// credential file (the compact JWS as text), or a picture of the QR code. Anything else gets a
// sentence saying what to give instead.
import { credentialFromText } from './offline';
import { decodeQrImage } from './qr';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A credential file is about 1.6 KB; text files larger than this are something else. */
const MAX_TEXT_BYTES = 64 * 1024;

export type FileProblem =
  'tooLarge' | 'pdfWithoutCredential' | 'pdfUnreadable' | 'noQr' | 'notCertificateQr' | 'notCredential';

export type FileReading = { credential: string } | { problem: FileProblem };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** PNG, JPEG, GIF, WebP, BMP by their first bytes (a photo's type may be missing or wrong). */
function isPicture(head: Uint8Array): boolean {
  return (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38]) ||
    (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head.subarray(8), [0x57, 0x45, 0x42, 0x50])) ||
    startsWith(head, [0x42, 0x4d])
  );
}

export async function readCertificateFile(file: Blob): Promise<FileReading> {
  if (file.size > MAX_FILE_BYTES) return { problem: 'tooLarge' };
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // pdf-lib is large: loaded with the first PDF (and kept for offline use, serviceWorker.ts).
    const { credentialInPdf } = await import('./pdf');
    const found = await credentialInPdf(await file.arrayBuffer());
    if (found.kind === 'unreadable') return { problem: 'pdfUnreadable' };
    if (found.kind === 'none') return { problem: 'pdfWithoutCredential' };
    const credential = credentialFromText(found.text);
    return credential ? { credential } : { problem: 'pdfWithoutCredential' };
  }
  if (isPicture(head)) {
    const text = await decodeQrImage(file);
    if (text === null) return { problem: 'noQr' };
    const credential = credentialFromText(text);
    return credential ? { credential } : { problem: 'notCertificateQr' };
  }
  if (file.size > MAX_TEXT_BYTES) return { problem: 'notCredential' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { problem: 'notCredential' };
  }
  const credential = credentialFromText(text);
  return credential ? { credential } : { problem: 'notCredential' };
}
