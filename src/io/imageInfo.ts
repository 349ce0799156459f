/**
 * The two image formats documents may carry (PNG, JPEG) told by their signatures, with their
 * pixel size (so a width in millimetres gives the height) and the JPEG's EXIF orientation.
 * Reading the size is image-size's job; only its PNG and JPEG readers are loaded, since
 * anything else is not an image jianding places.
 */
import { JPG } from 'image-size/types/jpg';
import { PNG } from 'image-size/types/png';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  widthPx: number;
  heightPx: number;
  /** EXIF orientation 1–8; 1 (or absent) means the pixels are stored upright. */
  orientation: number;
}

export const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Apple's 'CgBI' PNG variant (image-size accepts it) is one no PDF reader or word processor decodes. */
const isAppleCgbi = (b: Uint8Array): boolean => String.fromCharCode(...b.subarray(12, 16)) === 'CgBI';

const READERS = [['png', PNG], ['jpeg', JPG]] as const;

/**
 * image-size reads through a DataView over the whole underlying buffer, so a file read into a
 * slice of a shared buffer would let it read past the file's end: give it bytes of its own.
 */
const ownBuffer = (b: Uint8Array): Uint8Array => (b.byteOffset === 0 && b.buffer.byteLength === b.length ? b : b.slice());

export function imageInfo(file: Uint8Array): ImageInfo | undefined {
  const bytes = ownBuffer(file);
  try {
    for (const [format, reader] of READERS) {
      if (!reader.validate(bytes)) continue;
      if (format === 'png' && isAppleCgbi(bytes)) return undefined;
      if (format === 'jpeg' && !isJpeg(bytes)) return undefined; // the renderers tell JPEG by three bytes, image-size by two
      const { width = 0, height = 0, orientation = 1 } = reader.calculate(bytes);
      return width > 0 && height > 0 ? { format, widthPx: width, heightPx: height, orientation } : undefined;
    }
  } catch {
    // image-size throws on a truncated or corrupt file: not an image jianding places
  }
  return undefined;
}
