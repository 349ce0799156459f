/**
 * An institution's reference DOCX (pandoc's --reference-doc convention, config key
 * `referenceDocx`): a Word file whose 鉴定-* styles, page setup and header/footer (the
 * letterhead, images included) the generated DOCX takes over. Its page size and margins, and
 * the sizes and weight of its 鉴定-* styles, go to the style sheet too, so the PDF follows.
 * Read with fflate (bounded inflation) and htmlparser2, never by pattern matching.
 */
import { applyOverrides } from '../../document/styleOverrides.js';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { MM_TO_PT, type PageSpec, type ParagraphStyleSpec, type StyleSheet } from '../../document/styles.js';
import type { ParagraphStyle } from '../../document/tree.js';
import { STYLE_NAMES } from './wordStyles.js';
import { attr, childElements, findAll, firstChild, parseXml, type Element } from './xmlDom.js';

/** Parts of a real template are small; a part beyond this is not read (a ZIP bomb stays packed). */
const MAX_PART_BYTES = 16 * 1024 * 1024;
const MEDIA = /^word\/media\/[^/]+\.(png|jpe?g)$/i;

export class ReferenceDocxError extends Error {}

/** A header or footer to copy: its XML children and the images its relationships name. */
export interface FurniturePart {
  /** The w:hdr / w:ftr element's children (paragraphs, tables). */
  content: Element[];
  /** Relationship id → image bytes and extension, for the pictures the content shows. */
  images: Map<string, { data: Uint8Array; ext: string }>;
}

export interface ReferenceDocx {
  /** The reference's 鉴定-* styles, by style id and by `name:` + name. */
  styles: Map<string, Element>;
  page: Partial<PageSpec>;
  paragraphs: Partial<Record<ParagraphStyle, Partial<ParagraphStyleSpec>>>;
  /**
   * The faces each 鉴定-* style names (w:rFonts eastAsia/ascii), for a PDF whose fonts are
   * configured per face: the DOCX uses them as they are; the PDF cannot map a name to a file.
   */
  faces: Partial<Record<ParagraphStyle, { eastAsia?: string; latin?: string }>>;
  header?: FurniturePart;
  footer?: FurniturePart;
}

const text = (parts: Record<string, Uint8Array>, name: string): string | undefined => {
  const data = parts[name];
  return data && new TextDecoder().decode(data);
};

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (f) => f.originalSize <= MAX_PART_BYTES && (f.name.endsWith('.xml') || f.name.endsWith('.rels') || MEDIA.test(f.name)) });
  } catch (e) {
    throw new ReferenceDocxError(`不是有效的 DOCX（ZIP）文件：${(e as Error).message}`);
  }
}

const twipsToMm = (v: string | undefined): number | undefined => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? (n / 20) / MM_TO_PT : undefined;
};

