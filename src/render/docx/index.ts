/**
 * DOCX renderer: DocumentTree → .docx bytes.
 *
 * The docx library builds the package; we then rewrite the parts it cannot make
 * deterministic or does not write the way we need (core properties, font table,
 * watermark shape ids) and re-pack the ZIP with fixed timestamps and order, so the same
 * tree always gives the same bytes.
 */
import { Document, Packer, type PageNumberEstimator } from 'docx';
import type { ClosingLayout } from '../../document/signaturePlaces.js';
import QRCode from 'qrcode';
import { styleSheetOf } from '../../document/styleOverrides.js';
import type { StyleSheet } from '../../document/styles.js';
import type { DocumentTree } from '../../document/tree.js';
import type { RenderContext } from './context.js';
import { coreXml } from './coreProps.js';
import { useFastAttributes } from './fastAttributes.js';
import { readZip, writeZip, type ZipEntries } from './deterministicZip.js';
import { fontTableXml } from './fonts.js';
import { RevisionMarks, type RevisionAuthor } from './revisions.js';
import { renderSection } from './sections.js';
import { textWidthTwips } from './units.js';
import { normalizeWatermarkIds } from './watermark.js';
import { normalizeDrawingIds } from './drawingIds.js';
import { stylesOptions } from './wordStyles.js';
import { finishStyles, referencedStyleIds } from './styleParts.js';
import type { ReferenceDocx } from './referenceDocx.js';
import { withReferenceFurniture } from './referenceParts.js';
import { xmlSafeText } from '../xmlSafe.js';

useFastAttributes();

/** The QR codes' PNGs, by address: the qrcode package encodes asynchronously, the docx build is synchronous. */
async function qrImages(tree: DocumentTree): Promise<Map<string, Uint8Array>> {
  const images = new Map<string, Uint8Array>();
  for (const section of tree.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'verification' && block.url && !images.has(block.url)) {
        // One PNG row filter (Paeth) instead of pngjs trying all five on every row: the same size within 2%, half the time (11 → 5 ms).
        images.set(block.url, await QRCode.toBuffer(block.url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8, rendererOpts: { filterType: 4 } } as QRCode.QRCodeToBufferOptions));
      }
    }
  }
  return images;
}

interface BuildExtras {
  qr: Map<string, Uint8Array>;
  revisions: RevisionAuthor | undefined;
  closings: ClosingLayout[] | undefined;
  sheet: StyleSheet;
}

/** The section's context with the typesetter's decisions on its 落款. */
function closingContext(ctx: RenderContext, extras: BuildExtras, section: number): RenderContext {
  const closing = extras.closings?.[section];
  return closing ? { ...ctx, closing } : ctx;
}

function buildDocument(tree: DocumentTree, extras: BuildExtras, pageNumbers?: PageNumberEstimator): Document {
  const sheet = extras.sheet;
  const marks = extras.revisions ? new RevisionMarks(extras.revisions) : undefined;
  const ctx: RenderContext = { sheet, textWidthTwips: textWidthTwips(sheet), qrImages: extras.qr, ...(marks ? { marks } : {}) };
  const watermark = tree.watermark?.trim() ? tree.watermark : undefined;
  return new Document({
    title: xmlSafeText(tree.meta.title),
    subject: xmlSafeText(tree.meta.subject),
    creator: xmlSafeText(tree.meta.author),
    keywords: xmlSafeText(tree.meta.keywords.join('; ')),
    styles: stylesOptions(sheet),
    // Word stretches a justified line that ends in a manual line break across the page; don't.
    compatibility: { doNotExpandShiftReturn: true },
    ...(pageNumbers ? { pageNumbers } : {}),
    customProperties: Object.entries(tree.meta.properties ?? {}).map(([name, value]) => ({ name, value: xmlSafeText(value) })),
    sections: tree.sections.map((s, i) => renderSection(s, closingContext(ctx, extras, i), watermark)),
  });
}

/** Replaces the parts the library writes non-deterministically or incompletely. */
function finishParts(entries: ZipEntries, tree: DocumentTree, sheet: StyleSheet, reference: ReferenceDocx | undefined): ZipEntries {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const out: ZipEntries = new Map(entries);
  out.set('docProps/core.xml', enc.encode(coreXml(tree.meta)));
  out.set('word/fontTable.xml', enc.encode(fontTableXml(sheet.docxFonts)));
  const styles = entries.get('word/styles.xml');
  if (styles) {
    const parts = [...entries].filter(([name]) => /^word\/(document|header\d+|footer\d+|footnotes|endnotes)\.xml$/.test(name)).map(([, data]) => dec.decode(data));
    out.set('word/styles.xml', enc.encode(finishStyles(dec.decode(styles), referencedStyleIds(parts), reference?.styles)));
  }
  for (const [name, data] of entries) {
    const m = /^word\/header(\d+)\.xml$/.exec(name);
    if (m) out.set(name, enc.encode(normalizeWatermarkIds(dec.decode(data), Number(m[1]))));
  }
  return normalizeDrawingIds(reference ? withReferenceFurniture(out, reference) : out);
}

