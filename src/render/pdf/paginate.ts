/**
 * Pagination of one section's flow: fill pages greedily; when a slice does not fit,
 * break after the last slice on the page that allows a break (so headings, orphans,
 * widows and the 落款 move together), or — when the whole page is one unbreakable chain —
 * break right before the slice. A chain with soft points (between the signers of a 落款)
 * breaks there instead when it is taller than any page (a page of signatures alone is the
 * last resort: layout.ts first tries a compact 落款). Table headers are repeated on
 * continuation pages; a slice taller than an empty page is split.
 */
import { isPageBreak, type FlowItem, type Slice } from './model.js';

export interface PlacedSlice {
  slice: Slice;
  /** Top of the slice within the text block. */
  y: number;
  /** Index in the flow; -1 for repeated table headers. */
  index: number;
}

const EPSILON = 1e-6;

/**
 * The most of the page before the 落款 a layout should leave empty (issue 15: pages left
 * 45–60% empty before the 落款 read as a mistake); layout.ts sets the 落款 compact beyond it.
 */
export const MAX_EMPTY_SHARE = 0.4;

class PageFiller {
  readonly pages: PlacedSlice[][] = [];
  page: PlacedSlice[] = [];
  y = 0;
  /** The page was opened on purpose (section start, page break): keep its top spacing. */
  deliberate = true;

  constructor(readonly height: number) {}

  hasContent(): boolean {
    return this.page.some((p) => p.index >= 0);
  }

  place(slice: Slice, index: number): void {
    const top = this.page.length === 0 && !this.deliberate ? 0 : slice.spaceBefore;
    this.page.push({ slice, y: this.y + top, index });
    this.y += top + slice.height + slice.spaceAfter;
  }

  fits(slice: Slice): boolean {
    const top = this.page.length === 0 && !this.deliberate ? 0 : slice.spaceBefore;
    return this.y + top + slice.height <= this.height + EPSILON;
  }

  room(slice: Slice): number {
    const top = this.page.length === 0 && !this.deliberate ? 0 : slice.spaceBefore;
    return this.height - this.y - top;
  }

  newPage(deliberate: boolean): void {
    this.pages.push(this.page);
    this.page = [];
    this.y = 0;
    this.deliberate = deliberate;
  }

  /** Position in `page` of the last real slice a break may follow, or -1. */
  lastBreakable(): number {
    for (let k = this.page.length - 1; k >= 0; k--) {
      const placed = this.page[k] as PlacedSlice;
      if (placed.index >= 0 && !placed.slice.keepWithNext) return k;
    }
    return -1;
  }

  /** Position in `page` after `from` of the last soft break (a chain too tall for any page may break there), or -1. */
  lastSoftBreak(from: number): number {
    for (let k = this.page.length - 1; k > from; k--) {
      const placed = this.page[k] as PlacedSlice;
      if (placed.index >= 0 && placed.slice.softBreak) return k;
    }
    return -1;
  }

  /** Keeps the page up to position k and returns the flow index to continue from. */
  truncateAfter(k: number): number {
    const kept = this.page[k] as PlacedSlice;
    this.page = this.page.slice(0, k + 1);
    return kept.index + 1;
  }
}

/** Height of the keep-chain starting at flow index `from` (up to its first slice that allows a break). */
export function chainHeight(items: readonly FlowItem[], from: number): number {
  let height = 0;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as FlowItem;
    if (isPageBreak(item)) break;
    height += item.spaceBefore + item.height + item.spaceAfter;
    if (!item.keepWithNext) break;
  }
  return height;
}

/**
 * Where to end a full page: after the last slice that allows a break — unless what follows
 * it is a chain no page can hold: that chain then breaks at its last soft point on this
 * page, so this page is filled; -1 when neither exists.
 */
function breakPosition(filler: PageFiller, items: readonly FlowItem[]): number {
  const k = filler.lastBreakable();
  const next = k >= 0 ? (filler.page[k] as PlacedSlice).index + 1 : -1;
  if (k >= 0 && chainHeight(items, next) <= filler.height + EPSILON) return k;
  const soft = filler.lastSoftBreak(k);
  return soft >= 0 ? soft : k;
}

function repeatHeader(filler: PageFiller, slice: Slice): void {
  if (filler.page.length > 0 || !slice.table || slice.table.isHeader) return;
  for (const header of slice.table.header) filler.place(header, -1);
}

/** Places a slice on a page with no flow content yet: split it if it is too tall. */
function placeOnEmptyPage(filler: PageFiller, items: FlowItem[], i: number, slice: Slice): number {
  const parts = filler.fits(slice) ? null : slice.split?.(filler.room(slice));
  if (!parts) {
    filler.place(slice, i); // fits, or cannot be cut: let it overflow rather than loop
    return i + 1;
  }
  filler.place(parts[0], i);
  items[i] = parts[1];
  filler.newPage(false);
  return i;
}

export function paginate(flow: readonly FlowItem[], pageHeight: number): PlacedSlice[][] {
  const items = [...flow];
  const filler = new PageFiller(pageHeight);
  let i = 0;
  while (i < items.length) {
    const item = items[i] as FlowItem;
    if (isPageBreak(item)) {
      if (filler.hasContent()) filler.newPage(true);
      else filler.deliberate = true; // no blank page, but the next page top is still deliberate
      i++;
      continue;
    }
    if (!filler.hasContent() && !filler.deliberate && item.discardAtTop) {
      i++;
      continue;
    }
    repeatHeader(filler, item);
    if (!filler.hasContent()) {
      i = placeOnEmptyPage(filler, items, i, item);
      continue;
    }
    if (filler.fits(item)) {
      filler.place(item, i++);
      continue;
    }
    const k = breakPosition(filler, items);
    if (k >= 0) i = filler.truncateAfter(k);
    filler.newPage(false);
  }
  if (filler.page.length > 0 || filler.pages.length === 0) filler.pages.push(filler.page);
  return filler.pages;
}
