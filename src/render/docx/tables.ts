/**
 * Tables: thin borders on every cell, header rows repeated on each page (w:tblHeader),
 * rows that never split across pages (w:cantSplit), a fixed layout whose column widths
 * are the tree's relative widths scaled to the text width, so text wraps inside cells
 * instead of the table growing. Cell text uses the 'small' style.
 */
import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType,
  type IBorderOptions,
} from 'docx';
import type { Table as TreeTable, TableCell as TreeCell, TableRow as TreeRow } from '../../document/tree.js';
import type { FlowFlags, RenderContext } from './context.js';
import { inlineRuns } from './inlines.js';
import { flowOptions } from './paragraphs.js';
import { containerMark, wholeRevision } from './revisions.js';
import { styleId, wordAlignment } from './wordStyles.js';

/** A ½ pt black rule (w:sz is in eighths of a point). */
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

/** Relative widths → twips summing exactly to the text width (the rounding remainder goes to the last column). */
export function columnWidthsTwips(columns: readonly number[], textWidth: number): number[] {
  if (columns.length === 0) return [];
  const positive = columns.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
  const total = positive.reduce((a, b) => a + b, 0);
  const shares = total > 0 ? positive.map((c) => c / total) : positive.map(() => 1 / columns.length);
  const widths = shares.map((s) => Math.floor(s * textWidth));
  const rest = textWidth - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

const spanOf = (cell: TreeCell): number => (cell.colSpan !== undefined && Number.isFinite(cell.colSpan) ? Math.max(1, Math.floor(cell.colSpan)) : 1);
const rowSpan = (row: TreeRow): number => row.cells.reduce((n, c) => n + spanOf(c), 0);
const validWidth = (c: number | undefined): c is number => c !== undefined && Number.isFinite(c) && c > 0;

/**
 * The grid: the tree's relative widths, widened with columns of average width when a
 * row has more cells than the tree declared, so no cell text is ever dropped.
 */
export function gridColumns(table: TreeTable): number[] {
  const rows = [...table.header, ...table.rows];
  // Reduced, not spread: a table of a hundred thousand rows would overflow the stack.
  const needed = rows.reduce((n, r) => Math.max(n, rowSpan(r)), table.columns.length);
  const given = table.columns.filter(validWidth);
  const average = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  return Array.from({ length: needed }, (_, i) => {
    const c = table.columns[i];
    return validWidth(c) ? c : average;
  });
}

interface RowKind {
  header: boolean;
  keepNext: boolean;
  pageBreakBefore: boolean;
}

function renderCell(cell: TreeCell, width: number, span: number, ctx: RenderContext, kind: RowKind): TableCell {
  // Header cells are bold and centred unless the tree says otherwise.
  const inlines = kind.header ? cell.inlines.map((i) => (i.kind === 'text' ? { ...i, bold: i.bold ?? true } : i)) : cell.inlines;
  const align = cell.align ? wordAlignment(cell.align) : kind.header ? AlignmentType.CENTER : undefined;
  const paragraph = new Paragraph({
    style: styleId('small'),
    ...(align ? { alignment: align } : {}),
    ...flowOptions({ keepNext: kind.keepNext, pageBreakBefore: kind.pageBreakBefore }),
    children: inlineRuns(inlines, { ...ctx.sheet.paragraphs.small, faces: ctx.sheet.docxFonts }, ctx.marks),
  });
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(span > 1 ? { columnSpan: span } : {}),
  });
}

function renderRow(row: TreeRow, widths: readonly number[], ctx: RenderContext, kind: RowKind): TableRow {
  const cells: TableCell[] = [];
  let col = 0;
  for (const cell of row.cells) {
    const span = Math.min(spanOf(cell), widths.length - col);
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    cells.push(renderCell(cell, width, span, ctx, kind));
    col += span;
  }
  // In a redline, a row whose text was all inserted or all deleted is itself an inserted or deleted row.
  const mark = ctx.marks ? containerMark(wholeRevision(row.cells.flatMap((c) => c.inlines)), ctx.marks) : {};
  return new TableRow({ children: cells, cantSplit: true, ...(kind.header ? { tableHeader: true } : {}), ...mark });
}

/**
 * Renders a table, or nothing when it has no rows (Word cannot open an empty w:tbl).
 * keepNext keeps the last row with the following block (the signature's chain);
 * pageBreakBefore on the first row's paragraphs is how Word and LibreOffice start a
 * table on a new page (a w:tbl has no break property of its own).
 */
export function renderTable(table: TreeTable, ctx: RenderContext, flags: FlowFlags = {}): Table | undefined {
  const widths = columnWidthsTwips(gridColumns(table), ctx.textWidthTwips);
  const all = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  const rows = all
    .filter(({ r }) => r.cells.length > 0) // Word cannot open a row without cells
    .map(({ r, header }, i, kept) =>
      renderRow(r, widths, ctx, { header, keepNext: !!flags.keepNext && i === kept.length - 1, pageBreakBefore: !!flags.pageBreakBefore && i === 0 }));
  if (rows.length === 0) return undefined;
  return new Table({
    rows,
    width: { size: ctx.textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
  });
}
