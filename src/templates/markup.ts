/**
 * Block markup → document tree. The markup is a small HTML subset that templates produce
 * (documented in README, "模板标记"):
 *   <document title subject author keywords created preset watermark>
 *     <section kind="front|body" header="…" pages="ofTotal|dash|none">
 *       <h1>–<h3>, <p class="body|flush|title|docno|small|cover-title|cover-subtitle|declaration-title|mark" align keep>,
 *       <ol marker="decimal|cjk|paren"><li>…</li></ol>,
 *       <table cols="1 4 2"><thead|tbody><tr><th|td align colspan>, <pagebreak/>, <spacer lines="2"/>,
 *       <signature sealed institution date><signer role name note/></signature>
 *       <verification code url/>
 *       <img src="logo.png" width="30mm" height align="left|center|right" alt/> (PNG/JPEG from the template folder)
 *   inline: text, <b>/<strong>, <i>/<em>, <u>, <span font="hei|kai|song|fangsong">, <br/>
 * Whitespace that contains a line break is template layout and is dropped; other text is kept as written.
 */
import { Parser } from 'htmlparser2';
import { ordinal } from './helpers.js';
import { checkNesting, columnsAttr, intAttr, lengthAttrMm, MarkupError, MAX_IMAGE_MM, MAX_SPACER_LINES, MAX_TABLE_COLUMNS, type Origin } from './markupLimits.js';
import { POSITION_MARK } from './positions.js';
import { allowed } from './suggest.js';
import { FONT_ROLES, type Align, type Block, type DocumentTree, type FontRole, type ImageBlock, type Inline, type Paragraph, type ParagraphStyle, type Section, type SignatureLine, type TableRow, type TextRun } from '../document/tree.js';
import { MM_TO_PT } from '../document/styles.js';
import type { ImageInfo } from '../io/imageInfo.js';

export { MarkupError };

/** An image file a template names, read and checked (templateImages.ts); throws MarkupError when it cannot be placed. */
export type LoadImage = (src: string) => { data: Uint8Array; info: ImageInfo };

export interface MarkupOptions {
  /** The markup carries file marks, and a MarkupError says which template wrote the element. */
  traced?: boolean;
  /** Reads `<img src>`; without it an image is refused. */
  loadImage?: LoadImage;
}

/**
 * `origin`: where in which template the element was written, when the markup was rendered with
 * position marks (positions.ts); `textOrigins`: the same for its text children, by index.
 */
interface El { tag: string; attrs: Record<string, string>; children: (El | string)[]; origin?: Origin; textOrigins?: Map<number, Origin | undefined> }

function parseElements(markup: string, traced: boolean): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  let here: Origin | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const el: El = { tag, attrs, children: [], origin: here };
        // The tree is walked recursively later; bounding the depth here keeps that walk safe.
        at(el, () => checkNesting(stack.length, tag));
        stack.at(-1)!.children.push(el);
        stack.push(el);
      },
      ontext(text) {
        const parent = stack.at(-1)!;
        const last = parent.children.length - 1;
        // Marks split text in a traced render; joined again, it reads as in the normal one.
        if (traced && typeof parent.children[last] === 'string') {
          if (!/\S/.test(parent.children[last] as string)) parent.textOrigins?.set(last, here);
          parent.children[last] += text;
          return;
        }
        if (traced) (parent.textOrigins ??= new Map()).set(parent.children.length, here);
        parent.children.push(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      oncomment(data) {
        if (!traced) return;
        const m = POSITION_MARK.exec(data);
        if (m) here = { file: Number(m[1]), line: Number(m[2]), column: Number(m[3]) };
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  return root;
}

/** Runs `fn` for an element; a MarkupError from it is charged to the element's template unless a deeper one was. */
function at<T>(el: El, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof MarkupError && e.origin === undefined) e.origin = el.origin;
    throw e;
  }
}

const P_CLASSES: Record<string, ParagraphStyle> = {
  body: 'body', flush: 'bodyFlush', title: 'title', docno: 'docNumber', small: 'small', mark: 'mark',
  'cover-title': 'coverTitle', 'cover-subtitle': 'coverSubtitle', 'declaration-title': 'declarationTitle',
};
const HEADINGS: Record<string, ParagraphStyle> = { h1: 'heading1', h2: 'heading2', h3: 'heading3' };
const ALIGNS: Align[] = ['left', 'center', 'right', 'justify'];

const layoutSpace = (s: string) => s.replace(/[ \t\r]*\n\s*/g, '');

function inlines(el: El, style: Omit<TextRun, 'kind' | 'text'> = {}): Inline[] {
  return el.children.flatMap((child): Inline[] => {
    if (typeof child === 'string') {
      const text = layoutSpace(child);
      return text ? [{ kind: 'text', text, ...style }] : [];
    }
    return at(child, () => inline(child, style));
  });
}

