// Uploads as a browser sends them to a subgraph's /files routes, and file contents whose first
// bytes (what the servers sniff) say what they are.
import { PNG } from 'pngjs';

export interface UploadAnswer {
  status: number;
  body: {
    attachment?: { id: string; fileName: string; sizeBytes: number; format: string; sha256: string };
    error?: { code: string; message: string };
  };
}

/**
 * POSTs raw bytes to an upload ticket's URL (relative, as the ticket gives it) on `origin`, as
 * the browser does; `chunked` streams them in 64 KiB pieces with no content-length.
 */
export async function postUpload(
  origin: string,
  url: string,
  bytes: Uint8Array,
  contentType: string,
  options: { chunked?: boolean } = {},
): Promise<UploadAnswer> {
  const body = options.chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
          controller.close();
        },
      })
    : bytes;
  const response = await fetch(`${origin}${url}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    ...(options.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

const padTo = (head: number[] | Buffer, size: number) => {
  const out = Buffer.alloc(size, 0x20);
  Buffer.from(head).copy(out);
  return out;
};

export interface Pixels {
  width: number;
  height: number;
}
/** 1:1.75, as the 个人照片 slot requires: a test image fits every image slot by default. */
export const PHOTO_PIXELS: Pixels = { width: 200, height: 350 };

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** SOI, a JFIF APP0 and a baseline SOF0 naming the size (what a reader of image sizes looks at). */
const jpegHead = ({ width, height }: Pixels) => [
  ...[
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00,
  ],
  ...[
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    ...u16(height),
    ...u16(width),
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ],
];

/** The PNG signature and an IHDR chunk naming the size. */
const pngHead = ({ width, height }: Pixels) => [
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ...u32(13),
  ...[0x49, 0x48, 0x44, 0x52],
  ...u32(width),
  ...u32(height),
  ...[0x08, 0x02, 0x00, 0x00, 0x00],
];

/**
 * A real one-page PDF of `size` bytes (padded with a comment line): PDF uploads are parsed, so a
 * header followed by filler is refused as FILE_CORRUPT.
 */
export function minimalPdf(size = 2048): Buffer {
  const head =
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n';
  const tail = 'trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n';
  const fixed = Buffer.byteLength(head, 'latin1') + Buffer.byteLength(tail, 'latin1') + 2;
  const padding = Math.max(0, size - fixed);
  return Buffer.from(`${head}%${' '.repeat(padding)}\n${tail}`, 'latin1');
}

/**
 * A real PNG a browser can show (a light card with a darker band, so a screenshot shows it),
 * `pixels` in size (1:1.75 by default, as the photo must be).
 */
export function realPng(pixels: Pixels = PHOTO_PIXELS): Buffer {
  const png = new PNG({ width: pixels.width, height: pixels.height });
  for (let y = 0; y < pixels.height; y += 1)
    for (let x = 0; x < pixels.width; x += 1) {
      const at = (y * pixels.width + x) * 4;
      const band = y > pixels.height * 0.6 && y < pixels.height * 0.9;
      png.data[at] = band ? 70 : 225;
      png.data[at + 1] = band ? 110 : 235;
      png.data[at + 2] = band ? 170 : 245;
      png.data[at + 3] = 255;
    }
  return PNG.sync.write(png);
}

/** Files of `size` bytes (2 KiB by default) that begin as their format does (PDFs are real). */
export const testFiles = {
  pdf: (size = 2048) => minimalPdf(size),
  jpg: (size = 2048, pixels: Pixels = PHOTO_PIXELS) => padTo(jpegHead(pixels), size),
  png: (size = 2048, pixels: Pixels = PHOTO_PIXELS) => padTo(pngHead(pixels), size),
  /** A real, decodable PNG (for pages that show it). */
  realPng: (pixels: Pixels = PHOTO_PIXELS) => realPng(pixels),
  zip: (size = 2048) => padTo([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], size),
  exe: (size = 2048) => padTo([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00], size),
};
