/**
 * What a typesetter checks on a laid-out document, measured on the layout model (the same
 * slices and pages the PDF is drawn from): the widest inter-character gap in justified lines,
 * runt last lines, tables split with fewer than two body rows beside their header, the empty
 * part of the page before the 落款, and the folio's distance below the text block.
 */
import { MM_TO_PT } from '../document/styles.js';
import { styleSheetOf } from '../document/styleOverrides.js';
import type { DocumentTree, Section } from '../document/tree.js';
import { sectionFlow } from '../render/pdf/blocks.js';
import { pageGeometry } from '../render/pdf/geometry.js';
import { layoutDocument, paginateSection } from '../render/pdf/layout.js';
import { isPageBreak, type FaceKey, type FaceSet, type FlowItem, type GlyphRun, type Slice } from '../render/pdf/model.js';
import { chainHeight, type PlacedSlice } from '../render/pdf/paginate.js';
import { paragraphSlices, type LayoutContext } from '../render/pdf/paragraph.js';
import { WarningSink } from '../render/pdf/text.js';

/** Gaps wider than this (in ems of the text) show as letter-spacing. */
export const LOOSE_GAP_EM = 0.25;

export interface LineGap {
  text: string;
  gapEm: number;
}

export interface Typography {
  /** Widest gap between two glyphs of a justified line, in ems. */
  maxGapEm: number;
  /** Justified lines whose widest gap exceeds LOOSE_GAP_EM. */
  looseLines: LineGap[];
  /** Paragraph last lines with fewer than two characters besides punctuation. */
  runts: string[];
  /** Pages on which a continued table shows fewer than two body rows. */
  tableSplits: number;
  /**
   * Empty share of the text block on the page before the one that carries the 落款's date
   * (null: none before it): the page a 落款 kept whole would leave empty. Where the 落款
   * breaks between signers, that is the page its first signers fill.
   */
  emptyBeforeSignature: number | null;
  /** The 落款 with the text tied to it, set compact, is taller than the room left on the page before it. */
  signatureChainTooTall: boolean;
  /** The page with the date holds signatures only, no body text (a 落款 broken between signers). */
  closingAlone: boolean;
  /** Signers printed on the page of the institution and date (null: no 落款), and in the whole 落款. */
  signersWithDate: number | null;
  signers: number;
  /** Headings and titles set on several lines: the shortest line's share of the longest. */
  headingBalance: { text: string; ratio: number }[];
  /** Distances (mm) from the text block's bottom to the top of each folio's em box. */
  folioMm: number[];
  /** Every line break inside a paragraph: the end of the line and the start of the next. */
  lineBreaks: { before: string; after: string }[];
  /** Every 「——」 as drawn. */
  dashPairs: DashPair[];
  /** Multi-line headings (not titles): each line's text and its share of the measure. */
  headings: { lines: string[]; fill: number[] }[];
}

const PUNCTUATION = /^[\p{P}\p{S}\s]$/u;

/** A line's glyphs in reading order (drawing order: a tightened numeral starts left of its box). */
function glyphsOf(slice: Slice): { x: number; text: string; advance: number; size: number }[] {
  return slice.drawables
    .filter((d): d is GlyphRun => d.kind === 'glyphs')
    .flatMap((run) => run.glyphs.map((g) => ({ ...g, size: run.size })));
}

export function lineText(slice: Slice): string {
  return glyphsOf(slice).map((g) => g.text).join('');
}

/** Widest space between consecutive glyphs beyond their advances (a word space's stretch included), in ems. */
export function widestGapEm(slice: Slice): number {
  const glyphs = glyphsOf(slice);
  let widest = 0;
  for (let i = 1; i < glyphs.length; i++) {
    const a = glyphs[i - 1]!;
    const b = glyphs[i]!;
    widest = Math.max(widest, (b.x - a.x - a.advance) / a.size);
  }
  return widest;
}