function inline(child: El, style: Omit<TextRun, 'kind' | 'text'>): Inline[] {
  switch (child.tag) {
    case 'br': return [{ kind: 'lineBreak' }];
    case 'b': case 'strong': return inlines(child, { ...style, bold: true });
    case 'i': case 'em': return inlines(child, { ...style, italic: true });
    case 'u': return inlines(child, { ...style, underline: true });
    case 'span': {
      const font = child.attrs.font as FontRole | undefined;
      if (font !== undefined && !FONT_ROLES.includes(font)) throw new MarkupError(`<span font="${font}">：字体应为 ${FONT_ROLES.join('/')}`);
      return inlines(child, font ? { ...style, font } : style);
    }
    default: throw unknownTag(`段落中不允许使用标记 <${child.tag}>`, `<${child.tag}> is not allowed in a paragraph`, child.tag, INLINE_TAGS);
  }
}

function align(el: El): Align | undefined {
  const a = el.attrs.align;
  if (a === undefined) return undefined;
  if (!ALIGNS.includes(a as Align)) throw new MarkupError(`align="${a}" 无效，应为 ${ALIGNS.join('/')}`);
  return a as Align;
}

function paragraph(el: El, style: ParagraphStyle): Paragraph {
  const p: Paragraph = { kind: 'paragraph', style, inlines: inlines(el) };
  const a = align(el);
  if (a) p.align = a;
  if ('keep' in el.attrs) p.keepWithNext = true;
  return p;
}

const elements = (el: El) => el.children.filter((c): c is El => typeof c !== 'string');

function rows(el: El, maxSpan: number): TableRow[] {
  return elements(el).filter((r) => r.tag === 'tr').map((tr) => ({
    cells: elements(tr).filter((c) => c.tag === 'td' || c.tag === 'th').map((td) => at(td, () => {
      const cell: TableRow['cells'][number] = { inlines: inlines(td, td.tag === 'th' ? { bold: true } : {}) };
      const a = align(td);
      if (a) cell.align = a;
      if (td.attrs.colspan) cell.colSpan = intAttr(td, 'colspan', 1, maxSpan, 1);
      return cell;
    })),
  }));
}

function table(el: El): Block {
  const parts = elements(el);
  const head = parts.find((p) => p.tag === 'thead');
  const body = parts.find((p) => p.tag === 'tbody') ?? el;
  const columns = columnsAttr(el);
  // A cell may span the declared columns, or without `cols` at most MAX_TABLE_COLUMNS.
  const maxSpan = columns.length || MAX_TABLE_COLUMNS;
  const header = head ? rows(head, maxSpan) : [];
  const bodyRows = rows(body, maxSpan);
  // A loop, not Math.max(...rows): a spread of a hundred thousand rows overflows the stack.
  const width = [...header, ...bodyRows].reduce((w, r) => Math.max(w, r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)), 1);
  if (width > MAX_TABLE_COLUMNS) throw new MarkupError(`<table> 的一行有 ${width} 列，最多 ${MAX_TABLE_COLUMNS} 列`);
  if (columns.length !== width) {
    return { kind: 'table', columns: Array.from({ length: width }, () => 1), header, rows: bodyRows };
  }
  return { kind: 'table', columns, header, rows: bodyRows };
}

function signature(el: El): Block {
  const lines: SignatureLine[] = elements(el).filter((s) => s.tag === 'signer').map((s) => {
    const line: SignatureLine = { role: s.attrs.role ?? '', name: s.attrs.name ?? '' };
    if (s.attrs.note) line.note = s.attrs.note;
    return line;
  });
  return { kind: 'signature', lines, institution: el.attrs.institution ?? '', sealed: el.attrs.sealed === 'true', date: el.attrs.date ?? '' };
}

/** <verification code="…" url="…"/>: the 查询校验码 and the QR code of the verification address. */
function verification(el: El): Block {
  const code = el.attrs.code ?? '';
  if (!code) throw new MarkupError('<verification> 缺少 code（查询校验码）');
  return { kind: 'verification', code, ...(el.attrs.url ? { url: el.attrs.url } : {}) };
}

const MARKERS: Record<string, (n: number) => string> = {
  decimal: (n) => `${n}. `,
  cjk: (n) => ordinal(1, n),
  paren: (n) => ordinal(4, n),
};

/** <ol marker="decimal|cjk|paren" class="…"><li>…</li></ol>: numbered paragraphs (1. / 一、 / （1）). */
function orderedList(el: El): Block[] {
  const marker = MARKERS[el.attrs.marker ?? 'decimal'];
  if (!marker) throw new MarkupError(`<ol marker="${el.attrs.marker}"> 无效，可用：${Object.keys(MARKERS).join('/')}`);
  const style = P_CLASSES[el.attrs.class ?? 'body'];
  if (!style) throw new MarkupError(`<ol class="${el.attrs.class}"> 无效`);
  return elements(el).filter((li) => li.tag === 'li').map((li, i) => {
    const p = paragraph(li, style);
    p.inlines.unshift({ kind: 'text', text: marker(i + 1) });
    return p;
  });
}

/** The tags block() and inline() accept, for the error that names what is allowed (keep in step with their switches). */
export const BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'ol', 'table', 'pagebreak', 'spacer', 'signature', 'verification', 'img'];
export const INLINE_TAGS = ['b', 'strong', 'i', 'em', 'u', 'span', 'br'];

