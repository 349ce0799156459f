/**
 * pdf-lib's runtime, from its single-file build: the same 1.17 code as its ~300 CommonJS
 * modules, loaded in about a third of the time — it counts on a cold `jianding render`.
 * Imported (not required by path) so the bundles carry it and the one-shot script's code
 * cache covers it too. Types still come from the package's declarations (pdfLibMin.d.ts).
 */
import lib from 'pdf-lib/dist/pdf-lib.min.js';
import { canonicalDeflate } from '../canonicalDeflate.js';

export const { PDFDocument, PDFName, PDFHexString, PDFString, PDFArray, PDFDict, PDFRawStream, PDFRef, PDFNumber, decodePDFRawStream } = lib;

/** What the writer's object and cross-reference streams hold: a cache of their encoded contents. */
interface WriterStream {
  encode: boolean;
  getUnencodedContents(): Uint8Array;
  contentsCache: { populate: () => Uint8Array };
}

/**
 * pdf-lib deflates its object streams and cross-reference stream with its bundled pako 1.0 at
 * pako's defaults (level 6), in JavaScript: most of the ~5 ms its writing took per document.
 * The two factories are wrapped to deflate with the same options through canonicalDeflate,
 * like every other stream (pako 3's bytes, native zlib where it matches them). pako 1.0 found
 * other matches than zlib ≥ 1.2.11, so these two streams' bytes changed once; they are as
 * reproducible as before.
 */
function deflateWriterStreams(): void {
  type Factory = (...args: never[]) => WriterStream;
  const classes = lib as unknown as Record<'PDFObjectStream' | 'PDFCrossRefStream', Record<string, Factory>>;
  const wrap = (owner: Record<string, Factory>, name: string) => {
    const make = owner[name] as Factory;
    owner[name] = ((...args: never[]) => {
      const stream = make(...args);
      stream.contentsCache.populate = () => {
        const raw = stream.getUnencodedContents();
        return stream.encode ? canonicalDeflate(raw, { level: PAKO_DEFAULT_LEVEL }) : raw;
      };
      return stream;
    }) as Factory;
  };
  wrap(classes.PDFObjectStream, 'withContextAndObjects');
  wrap(classes.PDFCrossRefStream, 'create');
}

/** pako.deflate's level when none is given (zlib's Z_DEFAULT_COMPRESSION), as pdf-lib calls it. */
const PAKO_DEFAULT_LEVEL = 6;

deflateWriterStreams();
