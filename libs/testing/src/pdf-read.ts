// Reads back what a generated PDF (a certificate) holds, as a reader or a scanner would: its pages, its
// attached files, its signature, and the QR code as printed (the module squares of the page's
// content stream put back on a pixel grid and decoded by jsQR).
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import forge from 'node-forge';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';

export async function pageFacts(pdf: Buffer) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => page.getSize());
}

/** The attached files (the catalog's EmbeddedFiles name tree), name → bytes. */
export async function attachments(pdf: Buffer): Promise<Map<string, Buffer>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const files = new Map<string, Buffer>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; list && i + 1 < list.size(); i += 2) {
    const name = list.lookup(i) as PDFString | PDFHexString;
    const spec = list.lookup(i + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream;
    files.set(name.decodeText(), Buffer.from(decodePDFRawStream(stream).decode()));
  }
  return files;
}

/** The page's content stream as text (pdfkit writes one, Flate-compressed). */
async function pageContent(pdf: Buffer): Promise<string> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const contents = doc.getPages()[0].node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams
    .map((s) => {
      const raw = s as PDFRawStream;
      const filter = raw.dict.get(PDFName.of('Filter'));
      return (filter ? inflateSync(raw.contents) : Buffer.from(raw.contents)).toString('latin1');
    })
    .join('\n');
}

/**
 * The QR code as printed: every small square (`x y w w re`) of the page, placed on a grid of
 * its module size from the top-left finder pattern, drawn 4 px a module with a quiet zone, and
 * decoded with jsQR. Null when nothing decodes.
 */
export async function decodePrintedQr(pdf: Buffer): Promise<string | null> {
  const content = await pageContent(pdf);
  const squares = [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)]
    .map((m) => m.slice(1, 5).map(Number))
    .filter(([, , w, h]) => w < 3 && Math.abs(w - h) < 1e-6);
  if (squares.length === 0) return null;
  const module = squares[0][2];
  const minX = Math.min(...squares.map((s) => s[0]));
  const minY = Math.min(...squares.map((s) => s[1]));
  const cells = squares.map(([x, y]) => [Math.round((y - minY) / module), Math.round((x - minX) / module)]);
  const size = Math.max(...cells.flat()) + 1;
  const scale = 4;
  const quiet = 4;
  const side = (size + 2 * quiet) * scale;
  const png = new PNG({ width: side, height: side });
  png.data.fill(255);
  for (const [row, col] of cells)
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = (((quiet + row) * scale + dy) * side + (quiet + col) * scale + dx) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 0;
      }
  const decoded = jsQR(new Uint8ClampedArray(png.data), side, side);
  return decoded?.data ?? null;
}

/**
 * The PDF signature: the detached PKCS#7 in /Contents, whether its signed message digest is the
 * SHA-256 of the /ByteRange (all of the file but the signature itself), and its signer's name.
 */
export function pdfSignature(pdf: Buffer): {
  digestMatches: boolean;
  signer: string;
  subFilter: string;
  certificatePem: string;
} {
  const latin = pdf.toString('latin1');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(latin);
  if (!range) throw new Error('no /ByteRange');
  const [a, b, c, d] = range.slice(1).map(Number);
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = latin.slice(a + b + 1, c - 1).replace(/(00)+$/, '');
  const p7 = forge.pkcs7.messageFromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary'))),
  ) as forge.pkcs7.PkcsSignedData & { rawCapture: { authenticatedAttributes: forge.asn1.Asn1[] } };
  const digestAttribute = p7.rawCapture.authenticatedAttributes.find(
    (attr) =>
      forge.asn1.derToOid((attr.value as forge.asn1.Asn1[])[0].value as string) ===
      forge.pki.oids.messageDigest,
  );
  const digest = ((digestAttribute!.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0]
    .value as string;
  const expected = createHash('sha256').update(signed).digest('binary');
  const cert = p7.certificates[0];
  return {
    digestMatches: digest === expected,
    signer: forge.util.decodeUtf8(String(cert.subject.getField('O')?.value ?? '')),
    subFilter: /\/SubFilter\s*\/(\S+)/.exec(latin)?.[1] ?? '',
    certificatePem: forge.pki.certificateToPem(cert),
  };
}
