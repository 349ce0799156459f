/**
 * Inline content → docx runs. Fonts, sizes and weight live in the paragraph's Word style
 * (wordStyles.ts), so an institution that restyles 「鉴定-正文」 restyles the text: a run
 * names only what differs from its paragraph's style (another font role, bold, italic,
 * underline). Text is made XML-safe here, the one place text enters a run.
 */
import { Tab, TextRun, UnderlineType } from 'docx';
import type { FontRole, Inline, TextRun as TreeTextRun } from '../../document/tree.js';
import { facesFonts, type DocxFaces } from './fonts.js';
import { markedRun, revisionOf, type RevisionMarks, type Run } from './revisions.js';
import { xmlSafeText } from '../xmlSafe.js';

/** What the paragraph's style already gives every run, and the faces of the other roles. */
export interface RunBase {
  font: FontRole;
  bold: boolean;
  faces: Record<FontRole, DocxFaces>;
}

type RunStyle = Pick<TreeTextRun, 'bold' | 'italic' | 'underline' | 'font'>;

function runOptions(style: RunStyle, base: RunBase | undefined) {
  const bold = style.bold ?? base?.bold ?? false;
  return {
    ...(style.font && base && style.font !== base.font ? { font: facesFonts(base.faces[style.font]) } : {}),
    ...(bold !== (base?.bold ?? false) ? { bold, boldComplexScript: bold } : {}),
    ...(style.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

/** A run holding only a tab (w:tab), formatted by its paragraph's style. */
export function tabRun(): TextRun {
  return new TextRun({ children: [new Tab()] });
}

/** A run holding only a line break (w:br). */
export function lineBreakRun(): TextRun {
  return new TextRun({ break: 1 });
}

/**
 * One text run → runs. A newline inside text becomes a w:br and a tab a w:tab: a raw
 * newline in w:t is just whitespace to Word, so the author's line would silently vanish.
 */
function textRuns(run: TreeTextRun, base: RunBase, marks: RevisionMarks | undefined): Run[] {
  const revision = revisionOf(run);
  const lines = xmlSafeText(run.text).split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
    return markedRun({ ...runOptions(run, base), ...(i > 0 ? { break: 1 } : {}), children }, revision, marks);
  });
}

/** Runs of a paragraph; in a redline (marks given), revised runs become w:ins / w:del. */
export function inlineRuns(inlines: readonly Inline[], base: RunBase, marks?: RevisionMarks): Run[] {
  return inlines.flatMap((inline) => (inline.kind === 'lineBreak' ? [lineBreakRun()] : textRuns(inline, base, marks)));
}

/** A plain run of text in its paragraph's style (signature lines, furniture). */
export function plainRun(text: string): TextRun {
  return new TextRun({ text: xmlSafeText(text) });
}
