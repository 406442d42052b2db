import QRCode from 'qrcode';

/**
 * Error correction L (7 %): the QR carries the whole compact JWS (about 1,600 bytes in a link),
 * which needs version 29 (133 modules) at L but 33 (149) at M. Printed 200 pt (70 mm) wide that is
 * 0.50 mm a module at L against 0.45 mm at M; on a clean printed certificate the larger module
 * reads more reliably with a phone than the extra damage tolerance of M would help.
 */
export const QR_ERROR_CORRECTION = 'L' as const;

/** The link a certificate's QR code holds: the /verify page, the credential in the fragment. */
export function verifyLink(publicUrl: string, credential: string): string {
  // A fragment never reaches a server (no access log holds the credential); /verify reads it.
  return `${new URL('/verify', publicUrl).toString()}#${credential}`;
}

export interface QrMatrix {
  /** Modules per side (without the quiet zone). */
  size: number;
  version: number;
  /** Whether the module at (row, column) is dark. */
  dark(row: number, column: number): boolean;
}

/** The QR code of a text (byte mode, error correction L), as a module matrix to draw. */
export function qrMatrix(text: string): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const { size, data } = code.modules;
  return { size, version: code.version, dark: (row, column) => data[row * size + column] === 1 };
}
