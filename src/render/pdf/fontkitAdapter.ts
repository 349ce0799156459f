/**
 * The object handed to pdf-lib's registerFontkit. pdf-lib was written against
 * @pdf-lib/fontkit 1.x, whose CJK subsets come out blank; we use fontkit 2 instead and
 * bridge the two API differences:
 *  - fonts are parsed once per process: create() returns the cached font for bytes we
 *    already parsed (pdf-lib would otherwise parse a 15 MB TTF per document);
 *  - fontkit 2's subset has encode() (bytes) where pdf-lib calls encodeStream() and
 *    listens for 'data'/'end'/'error'.
 */
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type Listener = (arg?: unknown) => void;

/** A one-shot emitter with the on('data')/on('end')/on('error') chain pdf-lib expects. */
export function bytesAsStream(encode: () => Uint8Array): { on(event: string, listener: Listener): unknown } {
  let bytes: Uint8Array | undefined;
  let error: unknown;
  try {
    bytes = encode();
  } catch (err) {
    error = err;
  }
  const stream = {
    // pdf-lib registers data, then end, then error: answer each as it is registered.
    on(event: string, listener: Listener) {
      if (event === 'data' && bytes) listener(bytes);
      if (event === 'end' && bytes) listener();
      if (event === 'error' && !bytes) listener(error);
      return stream;
    },
  };
  return stream;
}

interface CachedGlyph { buffer: Uint8Array; advance: number; bearing: number }

/** fontkit's TrueType subset internals that the fast path below relies on. */
interface TtfSubsetInternals {
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}
interface TtfFontInternals {
  loca?: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
  getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
}

const glyphCaches = new WeakMap<fontkit.Font, Map<number, CachedGlyph>>();

/**
 * fontkit decodes every glyph's outline when it subsets, only to learn whether the glyph is
 * compound; a CJK document repeats that for ~1,000 glyphs per font. Simple glyphs are copied
 * as they are, so we read the contour count from the raw bytes instead and keep each glyph's
 * bytes and metrics for the next document. Compound glyphs take fontkit's own path.
 */
function fastGlyphCopies(subset: fontkit.Subset, font: fontkit.Font): void {
  const s = subset as unknown as TtfSubsetInternals;
  const f = font as unknown as TtfFontInternals;
  if (typeof s._addGlyph !== 'function' || !f.loca || f._variationProcessor) return;
  const original = s._addGlyph.bind(s);
  let cache = glyphCaches.get(font);
  if (!cache) glyphCaches.set(font, (cache = new Map()));
  const known = cache;
  s._addGlyph = (gid: number) => {
    let hit = known.get(gid);
    if (!hit) {
      const start = f.loca!.offsets[gid]!;
      const stream = f._getTableStream('glyf');
      stream.pos += start;
      const buffer = new Uint8Array(stream.readBuffer(f.loca!.offsets[gid + 1]! - start));
      const compound = buffer.length >= 2 && (buffer[0]! & 0x80) !== 0;
      if (compound) return original(gid);
      const glyph = f.getGlyph(gid);
      hit = { buffer, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      known.set(gid, hit);
    }
    s.glyf.push(hit.buffer);
    s.loca.offsets.push(s.offset);
    s.hmtx.metrics.push({ advance: hit.advance, bearing: hit.bearing });
    s.offset += hit.buffer.length;
    return s.glyf.length - 1;
  };
}

function wrapSubset(subset: fontkit.Subset): fontkit.Subset & { encodeStream(): unknown } {
  return Object.assign(Object.create(subset) as fontkit.Subset, {
    encodeStream: () => bytesAsStream(() => subset.encode()),
    includeGlyph: (glyph: number | fontkit.Glyph) => subset.includeGlyph(glyph),
    encode: () => subset.encode(),
  });
}

/**
 * pdf-lib maps text to glyphs with fontkit's full OpenType shaping, which parses and runs
 * GSUB/GPOS although every feature is switched off (embed.ts): the glyph is the cmap's. So
 * layout() goes straight to the cmap — the same glyphs, without the shaping engine's cost.
 */
function cmapLayout(font: fontkit.Font) {
  return (text: string) => ({ glyphs: Array.from(text, (ch) => font.glyphForCodePoint(ch.codePointAt(0)!)) });
}

/** A view of the font whose createSubset() returns pdf-lib-compatible subsets. */
function withStreamingSubsets(font: fontkit.Font): fontkit.Font {
  const layout = cmapLayout(font);
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      if (prop === 'createSubset') {
        return () => {
          const subset = target.createSubset();
          fastGlyphCopies(subset, target);
          return wrapSubset(subset);
        };
      }
      // Read through the real font so fontkit's lazy table caches live on it, not the proxy.
      return Reflect.get(target, prop, target) as unknown;
    },
  });
}

const parsedByBytes = new WeakMap<Uint8Array, fontkit.Font>();

/** Parses a font file (first face of a collection); cached by the bytes' identity. */
export function parseFont(bytes: Uint8Array): fontkit.Font {
  const cached = parsedByBytes.get(bytes);
  if (cached) return cached;
  const parsed = fontkit.create(bytes);
  const font = 'fonts' in parsed ? parsed.fonts[0] : parsed;
  if (!font) throw new Error('font collection holds no fonts');
  parsedByBytes.set(bytes, font);
  return font;
}

/** pdf-lib types the fontkit it expects after @pdf-lib/fontkit; ours honours the part it calls. */
export const fontkitAdapter = {
  create: (bytes: Uint8Array) => withStreamingSubsets(parseFont(bytes)),
} as unknown as Fontkit;