export interface DocxOptions {
  /**
   * Pages of each tree section as the PDF typesetter laid them out. When given, it becomes
   * the cached result of SECTIONPAGES (LibreOffice shows it; Word recomputes it) and the
   * slow estimate is skipped.
   */
  sectionPages?: number[];
  /** Per section, how the typesetter set its 落款: broken between signers, tight, compact (layoutForDocx). */
  closings?: ClosingLayout[];
  /**
   * Writes a redline: text runs carrying a revision mark (revisions.ts) become tracked
   * changes by this author on this date. Without it, marks are ignored.
   */
  revisions?: RevisionAuthor;
  /**
   * An institution's reference DOCX (readReferenceDocx): its 鉴定-* styles replace ours and
   * its header and footer content (the letterhead) comes before ours. Its page geometry
   * reaches the layout through tree.styleSheet (sheetWithReference), for both formats.
   */
  reference?: ReferenceDocx;
}

/** The body section whose header carries 「共 N 页」, when there is exactly one. */
function ofTotalSection(tree: DocumentTree): number | undefined {
  const found = tree.sections.flatMap((s, i) => (s.kind === 'body' && s.furniture.pageNumbers === 'ofTotal' ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

const SECTIONPAGES_RESULT = /(SECTIONPAGES<\/w:instrText><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/>)(?!<w:t)/g;

/** Writes N as the SECTIONPAGES field's cached result in every header that has the field. */
function withSectionPages(entries: ZipEntries, pages: number): ZipEntries {
  const out: ZipEntries = new Map(entries);
  for (const [name, data] of entries) {
    if (!/^word\/header\d+\.xml$/.test(name)) continue;
    const xml = new TextDecoder().decode(data);
    out.set(name, new TextEncoder().encode(xml.replace(SECTIONPAGES_RESULT, `$1<w:t xml:space="preserve">${pages}</w:t>`)));
  }
  return out;
}

type PartData = string | Uint8Array;
interface PartCompiler { compile(file: Document, prettify?: undefined, overrides?: []): Map<string, PartData> }

/**
 * The package's parts, unzipped. Packer zips them (deflating everything) only for us to unzip
 * and re-pack deterministically, so the compiler Packer uses is asked directly when this docx
 * version has it; otherwise the library's ZIP is read back.
 */
async function partsOf(document: Document): Promise<ZipEntries> {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') return readZip(new Uint8Array(await Packer.toBuffer(document)));
  const enc = new TextEncoder();
  const entries: ZipEntries = new Map();
  for (const [name, data] of compiler.compile(document)) entries.set(name, typeof data === 'string' ? enc.encode(data) : data);
  return entries;
}

/**
 * Without a page count from the caller, docx's estimator fills the cached results; should it
 * ever fail on some content, the document is still written, with N left for the reader to compute.
 */
async function pack(tree: DocumentTree, known: boolean, options: DocxOptions, sheet: StyleSheet): Promise<ZipEntries> {
  const needsEstimate = !known && tree.sections.some((s) => s.kind === 'body' && s.furniture.pageNumbers === 'ofTotal');
  const extras: BuildExtras = { qr: await qrImages(tree), revisions: options.revisions, closings: options.closings, sheet };
  if (!needsEstimate) return partsOf(buildDocument(tree, extras));
  try {
    // Loaded only here: docx's layout engine costs about 40 ms to load, and the pipeline always knows the count.
    const { pageEstimator } = await import('./pageEstimate.js');
    return await partsOf(buildDocument(tree, extras, pageEstimator()));
  } catch {
    return partsOf(buildDocument(tree, extras));
  }
}

export async function renderDocx(tree: DocumentTree, options: DocxOptions = {}): Promise<Uint8Array> {
  const section = ofTotalSection(tree);
  const pages = section === undefined ? undefined : options.sectionPages?.[section];
  const sheet = styleSheetOf(tree);
  const entries = finishParts(await pack(tree, pages !== undefined, options, sheet), tree, sheet, options.reference);
  return writeZip(pages === undefined ? entries : withSectionPages(entries, pages));
}
