/**
 * Embedding the faces a document uses as subset fonts and mapping each glyph text to its
 * hex codes in the subset. The glyph for a code point is the cmap's (no shaping: no
 * ligatures, no kerning), so every glyph is as wide as layout measured it.
 */
import { createHash } from 'node:crypto';
import type { Font } from 'fontkit';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { cidHex, registerSubsetFont } from './fontObjects.js';
import { createSubset, type FontProgramSubset } from './fontProgram/subset.js';
import type { FontSet } from './fonts.js';
import { glyphIdOf, visibleCodePoints } from './measure.js';
import type { DocumentPlan, FaceKey } from './model.js';

export interface EmbeddedFace {
  /** Resource name on every page, e.g. F1. */
  name: string;
  ref: PDFRef;
  /** Glyph text → hex glyph codes in the subset (no angle brackets). */
  codes: Map<string, string>;
}

/** Distinct glyph texts per face, in first-use order. */
export function glyphTextsByFace(plan: DocumentPlan): Map<FaceKey, Set<string>> {
  const byFace = new Map<FaceKey, Set<string>>();
  for (const page of plan.pages) {
    for (const placement of page.placements) {
      for (const d of placement.drawables) {
        if (d.kind !== 'glyphs') continue;
        let texts = byFace.get(d.face);
        if (!texts) byFace.set(d.face, (texts = new Set()));
        for (const g of d.glyphs) texts.add(g.text);
      }
    }
  }
  return byFace;
}

/** The six-letter subset tag (ABCDEF+), derived from the font and its glyphs (in first-use order), not chance. */
export function subsetTag(faceKey: string, texts: Iterable<string>): string {
  // The face's key names the same font on every machine (fonts.ts): the same case gives the same bytes wherever the fonts are installed.
  const hash = createHash('sha256').update(faceKey).update('\u0000').update([...texts].join('\u0001')).digest();
  return Array.from(hash.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/**
 * Adds the texts' glyphs to the subset in glyph-id order — neighbouring glyphs of a CJK font
 * are alike (it orders them by radical), so the font program deflates about 2% smaller and
 * 8% faster than in order of use — then maps each text to its codes and each glyph to the
 * character it stands for.
 */
function encodeTexts(font: Font, subset: FontProgramSubset, texts: Set<string>) {
  const charOf = new Map<number, number>();
  for (const text of texts) {
    for (const cp of visibleCodePoints(text)) {
      const gid = glyphIdOf(font, cp);
      if (!charOf.has(gid)) charOf.set(gid, cp);
    }
  }
  const unicode = new Map<number, string>();
  for (const gid of [...charOf.keys()].sort((a, b) => a - b)) {
    const cid = subset.include(gid);
    if (cid !== 0) unicode.set(cid, String.fromCodePoint(charOf.get(gid)!));
  }
  const codes = new Map<string, string>();
  for (const text of texts) codes.set(text, visibleCodePoints(text).map((cp) => cidHex(subset.include(glyphIdOf(font, cp)))).join(''));
  return { codes, unicode };
}

export function embedFaces(doc: PDFDocument, plan: DocumentPlan, fonts: FontSet): Map<FaceKey, EmbeddedFace> {
  const embedded = new Map<FaceKey, EmbeddedFace>();
  const byFace = [...glyphTextsByFace(plan)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, texts] of byFace) {
    const face = fonts.face(key);
    const subset = createSubset(face.bytes, face.font);
    const { codes, unicode } = encodeTexts(face.font, subset, texts);
    const baseFont = `${subsetTag(face.key, texts)}+${face.font.postscriptName || 'Font'}`;
    const ref = registerSubsetFont(doc.context, { baseFont, font: face.font, bytes: face.bytes, subset, unicode });
    embedded.set(key, { name: `F${embedded.size + 1}`, ref, codes });
  }
  return embedded;
}
