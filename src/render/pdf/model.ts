/**
 * Types shared by the pure layout (which knows no pdf-lib) and the drawing step.
 * Coordinates are points; y grows downwards from the top of the containing box.
 */
import type { FontRole, SectionFurniture } from '../../document/tree.js';
import type { ClosingLayout, CompactClosing } from '../../document/signaturePlaces.js';

/** A loaded font face; keys are assigned by fonts.ts ('noto-serif-sc-400', 'kai', …). */
export type FaceKey = string;

/** What layout needs to know about a face. */
export interface FaceMetrics {
  /** Advance width of a grapheme cluster, in ems. */
  advance(cluster: string): number;
  /** Whether the face has a glyph for every visible code point of the cluster. */
  covers(cluster: string): boolean;
  /** Height of the ideographic em box above the baseline, in ems (0.88 for Noto CJK). */
  ascent: number;
  /** Left and right edge of a one-code-point cluster's ink, in ems from its origin (undefined: no outline). */
  inkBounds?(cluster: string): { left: number; right: number } | undefined;
}

/** The font slots a paragraph can ask for: each of the four roles, regular and bold. */
export type FontSlot = FontRole | `${FontRole}Bold`;

export interface FaceSet {
  /** Faces to try for a slot, best first (an institution's font, then the bundled Noto). */
  chain(slot: FontSlot): FaceKey[];
  metrics(face: FaceKey): FaceMetrics;
}

export interface PlacedGlyph {
  x: number;
  text: string;
  /** Natural advance at this size, so drawing can turn extra spacing into TJ offsets. */
  advance: number;
}

export interface GlyphRun {
  kind: 'glyphs';
  face: FaceKey;
  size: number;
  italic: boolean;
  baseline: number;
  glyphs: PlacedGlyph[];
}

export interface RuleLine {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/** An outlined rectangle: a missing-glyph marker when the face has no □. */
export interface BoxMark {
  kind: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
}

/**
 * A reserved place for a digital signature or seal: drawn as nothing, written as an unsigned
 * signature field (a widget) that `jianding sign` later fills.
 */
export interface FieldMark {
  kind: 'field';
  /** Field name (ASCII, stable): signer-1, signer-2, …, seal. */
  name: string;
  /** What a viewer shows on hover and what `sign --signer` matches: role and name. */
  tooltip: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Filled rectangles, e.g. the modules of a QR code. */
export interface FillMark {
  kind: 'fill';
  rects: [number, number, number, number][];
}

/** A PNG image (a seal or a handwritten signature) or a template's PNG/JPEG picture, scaled into its box. */
export interface ImageMark {
  kind: 'image';
  /** PNG or JPEG bytes, told apart by their signature. */
  data: Uint8Array;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Drawable = GlyphRun | RuleLine | BoxMark | FieldMark | FillMark | ImageMark;

/** Drawables offset as a group (slices are laid out once and placed by pagination). */
export interface Placement {
  drawables: Drawable[];
  dx: number;
  dy: number;
}

export interface TableTag {
  /** Header slices to repeat when the table continues on a new page. */
  header: Slice[];
  isHeader: boolean;
}

/** The unit of pagination: a line of text, a table row, a spacer. */
export interface Slice {
  height: number;
  spaceBefore: number;
  spaceAfter: number;
  /** A page break right after this slice is not allowed (headings, orphans/widows, 落款). */
  keepWithNext: boolean;
  drawables: Drawable[];
  /** Text lines this slice carries, for the 落款's keep-with-previous rule. */
  textLines: number;
  /** Vertical space that vanishes when it would open a page (spacers). */
  discardAtTop?: boolean;
  table?: TableTag;
  /** The text of the heading this slice begins, so a viewer can be sent to its page. */
  anchor?: string;
  /** A paragraph's text line: whether it ends its paragraph and was justified (typography checks). */
  line?: { last: boolean; justified: boolean };
  /**
   * A page break may follow after all, when the keep-chain this slice is in is taller than a
   * page (between the signers of a long 落款): better than cutting the chain just anywhere.
   */
  softBreak?: boolean;
  /** Parts of the 落款, for typography checks: its opening slice, each signer's line, the date. */
  signature?: 'start' | 'signer' | 'date';
  /** On the 落款's opening slice: how it was set, so the DOCX follows the typesetter without measuring again. */
  closingForm?: CompactClosing;
  /** Cuts a slice taller than a page; null when nothing fits in `available`. */
  split?: (available: number) => [Slice, Slice] | null;
}

export type FlowItem = Slice | { kind: 'pageBreak' };

export function isPageBreak(item: FlowItem): item is { kind: 'pageBreak' } {
  return 'kind' in item && item.kind === 'pageBreak';
}

export interface PagePlan {
  sectionIndex: number;
  sectionKind: 'front' | 'body';
  furniture: SectionFurniture;
  /** 1-based among body pages; undefined on front pages. */
  bodyNumber?: number;
  placements: Placement[];
}

export interface MissingGlyph {
  char: string;
  codePoint: string;
  context: string;
}

export interface WatermarkPlan {
  glyphs: { text: string; face: FaceKey; x: number }[];
  size: number;
  /** Page-space centre (y down) and rotation (radians, counter-clockwise on paper). */
  cx: number;
  cy: number;
  angle: number;
  /** Baseline offset from the centre so the em box is centred. */
  baseline: number;
}

/** A heading and the page (1-based, front pages counted) it stands on. */
export interface Anchor {
  text: string;
  page: number;
}

export interface DocumentPlan {
  pageWidth: number;
  pageHeight: number;
  pages: PagePlan[];
  anchors: Anchor[];
  /** Per section: how its 落款 was set, for the DOCX. */
  closings: ClosingLayout[];
  watermark?: WatermarkPlan;
  warnings: MissingGlyph[];
}
