/**
 * The batch reads each font file once into shared memory and hands it to every worker, so
 * N workers hold one copy of the ~50 MB of fonts instead of N.
 */
import fs from 'node:fs';
import { fontFiles, provideFontBytes, type PdfFontConfig } from '../render/pdf/fonts.js';

export type SharedFonts = [path: string, bytes: SharedArrayBuffer][];

function readShared(path: string): SharedArrayBuffer {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const view = new Uint8Array(shared);
    let read = 0;
    while (read < size) read += fs.readSync(fd, view, read, size - read, read);
    return shared;
  } finally {
    fs.closeSync(fd);
  }
}

export function shareFonts(config: PdfFontConfig = {}): SharedFonts {
  return fontFiles(config).map((path) => [path, readShared(path)]);
}

/** In a worker: use the shared bytes instead of reading the files again. */
export function useSharedFonts(fonts: SharedFonts | undefined): void {
  for (const [path, bytes] of fonts ?? []) provideFontBytes(path, new Uint8Array(bytes));
}
