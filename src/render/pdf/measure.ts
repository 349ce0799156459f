/**
 * Text measurement with the real fonts, plus the vertical metrics derived from the style
 * sheet. Advances are cached per face: a document touches a few hundred distinct
 * characters, each looked up thousands of times.
 */
import type { Font } from 'fontkit';
import { horizontalMetrics } from './fontProgram/sfntMetrics.js';
import { ensureGlyph } from './fontProgram/sparseFont.js';
import type { StyleSheet } from '../../document/styles.js';
import type { FaceMetrics } from './model.js';

/** Code points that ride on the previous glyph and need no glyph of their own. */
export function isInvisibleJoiner(cp: number): boolean {
  return (
    cp === 0x200d || // ZWJ
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0020 && cp <= 0xe007f) // emoji tag sequences
  );
}

export function visibleCodePoints(cluster: string): number[] {
  const first = cluster.codePointAt(0) ?? 0;
  // Almost every cluster is one code point: skip the string iterator for those.
  if (cluster.length === (first > 0xffff ? 2 : 1)) return isInvisibleJoiner(first) ? [] : [first];
  const cps: number[] = [];
  for (const ch of cluster) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isInvisibleJoiner(cp)) cps.push(cp);
  }
  return cps;
}

const glyphIdCaches = new WeakMap<Font, Map<number, number>>();

/** The cmap's glyph for a code point, remembered per font (a document asks thousands of times). */
export function glyphIdOf(font: Font, cp: number): number {
  let cache = glyphIdCaches.get(font);
  if (!cache) glyphIdCaches.set(font, (cache = new Map()));
  let gid = cache.get(cp);
  if (gid === undefined) cache.set(cp, (gid = font.glyphForCodePoint(cp).id));
  return gid;
}

/** Ideographic em-box top: OS/2 typo ascender in CJK fonts, 0.88 em when absent. */
function emBoxAscent(font: Font): number {
  const typo = font['OS/2']?.typoAscender;
  return typo && typo > 0 && typo <= font.unitsPerEm ? typo / font.unitsPerEm : 0.88;
}

/** The horizontal extent of a single code point's outline, in ems; undefined for blank glyphs. */
function inkBoundsOf(font: Font, bytes: Uint8Array, cluster: string): { left: number; right: number } | undefined {
  const cps = visibleCodePoints(cluster);
  if (cps.length !== 1 || !font.hasGlyphForCodePoint(cps[0] as number)) return undefined;
  const gid = glyphIdOf(font, cps[0] as number);
  ensureGlyph(bytes, gid);
  const box = font.getGlyph(gid).bbox;
  if (!(box.maxX > box.minX)) return undefined;
  return { left: box.minX / font.unitsPerEm, right: box.maxX / font.unitsPerEm };
}

/** Layout's view of a face; `bytes` is its file, whose hmtx gives the advances. */
export function faceMetricsOf(font: Font, bytes: Uint8Array): FaceMetrics {
  const hmtx = horizontalMetrics(bytes);
  const advances = new Map<string, number>();
  const coverage = new Map<string, boolean>();
  const inks = new Map<string, { left: number; right: number } | undefined>();
  const upm = font.unitsPerEm;
  return {
    ascent: emBoxAscent(font),
    inkBounds(cluster) {
      if (!inks.has(cluster)) inks.set(cluster, inkBoundsOf(font, bytes, cluster));
      return inks.get(cluster);
    },
    advance(cluster) {
      let width = advances.get(cluster);
      if (width === undefined) {
        width = 0;
        for (const cp of visibleCodePoints(cluster)) width += hmtx.advance(glyphIdOf(font, cp)) / upm;
        advances.set(cluster, width);
      }
      return width;
    },
    covers(cluster) {
      let ok = coverage.get(cluster);
      if (ok === undefined) {
        const cps = visibleCodePoints(cluster);
        ok = cps.length > 0 && cps.every((cp) => font.hasGlyphForCodePoint(cp));
        coverage.set(cluster, ok);
      }
      return ok;
    },
  };
}

/**
 * Line pitch for a font size: the sheet's exact pitch for body text, proportionally
 * tighter for smaller text, and at least 1.5 × the size for display text.
 */
export function linePitch(sheet: StyleSheet, sizePt: number): number {
  const body = sheet.paragraphs.body.sizePt;
  const base = sheet.page.linePitchPt;
  return sizePt <= body ? (base * sizePt) / body : Math.max(base, sizePt * 1.5);
}

/** Baseline offset from the top of a line box that centres the em box in the pitch. */
export function baselineIn(pitch: number, sizePt: number, ascent: number): number {
  return (pitch - sizePt) / 2 + ascent * sizePt;
}
