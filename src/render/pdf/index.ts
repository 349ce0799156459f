/**
 * PDF rendering of a document tree: fonts (parsed once per process) → pure layout →
 * pdf-lib drawing → deterministic bytes.
 */
import { PDFDocument } from './pdfLib.js';
import type { DocumentTree } from '../../document/tree.js';
import { drawDocument } from './draw.js';
import { useFastFlate } from './fastFlate.js';
import { loadFontSet, type PdfFontConfig } from './fonts.js';
import { layoutDocument } from './layout.js';
import { applyMetadata } from './metadata.js';
import { applyProof } from './proof.js';
import type { ClosingLayout } from '../../document/signaturePlaces.js';
import type { Anchor, DocumentPlan } from './model.js';

export { FontFileError, fontSetSha256, type PdfFontConfig } from './fonts.js';

export interface PdfWarning {
  code: 'PDF_MISSING_GLYPH';
  char: string;
  /** e.g. U+20BB7 */
  codePoint: string;
  /** About 20 characters of the paragraph around it. */
  context: string;
}

/** What the DOCX takes from the typesetter: pages per section, and how each 落款 was set. */
export interface DocxLayout {
  /** Pages of each tree section, in order (the N of 「共 N 页」 for a body section). */
  sectionPages: number[];
  /** Per section: how its 落款 was set (DocumentPlan.closings). */
  closings: ClosingLayout[];
}

export interface PdfResult extends DocxLayout {
  bytes: Uint8Array;
  warnings: PdfWarning[];
  pageCount: number;
  /** Each heading's page, for a viewer that follows the part being edited. */
  anchors: Anchor[];
}

function docxLayoutOf(tree: DocumentTree, plan: DocumentPlan): DocxLayout {
  return { sectionPages: sectionPagesOf(tree, plan), closings: plan.closings };
}

export async function layoutForDocx(tree: DocumentTree, options: { fonts?: PdfFontConfig } = {}): Promise<DocxLayout> {
  const plan = layoutDocument(tree, await loadFontSet(options.fonts));
  return docxLayoutOf(tree, plan);
}

function sectionPagesOf(tree: DocumentTree, plan: DocumentPlan): number[] {
  return tree.sections.map((_, i) => plan.pages.filter((p) => p.sectionIndex === i).length);
}

/** Starts reading and parsing the fonts; a later render finds them cached. Errors surface there. */
export function preloadFonts(fonts?: PdfFontConfig): Promise<unknown> {
  return loadFontSet(fonts).catch(() => undefined);
}

/** Lays the document out without drawing it: the page count of each section. */
export async function layoutSectionPages(tree: DocumentTree, options: { fonts?: PdfFontConfig } = {}): Promise<number[]> {
  return (await layoutForDocx(tree, options)).sectionPages;
}

/** The /ID seed: the tree without attachment bytes (their hashes are among the properties). */
function idSeed(tree: DocumentTree, fonts: PdfFontConfig | undefined): string {
  const meta = { ...tree.meta, attachments: (tree.meta.attachments ?? []).map((a) => a.name) };
  return JSON.stringify({ tree: { ...tree, meta }, fonts: fonts ?? {} }, (_, v: unknown) => (v instanceof Uint8Array ? v.length : v));
}

export async function renderPdf(tree: DocumentTree, options: { fonts?: PdfFontConfig } = {}): Promise<PdfResult> {
  const fonts = await loadFontSet(options.fonts);
  const plan = layoutDocument(tree, fonts);
  const doc = await PDFDocument.create({ updateMetadata: false });
  useFastFlate(doc);
  applyMetadata(doc, tree.meta, idSeed(tree, options.fonts));
  await drawDocument(doc, plan, fonts);
  await applyProof(doc, tree.meta);
  // objectsPerTick: pdf-lib otherwise waits a timer tick (≥ 1 ms) every 50 objects while writing.
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  const warnings = plan.warnings.map((w): PdfWarning => ({ code: 'PDF_MISSING_GLYPH', ...w }));
  return { bytes, warnings, pageCount: plan.pages.length, anchors: plan.anchors, ...docxLayoutOf(tree, plan) };
}