/** Fewer than two characters of real text: a Latin word or number counts once (「15%）。」). */
export function isRunt(text: string): boolean {
  const units = text.match(/[\p{sc=Han}]|[^\p{sc=Han}\p{P}\p{S}\s]+/gu) ?? [];
  return units.length < 2;
}

function runtsOf(flow: readonly FlowItem[]): string[] {
  const runts: string[] = [];
  flow.forEach((item, i) => {
    if (isPageBreak(item) || !item.line?.last) return;
    const before = flow[i - 1];
    const continues = before && !isPageBreak(before) && before.line && !before.line.last;
    if (continues && isRunt(lineText(item))) runts.push(lineText(before) + '⏎' + lineText(item));
  });
  return runts;
}

/** Table fragments per page: body rows shown with each table (keyed by its header list). */
function tableSplitsOf(pages: readonly PlacedSlice[][]): number {
  const fragments = pages.map((page) => {
    const rows = new Map<Slice[], number>();
    for (const p of page) if (p.slice.table && !p.slice.table.isHeader) rows.set(p.slice.table.header, (rows.get(p.slice.table.header) ?? 0) + (p.index >= 0 ? 1 : 0));
    return rows;
  });
  let splits = 0;
  fragments.forEach((rows, n) => {
    for (const [header, count] of rows) {
      const continued = fragments[n + 1]?.has(header) || fragments[n - 1]?.has(header);
      if (continued && count < 2) splits++;
    }
  });
  return splits;
}

function lineBreaksOf(flow: readonly FlowItem[]): { before: string; after: string }[] {
  const breaks: { before: string; after: string }[] = [];
  flow.forEach((item, i) => {
    const before = flow[i - 1];
    if (isPageBreak(item) || !item.line || !before || isPageBreak(before) || !before.line || before.line.last) return;
    breaks.push({ before: lineText(before), after: lineText(item) });
  });
  return breaks;
}

/** Adjacent em dashes (「——」): each one's face and origin, and the size, for an ink check. */
export interface DashPair {
  faces: [FaceKey, FaceKey];
  xs: [number, number];
  size: number;
}

function dashPairsOf(flow: readonly FlowItem[]): DashPair[] {
  const pairs: DashPair[] = [];
  for (const item of flow) {
    if (isPageBreak(item)) continue;
    const runs = item.drawables.filter((d): d is GlyphRun => d.kind === 'glyphs');
    const glyphs = runs.flatMap((run) => run.glyphs.map((g) => ({ ...g, face: run.face, size: run.size })));
    for (let i = 1; i < glyphs.length; i++) {
      const a = glyphs[i - 1]!;
      const b = glyphs[i]!;
      if (a.text === '\u2014' && b.text === '\u2014') pairs.push({ faces: [a.face, b.face], xs: [a.x, b.x], size: a.size });
    }
  }
  return pairs;
}

/** Lines of each multi-line heading and title, typeset as the document sets them. */
function headingsOf(section: Section, ctx: LayoutContext): { lines: string[]; fill: number[] }[] {
  const out: { lines: string[]; fill: number[] }[] = [];
  for (const block of section.blocks) {
    if (block.kind !== 'paragraph' || !/^heading\d$/.test(block.style)) continue;
    const lines = paragraphSlices(block, ctx);
    if (lines.length < 2) continue;
    const indent = ctx.sheet.paragraphs[block.style].indentChars * ctx.sheet.paragraphs[block.style].sizePt;
    const fill = lines.map((line, n) => glyphsOf(line).reduce((w, g) => w + g.advance, 0) / (ctx.textWidth - (n === 0 ? indent : 0)));
    out.push({ lines: lines.map(lineText), fill });
  }
  return out;
}

