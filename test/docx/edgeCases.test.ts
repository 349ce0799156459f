import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { furnitureOf, paragraphs, part, sectPrs, textOf, unzipDocx, xmlPartNames, xmlProblem } from './docxParts.js';
import { edgeTree } from './edgeCases.js';

describe('edge cases', () => {
  it('renders awkward trees into well-formed parts without losing text', async () => {
    const parts = await unzipDocx(await renderDocx(edgeTree()));
    for (const name of xmlPartNames(parts)) expect([name, xmlProblem(part(parts, name))]).toEqual([name, undefined]);
    const doc = part(parts, 'word/document.xml');
    const text = textOf(doc);
    for (const s of ['无列宽甲', '无列宽乙', '表头', '多出的单元格', '空白页之后', '分页后的表格']) expect(text).toContain(s);

    const secs = sectPrs(doc);
    expect(secs).toHaveLength(3);
    expect(secs[1]).toContain('w:start="1"');
    expect(secs[2]).toContain('w:start="1"');
    // The front section ignores its furniture.
    const front = furnitureOf(parts, secs[0]!);
    expect(textOf(front.header) + textOf(front.footer)).toBe('');
    expect(textOf(furnitureOf(parts, secs[2]!).header)).toContain('第二个正文节');

    // An extra cell widens the grid instead of vanishing; the empty table is skipped.
    const grids = [...doc.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) => (m[1]!.match(/<w:gridCol /g) ?? []).length);
    expect(grids).toEqual([2, 3, 1]);

    const ps = paragraphs(doc);
    // Page breaks are pageBreakBefore on what follows: two in a row start an empty page
    // with an empty line; a table after a break carries it on its first row.
    expect(doc).not.toContain('<w:br w:type="page"/>');
    const heading = ps.findIndex((p) => textOf(p) === '空白页之后');
    expect(ps[heading]).toContain('<w:pageBreakBefore/>');
    expect(textOf(ps[heading - 1]!)).toBe('');
    expect(ps[heading - 1]).toContain('<w:pageBreakBefore/>');
    expect(ps.find((p) => textOf(p) === '分页后的表格')).toContain('<w:pageBreakBefore/>');
    // Spacers: 0 and negative lines give nothing, 1.7 gives one line; an empty text run adds nothing.
    expect(doc).toMatch(/多出的单元格<\/w:t><\/w:r><\/w:p><\/w:tc><\/w:tr><\/w:tbl><w:p><w:pPr><w:pStyle w:val="JdBody"\/><w:widowControl\/><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="JdBody"\/>(?:(?!<\/w:p>)[\s\S])*<w:br\/>(?:(?!<\/w:p>)[\s\S])*<w:br\/>/);
  });
});
