/** QR code modules for both renderers (the qrcode package computes them; each renderer draws them). */
import QRCode from 'qrcode';

/** Rows of booleans (true = dark), with a two-module quiet zone on every side. */
export function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 2;
  return Array.from({ length: size + 2 * quiet }, (_, r) =>
    Array.from({ length: size + 2 * quiet }, (_, c) => {
      const rr = r - quiet;
      const cc = c - quiet;
      return rr >= 0 && cc >= 0 && rr < size && cc < size && qr.modules.get(rr, cc) === 1;
    }),
  );
}
