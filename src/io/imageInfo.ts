/**
 * The two image formats documents may carry (PNG, JPEG) told by their signatures, with their
 * pixel size — read from the PNG IHDR chunk or the JPEG start-of-frame marker — so a width
 * in millimetres gives the height. Anything else is not an image jianding places.
 */
import { isPng } from './png.js';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  widthPx: number;
  heightPx: number;
}

export const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number): number => u16(b, i) * 0x10000 + u16(b, i + 2);

function pngInfo(b: Uint8Array): ImageInfo | undefined {
  // Signature (8), chunk length (4), 'IHDR' (4), then width and height.
  const ihdr = String.fromCharCode(...b.subarray(12, 16)) === 'IHDR';
  return ihdr ? { format: 'png', widthPx: u32(b, 16), heightPx: u32(b, 20) } : undefined;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size. */
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegInfo(b: Uint8Array): ImageInfo | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) { i++; continue; }
    if (isStartOfFrame(marker)) return { format: 'jpeg', heightPx: u16(b, i + 5), widthPx: u16(b, i + 7) };
    i += 2 + u16(b, i + 2);
  }
  return undefined;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const info = isPng(bytes) ? pngInfo(bytes) : isJpeg(bytes) ? jpegInfo(bytes) : undefined;
  return info && info.widthPx > 0 && info.heightPx > 0 ? info : undefined;
}
