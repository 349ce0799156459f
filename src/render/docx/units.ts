/**
 * Unit conversions and the layout numbers derived from a style sheet. Every size comes
 * from src/document/styles.ts; this file only converts and scales.
 */
import { MM_TO_PT, type ParagraphStyleSpec, type StyleSheet } from '../../document/styles.js';

/** Word measures lengths in twentieths of a point (twips). */
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
export const mmToTwips = (mm: number): number => ptToTwips(mm * MM_TO_PT);
/** Run sizes are half-points. */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);

/** Width of the text block (page minus left and right margins), in twips. */
export function textWidthTwips(sheet: StyleSheet): number {
  const p = sheet.page;
  return mmToTwips(p.widthMm - p.marginLeftMm - p.marginRightMm);
}

/**
 * Exact line pitch of a style, in points: the sheet's pitch for body-sized text, scaled
 * with the size for other sizes, never tighter than 1.2 × the size (so glyphs never clip).
 */
export function linePitchPt(sheet: StyleSheet, sizePt: number): number {
  const bodySize = sheet.paragraphs.body.sizePt;
  if (sizePt === bodySize) return sheet.page.linePitchPt;
  return Math.max((sheet.page.linePitchPt * sizePt) / bodySize, sizePt * 1.2);
}

/** First-line indent of a style in twips (the character count times the style's size). */
export const firstLineTwips = (spec: ParagraphStyleSpec): number => ptToTwips(spec.indentChars * spec.sizePt);

/**
 * Rough printed width of a text in points: CJK and other wide characters take a full
 * em, everything else half. Used only to place the signature block so that it fits.
 */
export function estimateWidthPt(text: string, sizePt: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5;
  return ems * sizePt;
}