function unknownTag(message: string, messageEn: string, tag: string, known: string[]): MarkupError {
  const e = new MarkupError(message);
  Object.assign(e, { messageEn }, allowed(tag, known, { zh: '标记', en: 'tags' }, (t) => `<${t}>`));
  return e;
}

function block(el: El): Block {
  const style = P_CLASSES[el.attrs.class ?? 'body'];
  if (el.tag === 'p') {
    if (!style) throw new MarkupError(`<p class="${el.attrs.class}"> 无效，可用：${Object.keys(P_CLASSES).join('/')}`);
    return paragraph(el, style);
  }
  if (HEADINGS[el.tag]) return paragraph(el, HEADINGS[el.tag]!);
  switch (el.tag) {
    case 'table': return table(el);
    case 'pagebreak': return { kind: 'pageBreak' };
    case 'spacer': return { kind: 'spacer', lines: intAttr(el, 'lines', 0, MAX_SPACER_LINES, 1) };
    case 'signature': return signature(el);
    case 'verification': return verification(el);
    default: throw unknownTag(`未知的块级标记 <${el.tag}>`, `unknown block tag <${el.tag}>`, el.tag, BLOCK_TAGS);
  }
}

const IMAGE_ALIGNS = ['left', 'center', 'right'] as const;

/** <img src width height align alt/>: a width or height (or both) in mm/cm/pt; the other follows the picture. */
function image(el: El, load: LoadImage | undefined): ImageBlock {
  const src = el.attrs.src ?? '';
  if (!src) throw new MarkupError('<img> 缺少 src（图片文件，相对于模板文件夹）');
  if (!load) throw new MarkupError(`<img src="${src}">：此处不能读取图片文件`);
  const { data, info } = load(src);
  const w = lengthAttrMm(el, 'width');
  const h = lengthAttrMm(el, 'height');
  const ratio = info.heightPx / info.widthPx;
  const widthMm = w ?? (h !== undefined ? h / ratio : info.widthPx * (25.4 / 96));
  const heightMm = h ?? widthMm * ratio;
  if (widthMm > MAX_IMAGE_MM || heightMm > MAX_IMAGE_MM) throw new MarkupError(`<img src="${src}">：图片按比例为 ${widthMm.toFixed(0)}×${heightMm.toFixed(0)}mm，超过 ${MAX_IMAGE_MM}mm；请给出 width 或 height`);
  const a = el.attrs.align ?? 'left';
  if (!(IMAGE_ALIGNS as readonly string[]).includes(a)) throw new MarkupError(`<img align="${a}"> 无效，应为 ${IMAGE_ALIGNS.join('/')}`);
  return { kind: 'image', data, format: info.format, widthPt: widthMm * MM_TO_PT, heightPt: heightMm * MM_TO_PT, align: a as ImageBlock['align'], alt: el.attrs.alt ?? src };
}

function section(el: El, options: MarkupOptions): Section {
  const pages = el.attrs.pages ?? 'none';
  if (!['ofTotal', 'oftotal', 'dash', 'none'].includes(pages)) throw new MarkupError(`<section pages="${pages}"> 无效`);
  const stray = el.children.findIndex((c) => typeof c === 'string' && layoutSpace(c).trim() !== '');
  if (stray >= 0) {
    const e = new MarkupError(`段落标记之外出现了文字「${String(el.children[stray]).trim().slice(0, 20)}」`);
    e.origin = el.textOrigins?.get(stray);
    throw e;
  }
  const furniture: Section['furniture'] = { pageNumbers: pages === 'oftotal' ? 'ofTotal' : (pages as Section['furniture']['pageNumbers']) };
  if (el.attrs.header) furniture.headerText = el.attrs.header;
  const blocks = elements(el).flatMap((child) => at(child, (): Block[] => {
    if (child.tag === 'ol') return orderedList(child);
    if (child.tag === 'img') return [image(child, options.loadImage)];
    return [block(child)];
  }));
  const kind = el.attrs.kind ?? 'body';
  if (kind !== 'front' && kind !== 'body') throw new MarkupError(`<section kind="${kind}"> 无效，应为 front/body`);
  return { kind, furniture, blocks };
}

export function markupToTree(markup: string, options: MarkupOptions = {}): DocumentTree {
  const doc = elements(parseElements(markup, options.traced ?? false)).find((e) => e.tag === 'document');
  if (!doc) throw new MarkupError('模板输出缺少 <document> 根标记');
  const a = doc.attrs;
  const preset = a.preset ?? 'judicial';
  if (preset !== 'gbt9704' && preset !== 'judicial') throw new MarkupError(`<document preset="${preset}"> 无效，应为 gbt9704/judicial`);
  const tree: DocumentTree = {
    meta: { title: a.title ?? '', subject: a.subject ?? '', author: a.author ?? '', keywords: (a.keywords ?? '').split(/[,，]/).filter(Boolean), created: a.created ?? '' },
    preset,
    sections: elements(doc).filter((e) => e.tag === 'section').map((e) => at(e, () => section(e, options))),
  };
  if (a.watermark) tree.watermark = a.watermark;
  return tree;
}
