// The credential a downloaded certificate PDF carries: the embedded file credential.jwt (see
// subgraphs/certificate/src/pdf/render.ts), read with pdf-lib, which this page loads only when a
// PDF is dropped (it is large). The same reading as libs/testing's `attachments` helper.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';

export const CREDENTIAL_ATTACHMENT = 'credential.jwt';

export type PdfCredential =
  | { kind: 'credential'; text: string }
  /** A PDF, but without credential.jwt: not a certificate of this platform (or a printed copy). */
  | { kind: 'none' }
  /** Not a PDF pdf-lib can read (damaged, encrypted, or no PDF at all). */
  | { kind: 'unreadable' };

/** The embedded files of a name tree node, its kids included (pdfkit writes one flat array). */
function embeddedFiles(node: PDFDict | undefined, found: Map<string, PDFDict>, depth = 0): void {
  if (!node || depth > 8) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const name = names.lookup(i);
    const spec = names.lookup(i + 1);
    if ((name instanceof PDFString || name instanceof PDFHexString) && spec instanceof PDFDict)
      found.set(name.decodeText(), spec);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) embeddedFiles(kid, found, depth + 1);
  }
}

export async function credentialInPdf(bytes: ArrayBuffer): Promise<PdfCredential> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  } catch {
    return { kind: 'unreadable' };
  }
  const files = new Map<string, PDFDict>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  embeddedFiles(names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict), files);
  const spec = files.get(CREDENTIAL_ATTACHMENT);
  const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) return { kind: 'none' };
  try {
    return { kind: 'credential', text: new TextDecoder().decode(decodePDFRawStream(stream).decode()) };
  } catch {
    return { kind: 'unreadable' };
  }
}
