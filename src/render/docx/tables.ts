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
import type { RenderContext } from './context.js';
import { inlineRuns } from './inlines.js';
import { flowOptions } from './paragraphs.js';
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

interface RowKind {
  header: boolean;
  keepNext: boolean;
}

function renderCell(cell: TreeCell, width: number, span: number, ctx: RenderContext, kind: RowKind): TableCell {
  const font = ctx.sheet.paragraphs.small.font;
  // Header cells are bold and centred unless the tree says otherwise.
  const inlines = kind.header ? cell.inlines.map((i) => (i.kind === 'text' ? { ...i, bold: i.bold ?? true } : i)) : cell.inlines;
  const align = cell.align ? wordAlignment(cell.align) : kind.header ? AlignmentType.CENTER : undefined;
  const paragraph = new Paragraph({
    style: styleId('small'),
    ...(align ? { alignment: align } : {}),
    ...flowOptions({ keepNext: kind.keepNext }),
    children: inlineRuns(inlines, font),
  });
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(span > 1 ? { columnSpan: span } : {}),
  });
}

function renderRow(row: TreeRow, widths: readonly number[], ctx: RenderContext, kind: RowKind): TableRow | undefined {
  const cells: TableCell[] = [];
  let col = 0;
  for (const cell of row.cells) {
    if (col >= widths.length) break; // more cells than columns: drop the overflow rather than break the grid
    const span = Math.min(Math.max(1, Math.floor(cell.colSpan ?? 1)), widths.length - col);
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    cells.push(renderCell(cell, width, span, ctx, kind));
    col += span;
  }
  if (cells.length === 0) return undefined; // Word cannot open a row without cells
  return new TableRow({ children: cells, cantSplit: true, ...(kind.header ? { tableHeader: true } : {}) });
}

/**
 * Renders a table, or nothing when it has no rows (Word cannot open an empty w:tbl).
 * keepWithNext keeps the last row with the following block (the signature's chain).
 */
export function renderTable(table: TreeTable, ctx: RenderContext, keepWithNext = false): Table | undefined {
  const widths = columnWidthsTwips(table.columns, ctx.textWidthTwips);
  const all = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  const rows = all
    .map(({ r, header }, i) => renderRow(r, widths, ctx, { header, keepNext: keepWithNext && i === all.length - 1 }))
    .filter((r): r is TableRow => r !== undefined);
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
