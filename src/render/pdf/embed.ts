/**
 * Embedding the faces a document uses as subset fonts and mapping each glyph text to its
 * hex code in the subset. Shaping features are off so every code point maps to exactly
 * one glyph whose width is the one layout measured (no ligatures, no kerning).
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { FontSet } from './fonts.js';
import type { DocumentPlan, FaceKey } from './model.js';

const PLAIN_FEATURES = { liga: false, clig: false, calt: false, dlig: false, rlig: false, ccmp: false, locl: false, kern: false };

export interface EmbeddedFace {
  /** Resource name on every page, e.g. F1. */
  name: string;
  font: PDFFont;
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

/** The six-letter subset tag (ABCDEF+), derived from the font and its glyphs, not chance. */
export function subsetTag(path: string, texts: Iterable<string>): string {
  const hash = createHash('sha256').update(path).update('\u0000').update([...texts].sort().join('\u0001')).digest();
  return Array.from(hash.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

function hexOf(font: PDFFont, text: string): string {
  return font.encodeText(text).asString();
}

/** One shaping call for all single-code-point texts; per-text calls for the rest. */
function encodeAll(font: PDFFont, texts: Set<string>): Map<string, string> {
  const codes = new Map<string, string>();
  const singles = [...texts].filter((t) => [...t].length === 1);
  const batch = singles.length > 0 ? hexOf(font, singles.join('')) : '';
  const batched = batch.length === singles.length * 4;
  if (batched) singles.forEach((t, i) => codes.set(t, batch.slice(i * 4, i * 4 + 4)));
  for (const text of texts) if (!codes.has(text)) codes.set(text, hexOf(font, text));
  return codes;
}

export async function embedFaces(doc: PDFDocument, plan: DocumentPlan, fonts: FontSet): Promise<Map<FaceKey, EmbeddedFace>> {
  const embedded = new Map<FaceKey, EmbeddedFace>();
  const byFace = [...glyphTextsByFace(plan)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, texts] of byFace) {
    const face = fonts.face(key);
    const customName = `${subsetTag(face.path, texts)}+${face.font.postscriptName || 'Font'}`;
    const font = await doc.embedFont(face.bytes, { subset: true, customName, features: PLAIN_FEATURES });
    embedded.set(key, { name: `F${embedded.size + 1}`, font, codes: encodeAll(font, texts) });
  }
  return embedded;
}
