/**
 * Tables, row by row: rows aligned by their cells' text, an edited row diffed cell by cell,
 * whole inserted or deleted rows marked throughout (the DOCX writer then marks the row too).
 */
import type { Table, TableCell, TableRow } from '../document/tree.js';
import type { Revision } from '../render/docx/revisions.js';
import { align } from './align.js';
import { plainText } from '../document/plainText.js';
import { diffInlines, markAll } from './inlineDiff.js';
import type { Tally } from './tally.js';
import { SIMILAR, similarity } from './textDiff.js';

const rowKey = (row: TableRow): string => row.cells.map((c) => plainText(c.inlines)).join('\u0001');

export const tableKey = (table: Table): string => [...table.header, ...table.rows].map(rowKey).join('\u0002');

const markRow = (row: TableRow, revision: Revision): TableRow => ({
  cells: row.cells.map((c) => ({ ...c, inlines: markAll(c.inlines, revision) })),
});

export function markTable(table: Table, revision: Revision): Table {
  return { ...table, header: table.header.map((r) => markRow(r, revision)), rows: table.rows.map((r) => markRow(r, revision)) };
}

function diffCells(before: TableRow, after: TableRow, tally: Tally): TableRow {
  const count = Math.max(before.cells.length, after.cells.length);
  const cells = Array.from({ length: count }, (_, i): TableCell => {
    const [b, a] = [before.cells[i], after.cells[i]];
    if (a && b) return { ...a, inlines: diffInlines(b.inlines, a.inlines, tally) };
    if (a) return { ...a, inlines: markAll(a.inlines, 'ins') };
    return { ...b!, inlines: markAll(b!.inlines, 'del') };
  });
  return { cells };
}

function diffRows(before: readonly TableRow[], after: readonly TableRow[], tally: Tally): TableRow[] {
  return align(before, after, {
    key: rowKey,
    // Rows of one shape sharing much of their text are versions of one row.
    pairs: (b, a) => b.cells.length === a.cells.length && similarity(rowKey(b), rowKey(a)) >= SIMILAR,
    same: (a) => {
      tally.count('eq');
      return [a];
    },
    edited: (b, a) => [diffCells(b, a, tally)],
    inserted: (a) => {
      tally.count('ins');
      return [markRow(a, 'ins')];
    },
    deleted: (b) => {
      tally.count('del');
      return [markRow(b, 'del')];
    },
  });
}

export function diffTables(before: Table, after: Table, tally: Tally): Table {
  return { ...after, header: diffRows(before.header, after.header, tally), rows: diffRows(before.rows, after.rows, tally) };
}
