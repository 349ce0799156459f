/**
 * Bounds on the block markup. Templates come from institutions (`--templates`), so every
 * number the markup carries is checked before a renderer sees it: an unchecked
 * `<spacer lines="1e9">` or `colspan="1e9"` makes a renderer allocate without end.
 */
export class MarkupError extends Error {
  /** Where the template wrote the offending element, when known (a render with position marks). */
  origin?: Origin;
  /** What is allowed instead (the known tags, the nearest one). */
  hint?: string;
  hintEn?: string;
  /** The message in English, where one is written. */
  messageEn?: string;
}

/** A template position: the index of the file among those compiled, and 1-based line and column. */
export interface Origin { file: number; line: number; column: number }

/** Elements nested deeper than this are refused; real templates nest about six deep. */
export const MAX_NESTING = 64;
/** A blank stretch longer than two pages is never layout, only a mistake or an attack. */
export const MAX_SPACER_LINES = 50;
/** Twenty columns leave each about 8 mm on A4, barely two characters. */
export const MAX_TABLE_COLUMNS = 20;
/** Relative column widths: any unit, but within a range the renderers scale sensibly. */
export const MAX_COLUMN_WIDTH = 1000;

interface Attributed { tag: string; attrs: Record<string, string> }

const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** An integer attribute within [min, max]; `fallback` when absent. */
export function intAttr(el: Attributed, name: string, min: number, max: number, fallback: number): number {
  const raw = el.attrs[name];
  if (raw === undefined) return fallback;
  const n = /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new MarkupError(`<${el.tag} ${name}="${shown(raw)}">：${name} 应为 ${min}–${max} 的整数`);
  }
  return n;
}

/** `cols="1 4 2"`: positive relative widths, at most MAX_TABLE_COLUMNS of them. */
export function columnsAttr(el: Attributed): number[] {
  const raw = el.attrs.cols;
  if (raw === undefined) return [];
  const parts = raw.split(/\s+/).filter(Boolean);
  if (parts.length > MAX_TABLE_COLUMNS) {
    throw new MarkupError(`<table cols="${shown(raw)}">：最多 ${MAX_TABLE_COLUMNS} 列，这里有 ${parts.length} 列`);
  }
  return parts.map((p) => {
    const n = /^\d{1,4}(\.\d{1,3})?$/.test(p) ? Number(p) : NaN;
    if (!(n > 0 && n <= MAX_COLUMN_WIDTH)) {
      throw new MarkupError(`<table cols="${shown(raw)}">：列宽「${shown(p)}」应为大于 0、不超过 ${MAX_COLUMN_WIDTH} 的数`);
    }
    return n;
  });
}

/** An image is at most a page wide or tall (A4 is 210 × 297 mm). */
export const MAX_IMAGE_MM = 297;

const UNIT_MM: Record<string, number> = { mm: 1, cm: 10, pt: 25.4 / 72 };

/** A printed length (`30mm`, `3cm`, `85pt`), in millimetres within (0, MAX_IMAGE_MM]; undefined when absent. */
export function lengthAttrMm(el: Attributed, name: string): number | undefined {
  const raw = el.attrs[name];
  if (raw === undefined) return undefined;
  const m = /^\s*(\d{1,4}(?:\.\d{1,3})?)\s*(mm|cm|pt)\s*$/.exec(raw);
  const mm = m ? Number(m[1]) * UNIT_MM[m[2]!]! : NaN;
  if (!(mm > 0 && mm <= MAX_IMAGE_MM)) {
    throw new MarkupError(`<${el.tag} ${name}="${shown(raw)}">：${name} 应为带单位（mm/cm/pt）的长度，大于 0、不超过 ${MAX_IMAGE_MM}mm`);
  }
  return mm;
}

/** Tracks open elements while parsing, refusing nesting deeper than MAX_NESTING. */
export function checkNesting(depth: number, tag: string): void {
  if (depth > MAX_NESTING) throw new MarkupError(`标记嵌套超过 ${MAX_NESTING} 层（在 <${tag}> 处）`);
}
