// Reading a QR code from a picture (a photo of the printed certificate, or a camera frame) with
// jsQR: pure JavaScript, no dependencies, already what the certificate tests decode the printed
// QR with (subgraphs/certificate/test/pdf.test.ts), and it reads the dense version-29 code the
// certificate carries. (BarcodeDetector is not in Chromium on Linux or Windows, nor in Firefox.)
import jsQR from 'jsqr';

/**
 * The longest side a picture is scaled to before decoding. A certificate's QR has 133 modules;
 * 2,000 px keeps a code that fills a fifth of a phone photo at about 3 px a module.
 */
const MAX_SIDE = 2000;

/** The text of the QR code in the pixels, or null. */
export function decodeQrPixels(pixels: ImageData): string | null {
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** Draws a picture (scaled down when large) and decodes it; null when no QR code is found. */
export function decodeQrDrawable(source: CanvasImageSource, width: number, height: number): string | null {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, w, h);
  return decodeQrPixels(context.getImageData(0, 0, w, h));
}

/** The QR code's text in an image file; null when the picture holds none (or is no picture). */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  try {
    return decodeQrDrawable(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
