/**
 * The document tree: what templates produce (through the block markup) and what both
 * renderers (DOCX, PDF) read. It knows documents — paragraphs, tables, signatures —
 * and nothing about cases.
 */
import type { StyleSheet } from './styles.js';

import type { StyleOverrides } from './styleOverrides.js';

/**
 * Which typefaces a run may use; a style preset maps each role to real fonts. The one list
 * that the type, the markup, the config schema and the PDF font slots all read.
 * 仿宋 body, 小标宋 titles ('song'), plain 宋体 (page furniture, the judicial 编号), 黑 headings, 楷 second-level headings.
 */
export const FONT_ROLES = ['fangsong', 'song', 'songti', 'hei', 'kai'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Overrides the paragraph style's font. */
  font?: FontRole;
}
export interface LineBreak {
  kind: 'lineBreak';
}
export type Inline = TextRun | LineBreak;

/**
 * Paragraph styles. Sizes, fonts, alignment and spacing of each are defined once per
 * preset in styles.ts; renderers look them up there.
 */
export type ParagraphStyle =
  | 'coverTitle' // cover: institution + document class (小1号宋体 bold)
  | 'coverSubtitle' // cover: licence number (3号仿宋)
  | 'declarationTitle' // 「声明」
  | 'title' // document title on the first body page
  | 'docNumber' // 编号, right-aligned
  | 'heading1' // 一、 (黑体)
  | 'heading2' // （一） (楷体)
  | 'heading3' // 1. (仿宋 bold)
  | 'body' // justified, first line indented two characters
  | 'bodyFlush' // body text without the indent (labels with values, list items)
  | 'small' // 附注, table text
  | 'mark'; // 「征求意见稿」 banner under the title on drafts

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Paragraph {
  kind: 'paragraph';
  style: ParagraphStyle;
  /** Overrides the style's alignment. */
  align?: Align;
  /** Keep on the same page as the next block (headings always are). */
  keepWithNext?: boolean;
  inlines: Inline[];
}

export interface TableCell {
  inlines: Inline[];
  align?: Align;
  colSpan?: number;
}
export interface TableRow {
  cells: TableCell[];
}
export interface Table {
  kind: 'table';
  /** Relative column widths (any unit; renderers scale them to the text width). */
  columns: number[];
  /** Header rows, repeated at the top of every page the table spans. */
  header: TableRow[];
  rows: TableRow[];
}

export interface PageBreak {
  kind: 'pageBreak';
}

/** Vertical space, in body lines. */
export interface Spacer {
  kind: 'spacer';
  lines: number;
}

export interface SignatureLine {
  /** e.g. 鉴定人, 专家组组长, 专家 */
  role: string;
  name: string;
  /** e.g. 《司法鉴定人执业证》证号：320… */
  note?: string;
  /** A transparent PNG of the handwritten signature, placed in the signing space (electronic issue). */
  image?: Uint8Array;
}

/**
 * The 落款: each signer with a signing space beside the name, then the institution's name
 * and the date under a seal area (a 42 mm circle that covers no other text). It always
 * shares its page with the end of the body text.
 */
export interface SignatureBlock {
  kind: 'signature';
  lines: SignatureLine[];
  /** The institution's name, printed over the date (the seal goes over both). */
  institution: string;
  /**
   * Finals reserve the places as unsigned signature fields and carry the optional images;
   * drafts keep the same room empty, so both lay out alike.
   */
  sealed: boolean;
  /** A transparent PNG of the institution's seal (electronic seal). */
  sealImage?: Uint8Array;
  /** The date as printed: 二〇二六年十一月二十二日 */
  date: string;
}

/**
 * The 查询校验码 and, when the institution publishes a verification page, a QR code of
 * its address with the code: how a reader of the paper finds the record.
 */
export interface VerificationBlock {
  kind: 'verification';
  /** e.g. 7K3M-Q9XA-4TZC-HP2W */
  code: string;
  /** The full address the QR code holds; absent when no verifyUrl is configured. */
  url?: string;
}

/**
 * A picture a template places (a logo in the letterhead or on the cover): PNG or JPEG,
 * at a printed size, on a line of its own.
 */
export interface ImageBlock {
  kind: 'image';
  data: Uint8Array;
  format: 'png' | 'jpeg';
  widthPt: number;
  heightPt: number;
  align: 'left' | 'center' | 'right';
  /** What the picture shows (alt text in the DOCX). */
  alt: string;
}

export type Block = Paragraph | Table | PageBreak | Spacer | SignatureBlock | VerificationBlock | ImageBlock;

export interface SectionFurniture {
  /** Text at the top of every page, e.g. the document number. */
  headerText?: string;
  /**
   * Page numbers: 'ofTotal' = 「第 M 页 共 N 页」 top right (judicial style);
   * 'dash' = 「— M —」 centred at the bottom (GB/T 9704); 'none'.
   */
  pageNumbers: 'ofTotal' | 'dash' | 'none';
}

export interface Section {
  /** Front matter (cover, 声明) is not counted in page numbering; body pages are. */
  kind: 'front' | 'body';
  furniture: SectionFurniture;
  blocks: Block[];
}

export type StylePreset = 'gbt9704' | 'judicial';

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** ISO date the document carries (the report date), never the clock. */
  created: string;
  /**
   * Named values a reader's tools can check (PDF: XMP under the jianding namespace; DOCX:
   * custom document properties). Keys are ASCII identifiers.
   */
  properties?: Record<string, string>;
  /** Files carried inside the document (PDF embedded files), e.g. the case file it was made from. */
  attachments?: Attachment[];
}

export interface Attachment {
  name: string;
  mimeType: string;
  description: string;
  bytes: Uint8Array;
}

export interface DocumentTree {
  meta: DocumentMeta;
  preset: StylePreset;
  /** The institution's style sheet over the preset (config `style`); see styleOverrides.ts. */
  style?: StyleOverrides;
  /** Diagonal watermark text on every page, e.g. 征求意见稿 or 样本. */
  watermark?: string;
  sections: Section[];
  /**
   * The preset's sheet as an institution's reference DOCX changed it (page size and margins,
   * style sizes): both renderers lay out with this when present.
   */
  styleSheet?: StyleSheet;
}
