/**
 * Tree paragraphs and spacers → docx paragraphs. Formatting lives in the Word style;
 * a paragraph only adds what the tree overrides (alignment, keep-with-next), the flow flags
 * the block pass sets (page break before, the signature's keep chain) and the air next to a table.
 */
import { Paragraph, type IParagraphOptions } from 'docx';
import type { ParagraphStyleSpec } from '../../document/styles.js';
import type { Paragraph as TreeParagraph } from '../../document/tree.js';
import type { FlowFlags, RenderContext } from './context.js';
import { inlineRuns } from './inlines.js';
import { containerMark, wholeRevision } from './revisions.js';
import { ptToTwips } from './units.js';
import { styleId, wordAlignment } from './wordStyles.js';

/** Direct paragraph properties common to every paragraph we write. */
export function flowOptions(flags: FlowFlags): Pick<IParagraphOptions, 'keepNext' | 'keepLines' | 'pageBreakBefore' | 'widowControl'> {
  return {
    // Word's schema default for a missing w:widowControl is off; judicial text wants it on.
    widowControl: true,
    ...(flags.keepNext ? { keepNext: true } : {}),
    ...(flags.keepLines ? { keepLines: true } : {}),
    ...(flags.pageBreakBefore ? { pageBreakBefore: true } : {}),
  };
}

/** Which sides of a paragraph touch a table: they take the half line of air the PDF leaves there. */
export interface TableSides { before?: boolean; after?: boolean }

function airAroundTables(spec: ParagraphStyleSpec, ctx: RenderContext, sides: TableSides): Pick<IParagraphOptions, 'spacing'> {
  if (!sides.before && !sides.after) return {};
  const air = ctx.sheet.page.linePitchPt / 2;
  return { spacing: { before: ptToTwips(spec.spaceBeforePt + (sides.before ? air : 0)), after: ptToTwips(spec.spaceAfterPt + (sides.after ? air : 0)) } };
}

export function renderParagraph(p: TreeParagraph, ctx: RenderContext, flags: FlowFlags = {}, tables: TableSides = {}): Paragraph {
  const spec = ctx.sheet.paragraphs[p.style];
  // A paragraph inserted or deleted whole has its paragraph mark inserted or deleted too.
  const mark = ctx.marks ? containerMark(wholeRevision(p.inlines), ctx.marks) : {};
  return new Paragraph({
    style: styleId(p.style),
    ...(p.align ? { alignment: wordAlignment(p.align) } : {}),
    ...flowOptions({ ...flags, keepNext: flags.keepNext || p.keepWithNext }),
    ...airAroundTables(spec, ctx, tables),
    ...(Object.keys(mark).length ? { run: mark } : {}),
    children: inlineRuns(p.inlines, { ...spec, faces: ctx.sheet.docxFonts }, ctx.marks),
  });
}

/** A spacer of N lines: N empty body paragraphs, each exactly one body line high. */
export function renderSpacer(lines: number, flags: FlowFlags = {}): Paragraph[] {
  const count = Math.max(0, Math.floor(lines));
  return Array.from({ length: count }, (_, i) =>
    new Paragraph({ style: styleId('body'), ...flowOptions({ ...flags, pageBreakBefore: i === 0 && flags.pageBreakBefore }) }),
  );
}