function headingBalanceOf(section: Section, ctx: LayoutContext): { text: string; ratio: number }[] {
  const out: { text: string; ratio: number }[] = [];
  for (const block of section.blocks) {
    if (block.kind !== 'paragraph' || !/^(heading\d|title|coverTitle|declarationTitle)$/.test(block.style)) continue;
    const lines = paragraphSlices(block, ctx);
    if (lines.length < 2) continue;
    const widths = lines.map((line) => glyphsOf(line).reduce((w, g) => w + g.advance, 0));
    out.push({ text: lines.map(lineText).join('⏎'), ratio: Math.min(...widths) / Math.max(...widths) });
  }
  return out;
}

/** Height of the 落款 with the lines tied to it (the keep-chain it ends). */
function closingChainHeight(flow: readonly FlowItem[]): number {
  let from = flow.findIndex((item) => !isPageBreak(item) && item.signature === 'start');
  if (from < 0) return 0;
  while (from > 0 && !isPageBreak(flow[from - 1]!) && (flow[from - 1] as Slice).keepWithNext) from--;
  return chainHeight(flow, from);
}

function bottomOf(page: readonly PlacedSlice[]): number {
  return page.reduce((b, p) => Math.max(b, p.y + p.slice.height), 0);
}

export function measureTypography(tree: DocumentTree, faces: FaceSet): Typography {
  const sheet = styleSheetOf(tree);
  const geometry = pageGeometry(sheet);
  const ctx = { sheet, faces, sink: new WarningSink(), textWidth: geometry.textWidth };
  const result: Typography = {
    maxGapEm: 0,
    looseLines: [],
    runts: [],
    tableSplits: 0,
    emptyBeforeSignature: null,
    signatureChainTooTall: false,
    closingAlone: false,
    signersWithDate: null,
    signers: 0,
    headingBalance: [],
    folioMm: [],
    lineBreaks: [],
    dashPairs: [],
    headings: [],
  };
  for (const section of tree.sections) {
    const { placed: pages, compact } = paginateSection(section, ctx, geometry.textHeight);
    const flow = sectionFlow(section, compact ? { ...ctx, compactClosing: true } : ctx);
    for (const item of flow) {
      if (isPageBreak(item) || !item.line?.justified) continue;
      const gap = widestGapEm(item);
      result.maxGapEm = Math.max(result.maxGapEm, gap);
      if (gap > LOOSE_GAP_EM + 1e-6) result.looseLines.push({ text: lineText(item), gapEm: gap });
    }
    result.runts.push(...runtsOf(flow));
    result.tableSplits += tableSplitsOf(pages);
    const datedAt = pages.findIndex((page) => page.some((p) => p.slice.signature === 'date'));
    if (datedAt > 0) {
      const room = geometry.textHeight - bottomOf(pages[datedAt - 1]!);
      result.emptyBeforeSignature = room / geometry.textHeight;
      result.signatureChainTooTall = closingChainHeight(sectionFlow(section, { ...ctx, compactClosing: true })) > room + 1e-6;
    }
    const dated = pages[datedAt];
    if (dated) result.signersWithDate = dated.filter((p) => p.slice.signature === 'signer').length;
    if (dated?.every((p) => p.index < 0 || p.slice.signature !== undefined)) result.closingAlone = true;
    result.signers += flow.filter((item) => !isPageBreak(item) && item.signature === 'signer').length;
    result.headingBalance.push(...headingBalanceOf(section, ctx));
    result.headings.push(...headingsOf(section, ctx));
    result.lineBreaks.push(...lineBreaksOf(flow));
    result.dashPairs.push(...dashPairsOf(flow));
  }
  const plan = layoutDocument(tree, faces);
  const blockBottom = geometry.marginTop + geometry.textHeight;
  for (const page of plan.pages) {
    for (const placement of page.placements) {
      if (placement.dy < blockBottom - 1e-6) continue;
      for (const d of placement.drawables) {
        if (d.kind !== 'glyphs') continue;
        const top = placement.dy + d.baseline - faces.metrics(d.face).ascent * d.size;
        result.folioMm.push((top - blockBottom) / MM_TO_PT);
        break;
      }
    }
  }
  return result;
}