/** The last section's w:pgSz and w:pgMar: the page the body is set on. */
function pageOf(sectPr: Element | undefined): Partial<PageSpec> {
  const size = sectPr && firstChild(sectPr, 'w:pgSz');
  const mar = sectPr && firstChild(sectPr, 'w:pgMar');
  const entries: [keyof PageSpec, number | undefined][] = [
    ['widthMm', twipsToMm(attr(size, 'w:w'))], ['heightMm', twipsToMm(attr(size, 'w:h'))],
    ['marginTopMm', twipsToMm(attr(mar, 'w:top'))], ['marginBottomMm', twipsToMm(attr(mar, 'w:bottom'))],
    ['marginLeftMm', twipsToMm(attr(mar, 'w:left'))], ['marginRightMm', twipsToMm(attr(mar, 'w:right'))],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function stylesOf(xml: string | undefined): Map<string, Element> {
  const out = new Map<string, Element>();
  if (!xml) return out;
  const ours = new Map(Object.values(STYLE_NAMES).flatMap(([id, name]) => [[id, id], [`name:${name}`, id]]));
  for (const style of findAll(parseXml(xml), 'w:style')) {
    const id = attr(style, 'w:styleId') ?? '';
    const name = attr(firstChild(style, 'w:name'), 'w:val') ?? '';
    if (ours.has(id)) out.set(id, style);
    if (ours.has(`name:${name}`)) out.set(`name:${name}`, style);
  }
  return out;
}

/** Size (w:sz, half-points) and weight (w:b) of each 鉴定-* style the reference defines. */
function paragraphSpecs(styles: Map<string, Element>): ReferenceDocx['paragraphs'] {
  const out: ReferenceDocx['paragraphs'] = {};
  for (const [style, [id, name]] of Object.entries(STYLE_NAMES) as [ParagraphStyle, [string, string]][]) {
    const el = styles.get(id) ?? styles.get(`name:${name}`);
    const rPr = el && firstChild(el, 'w:rPr');
    if (!rPr) continue;
    const spec: Partial<ParagraphStyleSpec> = {};
    const half = Number(attr(firstChild(rPr, 'w:sz'), 'w:val'));
    if (half > 0 && half <= 400) spec.sizePt = half / 2;
    const b = firstChild(rPr, 'w:b');
    if (b) spec.bold = !['0', 'false'].includes(attr(b, 'w:val') ?? 'true');
    if (Object.keys(spec).length) out[style] = spec;
  }
  return withBodySize(out);
}

/** Styles set at the body's size in every preset: 无缩进 text and the bold 1. headings. */
const BODY_SIZED: ParagraphStyle[] = ['bodyFlush', 'heading3'];

/**
 * A reference that resizes only 鉴定-正文 means the body text: the styles that are body text
 * too follow it, or the document would mix two body sizes.
 */
function withBodySize(specs: ReferenceDocx['paragraphs']): ReferenceDocx['paragraphs'] {
  const size = specs.body?.sizePt;
  if (size === undefined) return specs;
  const out = { ...specs };
  for (const style of BODY_SIZED) if (out[style]?.sizePt === undefined) out[style] = { ...out[style], sizePt: size };
  return out;
}

function facesOf(styles: Map<string, Element>): ReferenceDocx['faces'] {
  const out: ReferenceDocx['faces'] = {};
  for (const [style, [id, name]] of Object.entries(STYLE_NAMES) as [ParagraphStyle, [string, string]][]) {
    const el = styles.get(id) ?? styles.get(`name:${name}`);
    const fonts = el && firstChild(firstChild(el, 'w:rPr') ?? el, 'w:rFonts');
    if (!fonts) continue;
    const eastAsia = attr(fonts, 'w:eastAsia');
    const latin = attr(fonts, 'w:ascii');
    out[style] = { ...(eastAsia ? { eastAsia } : {}), ...(latin ? { latin } : {}) };
  }
  return out;
}

/** Relationship id → target part name, for a part's .rels file. */
function relsOf(parts: Record<string, Uint8Array>, part: string): Map<string, string> {
  const dir = part.slice(0, part.lastIndexOf('/'));
  const relsName = `${dir}/_rels/${part.slice(dir.length + 1)}.rels`;
  const xml = text(parts, relsName);
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const rel of findAll(parseXml(xml), 'Relationship')) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id && target && attr(rel, 'TargetMode') !== 'External') out.set(id, target.startsWith('/') ? target.slice(1) : path.posix.normalize(`${dir}/${target}`));
  }
  return out;
}

function furniturePart(parts: Record<string, Uint8Array>, name: string | undefined, root: 'w:hdr' | 'w:ftr'): FurniturePart | undefined {
  const xml = name && text(parts, name);
  if (!name || !xml) return undefined;
  const el = findAll(parseXml(xml), root)[0];
  if (!el) return undefined;
  const images = new Map<string, { data: Uint8Array; ext: string }>();
  for (const [id, target] of relsOf(parts, name)) {
    const data = parts[target];
    if (data && MEDIA.test(target)) images.set(id, { data, ext: target.slice(target.lastIndexOf('.') + 1).toLowerCase() });
  }
  return { content: childElements(el).filter((c) => c.name !== 'w:sectPr'), images };
}

/** The default header or footer of the body's section (the last w:sectPr). */
function furnitureName(sectPr: Element | undefined, kind: 'header' | 'footer', rels: Map<string, string>): string | undefined {
  const ref = sectPr && childElements(sectPr, `w:${kind}Reference`).find((r) => attr(r, 'w:type') === 'default');
  const id = attr(ref, 'r:id');
  return id ? rels.get(id) : undefined;
}

export function readReferenceDocx(bytes: Uint8Array): ReferenceDocx {
  const parts = unzip(bytes);
  const documentXml = text(parts, 'word/document.xml');
  if (!documentXml) throw new ReferenceDocxError('不是 Word 文档：缺少 word/document.xml');
  const sectPr = findAll(parseXml(documentXml), 'w:sectPr').at(-1);
  const rels = relsOf(parts, 'word/document.xml');
  const styles = stylesOf(text(parts, 'word/styles.xml'));
  const header = furniturePart(parts, furnitureName(sectPr, 'header', rels), 'w:hdr');
  const footer = furniturePart(parts, furnitureName(sectPr, 'footer', rels), 'w:ftr');
  return { styles, page: pageOf(sectPr), paragraphs: paragraphSpecs(styles), faces: facesOf(styles), ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
}

/**
 * The page geometry (size, margins) of a reference DOCX, for the PDF's style sheet.
 * Only what the file sets; throws ReferenceDocxError when it is not a DOCX.
 */
export function pageSpecFromReferenceDocx(bytes: Uint8Array): Partial<PageSpec> {
  return readReferenceDocx(bytes).page;
}

/** A preset's sheet with the reference's page geometry and its styles' sizes and weight. */
export function sheetWithReference(sheet: StyleSheet, ref: Pick<ReferenceDocx, 'page' | 'paragraphs'>): StyleSheet {
  return applyOverrides(sheet, { page: ref.page, paragraphs: ref.paragraphs });
}
