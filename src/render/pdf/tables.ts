/**
 * Tables: column widths scaled to the text block, cell text wrapped in the 'small'
 * style, borders on every cell. Each row is a slice; header rows keep with the first
 * body row and are repeated by pagination on every page the table continues on. A row
 * taller than a page can be split between its lines.
 */
import { shift } from './drawables.js';
import type { Table, TableCell, TableRow } from '../../document/tree.js';
import { linePitch } from './measure.js';
import type { Drawable, Slice, TableTag } from './model.js';
import { typeset, type LayoutContext, type TextLine, type TextStyle } from './paragraph.js';

/** Border weight; not a style-sheet number (the sheet has no table rules). */
const BORDER_PT = 0.5;

interface CellBox {
  x: number;
  width: number;
  lines: TextLine[];
}

interface RowGeometry {
  cells: CellBox[];
  pitch: number;
  padX: number;
  padY: number;
}

export function columnWidths(columns: readonly number[], cellCount: number, textWidth: number): number[] {
  const valid = columns.filter((c) => Number.isFinite(c) && c > 0);
  const weights = valid.length > 0 ? valid : Array.from({ length: Math.max(1, cellCount) }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / total) * textWidth);
}

function cellStyle(cell: TableCell, header: boolean, ctx: LayoutContext): TextStyle {
  const spec = ctx.sheet.paragraphs.small;
  return { font: spec.font, bold: header || spec.bold, sizePt: spec.sizePt, align: cell.align ?? (header ? 'center' : spec.align), indent: 0 };
}

function layoutRow(row: TableRow, widths: readonly number[], header: boolean, ctx: LayoutContext): RowGeometry {
  const size = ctx.sheet.paragraphs.small.sizePt;
  const padX = size * 0.4;
  const cells: CellBox[] = [];
  let column = 0;
  let x = 0;
  for (const cell of row.cells) {
    if (column >= widths.length) break; // surplus cells have no column to go in
    const span = Math.max(1, Math.min(cell.colSpan ?? 1, widths.length - column));
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    const lines = typeset(cell.inlines, cellStyle(cell, header, ctx), Math.max(size, width - 2 * padX), ctx, padX);
    cells.push({ x, width, lines });
    x += width;
    column += span;
  }
  return { cells, pitch: linePitch(ctx.sheet, size), padX, padY: size * 0.3 };
}

function contentHeight(cell: CellBox): number {
  return cell.lines.reduce((h, line) => h + line.height, 0);
}

function borders(cells: readonly CellBox[], height: number): Drawable[] {
  return cells.map((cell) => ({ kind: 'box' as const, x: cell.x, y: 0, w: cell.width, h: height, width: BORDER_PT }));
}

/** A slice showing every cell's lines; cells are centred vertically unless `top`. */
function rowSlice(geometry: RowGeometry, tag: TableTag | undefined, top: boolean): Slice {
  const { cells, padY } = geometry;
  const height = Math.max(geometry.pitch, ...cells.map(contentHeight)) + 2 * padY;
  const drawables: Drawable[] = borders(cells, height);
  for (const cell of cells) {
    let y = top ? padY : (height - contentHeight(cell)) / 2;
    for (const line of cell.lines) {
      for (const d of line.drawables) drawables.push(shift(d, cell.x, y));
      y += line.height;
    }
  }
  const slice: Slice = { height, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, drawables, textLines: 1, ...(tag ? { table: tag } : {}) };
  slice.split = (available) => splitRow(geometry, tag, available);
  return slice;
}

function splitRow(geometry: RowGeometry, tag: TableTag | undefined, available: number): [Slice, Slice] | null {
  const fit = Math.floor((available - 2 * geometry.padY) / geometry.pitch);
  if (fit < 1 || geometry.cells.every((c) => c.lines.length <= fit)) return null;
  const head = { ...geometry, cells: geometry.cells.map((c) => ({ ...c, lines: c.lines.slice(0, fit) })) };
  const tail = { ...geometry, cells: geometry.cells.map((c) => ({ ...c, lines: c.lines.slice(fit) })) };
  const bodyTag = tag ? { ...tag, isHeader: false } : undefined;
  return [rowSlice(head, bodyTag, true), rowSlice(tail, bodyTag, true)];
}

/** Body rows a page must show with the header, and at a table's end, so no page holds a header and one row. */
export const MIN_ROWS_TOGETHER = 2;

/** Ties the first and the last MIN_ROWS_TOGETHER rows (pagination repeats the header). */
function keepRowsTogether(body: Slice[]): void {
  body.forEach((row, i) => {
    if (i + 1 < MIN_ROWS_TOGETHER || i >= body.length - MIN_ROWS_TOGETHER) row.keepWithNext = row.keepWithNext || i + 1 < body.length;
  });
}

export function tableSlices(table: Table, ctx: LayoutContext): Slice[] {
  // Reduced, not spread: a table of a hundred thousand rows would overflow the stack.
  const cellCount = [...table.header, ...table.rows].reduce((w, r) => Math.max(w, r.cells.reduce((n, c) => n + Math.max(1, c.colSpan ?? 1), 0)), 0);
  const widths = columnWidths(table.columns, cellCount, ctx.textWidth);
  const header: Slice[] = [];
  const tag: TableTag = { header, isHeader: true };
  for (const row of table.header) header.push({ ...rowSlice(layoutRow(row, widths, true, ctx), tag, false), keepWithNext: true });
  const bodyTag: TableTag = { header, isHeader: false };
  const body = table.rows.map((row) => rowSlice(layoutRow(row, widths, false, ctx), bodyTag, false));
  keepRowsTogether(body);
  const slices = [...header.map((s) => ({ ...s })), ...body];
  // Half a body line of air around the table (the style sheet has no table spacing).
  const air = ctx.sheet.page.linePitchPt / 2;
  const first = slices[0];
  const last = slices[slices.length - 1];
  if (first) first.spaceBefore = air;
  if (last) last.spaceAfter = air;
  return slices;
}
