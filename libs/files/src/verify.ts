// Beyond the first bytes: a file must really be of its format. A PDF is parsed with pdf-lib (a
// well-kept parser, pure JavaScript) and must have a page tree with at least one page; bytes that
// only start with %PDF- (an HTML page behind a PDF header, a truncated file) are refused.
import { PDFDocument } from 'pdf-lib';
import type { FileFormat } from './formats';

/** The longest a structural check may take; a file that takes longer is refused. */
export const VERIFY_TIMEOUT_MS = 5_000;

async function isPdf(bytes: Uint8Array): Promise<boolean> {
  try {
    const document = await PDFDocument.load(bytes, {
      // Permission-protected PDFs are common and fine to store; only their structure is checked.
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}

/**
 * Whether `bytes` are a well-formed file of `format`. Only PDF is parsed (images and archives
 * are checked by their signatures; photos are measured by the service that needs their size).
 * The parse is bounded by the upload's size limit and by `timeoutMs`.
 */
export async function isWellFormed(
  format: FileFormat,
  bytes: Uint8Array,
  timeoutMs = VERIFY_TIMEOUT_MS,
): Promise<boolean> {
  if (format !== 'pdf') return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([isPdf(bytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
