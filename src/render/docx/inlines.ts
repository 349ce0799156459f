/**
 * Inline content → docx runs. Every run carries its fonts (w:rFonts with eastAsia) so
 * that WPS and LibreOffice, which do not always resolve style fonts for CJK text, still
 * pick the right faces. Text is made XML-safe here, the one place text enters a run.
 */
import { Tab, TextRun, UnderlineType } from 'docx';
import type { FontRole, Inline, TextRun as TreeTextRun } from '../../document/tree.js';
import { runFonts } from './fonts.js';
import { markedRun, revisionOf, type RevisionMarks, type Run } from './revisions.js';
import { xmlSafeText } from '../xmlSafe.js';

type RunStyle = Pick<TreeTextRun, 'bold' | 'italic' | 'underline'> & { font: FontRole };

function runOptions(style: RunStyle) {
  return {
    font: runFonts(style.font),
    ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(style.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

/** A run holding only a tab (w:tab), in the paragraph's fonts like every other run. */
export function tabRun(font: FontRole): TextRun {
  return new TextRun({ ...runOptions({ font }), children: [new Tab()] });
}

/** A run holding only a line break (w:br). */
export function lineBreakRun(font: FontRole): TextRun {
  return new TextRun({ ...runOptions({ font }), break: 1 });
}

/**
 * One text run → runs. A newline inside text becomes a w:br and a tab a w:tab: a raw
 * newline in w:t is just whitespace to Word, so the author's line would silently vanish.
 */
function textRuns(run: TreeTextRun, paragraphFont: FontRole, marks: RevisionMarks | undefined): Run[] {
  const style: RunStyle = { ...run, font: run.font ?? paragraphFont };
  const revision = revisionOf(run);
  const lines = xmlSafeText(run.text).split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
    return markedRun({ ...runOptions(style), ...(i > 0 ? { break: 1 } : {}), children }, revision, marks);
  });
}

/** Runs of a paragraph; in a redline (marks given), revised runs become w:ins / w:del. */
export function inlineRuns(inlines: readonly Inline[], paragraphFont: FontRole, marks?: RevisionMarks): Run[] {
  return inlines.flatMap((inline) => (inline.kind === 'lineBreak' ? [lineBreakRun(paragraphFont)] : textRuns(inline, paragraphFont, marks)));
}

/** A plain run of text in a font (signature lines, furniture). */
export function plainRun(text: string, font: FontRole, extra: Pick<TreeTextRun, 'bold'> = {}): TextRun {
  return new TextRun({ ...runOptions({ font, ...extra }), text: xmlSafeText(text) });
}
