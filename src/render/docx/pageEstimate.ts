/**
 * The cached result of the SECTIONPAGES field (the N of 「共 N 页」). Word recomputes
 * header fields when it lays the pages out, but LibreOffice (7.x) does not compute
 * SECTIONPAGES at all and prints the field's cached result — empty unless we write
 * one. docx's page estimator lays the document out and writes that result; it cannot
 * know the Chinese faces, so we give it their widths: every character in a CJK face is
 * one em (these faces are monospaced for Hanzi and full-width punctuation), and Latin
 * text is measured with the usual Times/Arial averages. Exact line spacing makes the
 * line count, and so the page count, depend on little else.
 */
import type { PageNumberEstimator } from 'docx';
import { estimatePageNumbersWith, type MeasureWidth } from 'docx/layout';
import { DOCX_FONTS } from '../../document/styles.js';

const CJK_FACES = new Set(Object.values(DOCX_FONTS).flatMap((f) => [f.eastAsia, ...f.fallbacks]));

/** Average advance, in ems, of Latin characters in Times New Roman / Arial. */
function latinEms(ch: string): number {
  if (ch === ' ') return 0.25;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[A-Z]/.test(ch)) return 0.67;
  if (/[a-z]/.test(ch)) return 0.46;
  return (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.4;
}

export const measureWidth: MeasureWidth = (text, font) => {
  if (CJK_FACES.has(font.name)) return [...text].length * font.size;
  let ems = 0;
  for (const ch of text) ems += latinEms(ch);
  return ems * font.size;
};

/** guess: lay out past what the estimator cannot model exactly rather than leave N blank. */
export const pageEstimator = (): PageNumberEstimator => estimatePageNumbersWith({ measureWidth, guess: true });
