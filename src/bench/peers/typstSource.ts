/**
 * The bench's Typst peer gets the same document jianding typesets: the same text, page size,
 * margins, sizes, faces, indents and tables, written as Typst source from the document tree.
 * Furniture Typst would style differently (the seal circle, signature fields) is left as text:
 * the comparison is of typesetting and writing the same pages, not of every ornament.
 */
import type { Block, DocumentTree, Inline, Paragraph, Table } from '../../document/tree.js';
import type { StyleSheet } from '../../document/styles.js';
import { styleSheetOf } from '../../document/styleOverrides.js';

/** Typst family names of the faces jianding embeds (its bundled fonts). */
export interface TypstFamilies { serif: string; sans: string }

/** A Typst string literal: the text needs no markup escaping this way. */
const str = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function inlines(list: Inline[], size: number, family: string, bold: boolean): string {
  return list.map((i) => i.kind === 'lineBreak'
    ? '#linebreak()'
    : `#text(size: ${size}pt, font: ${str(family)}, weight: ${i.bold || bold ? '"bold"' : '"regular"'}, ${str(i.text)})`).join('');
}

function paragraph(p: Paragraph, sheet: StyleSheet, fonts: TypstFamilies): string {
  const s = sheet.paragraphs[p.style];
  const family = s.font === 'hei' ? fonts.sans : fonts.serif;
  const align = p.align ?? s.align;
  const body = inlines(p.inlines, s.sizePt, family, s.bold);
  const space = (pt: number) => (pt > 0 ? `#v(${pt}pt)` : '');
  const set = `#set par(justify: ${align === 'justify'}, first-line-indent: (amount: ${s.indentChars * s.sizePt}pt, all: true)); #set align(${align === 'justify' ? 'left' : align})`;
  return `${space(s.spaceBeforePt)}#[${set}\n${body}\n]${space(s.spaceAfterPt)}`;
}

function table(t: Table, sheet: StyleSheet, fonts: TypstFamilies): string {
  const size = sheet.paragraphs.small.sizePt;
  const cell = (c: Table['rows'][number]['cells'][number]) => `table.cell(colspan: ${c.colSpan ?? 1})[${inlines(c.inlines, size, fonts.serif, false)}]`;
  const rows = (list: Table['rows']) => list.flatMap((r) => r.cells.map(cell)).join(', ');
  const header = t.header.length > 0 ? `table.header(${rows(t.header)}), ` : '';
  return `#table(columns: (${t.columns.map((w) => `${w}fr`).join(', ')}), ${header}${rows(t.rows)})`;
}

function block(b: Block, sheet: StyleSheet, fonts: TypstFamilies): string {
  switch (b.kind) {
    case 'paragraph': return paragraph(b, sheet, fonts);
    case 'table': return table(b, sheet, fonts);
    case 'pageBreak': return '#pagebreak(weak: true)';
    case 'spacer': return `#v(${b.lines * sheet.page.linePitchPt}pt)`;
    case 'signature': return [...b.lines.map((l) => `${l.role}：${l.name}`), b.institution, b.date]
      .map((line) => `#align(right)[#text(size: ${sheet.paragraphs.body.sizePt}pt, font: ${str(fonts.serif)}, ${str(line)})]`).join('\n');
    case 'verification': return `#text(size: ${sheet.paragraphs.small.sizePt}pt, font: ${str(fonts.serif)}, ${str(`查询校验码：${b.code}`)})`;
    // The bench documents carry no pictures; a box of the same size keeps the pages alike.
    case 'image': return `#box(width: ${b.widthPt}pt, height: ${b.heightPt}pt)`;
  }
}

export function typstSource(tree: DocumentTree, fonts: TypstFamilies): string {
  const sheet = styleSheetOf(tree);
  const p = sheet.page;
  const body = sheet.paragraphs.body;
  const page = `#set page(width: ${p.widthMm}mm, height: ${p.heightMm}mm, margin: (top: ${p.marginTopMm}mm, bottom: ${p.marginBottomMm}mm, left: ${p.marginLeftMm}mm, right: ${p.marginRightMm}mm), numbering: "1")`;
  const par = `#set par(leading: ${Math.max(0, p.linePitchPt - body.sizePt)}pt, spacing: ${Math.max(0, p.linePitchPt - body.sizePt)}pt)`;
  // A line box of exactly one em, so that leading = pitch − size gives jianding's fixed line pitch.
  const text = `#set text(lang: "zh", region: "cn", font: ${str(fonts.serif)}, size: ${body.sizePt}pt, top-edge: 0.88em, bottom-edge: -0.12em)`;
  const sections = tree.sections.map((s) => s.blocks.map((b) => block(b, sheet, fonts)).join('\n'));
  return [page, par, text, sections.join('\n#pagebreak(weak: true)\n')].join('\n');
}
