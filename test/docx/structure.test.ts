import { beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_NOTES_BELOW_EXTRA_LINES, COMPACT_SIGNING_EXTRA_LINES, SIGNING_EXTRA_LINES, type ClosingLayout } from '../../src/document/signaturePlaces.js';
import { DOCX_FONTS, STYLE_SHEETS } from '../../src/document/styles.js';
import type { DocumentTree, SignatureBlock } from '../../src/document/tree.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { linePitchPt, mmToTwips, ptToTwips, textWidthTwips } from '../../src/render/docx/units.js';
import { para, sampleTree } from '../support/sampleTree.js';
import { furnitureOf, paragraphs, part, sectPrs, textOf, unzipDocx, xmlPartNames, xmlProblem } from './docxParts.js';

const sheet = STYLE_SHEETS.judicial;
let parts: Map<string, string>;
let doc: string;

beforeAll(async () => {
  parts = await unzipDocx(await renderDocx(sampleTree()));
  doc = part(parts, 'word/document.xml');
});

const paragraphWith = (text: string): string => {
  const p = paragraphs(doc).find((x) => textOf(x).includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
};

describe('package', () => {
  it('has well-formed XML in every part', () => {
    const names = xmlPartNames(parts);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect([name, xmlProblem(part(parts, name))]).toEqual([name, undefined]);
  });

  it('contains the headings and key text', () => {
    const text = textOf(doc);
    for (const s of ['某某司法鉴定所司法鉴定意见书', '声明', '关于张某某医疗损害的鉴定意见书', '一、基本情况', '二、检案摘要',
      '（一）某某市第一人民医院诊疗经过', '三、分析说明', '1. 医方存在延误诊治的过错', '四、鉴定意见', '材料名称', '参考范围16%–44%',
      '鉴定人：李某某', '《司法鉴定人执业证》证号：320100000002', '二〇二六年十一月二十二日', '某某司法鉴定所']) {
      expect(text).toContain(s);
    }
  });

  it('takes core properties from meta, not the clock', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>关于张某某医疗损害的鉴定意见书</dc:title>');
    expect(core).toContain('<dc:subject>医疗损害司法鉴定</dc:subject>');
    expect(core).toContain('<dc:creator>某某司法鉴定所</dc:creator>');
    expect(core).toContain('<cp:keywords>医疗损害; 司法鉴定</cp:keywords>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:modified>');
  });
});

describe('sections and furniture', () => {
  it('makes one Word section per tree section, each on a new page, A4 with the preset margins', () => {
    const secs = sectPrs(doc);
    expect(secs).toHaveLength(2);
    const p = sheet.page;
    for (const s of secs) {
      expect(s).toContain('<w:type w:val="nextPage"/>');
      expect(s).toContain(`<w:pgSz w:w="${mmToTwips(p.widthMm)}" w:h="${mmToTwips(p.heightMm)}"`);
      expect(s).toMatch(new RegExp(`<w:pgMar w:top="${mmToTwips(p.marginTopMm)}" w:right="${mmToTwips(p.marginRightMm)}" w:bottom="${mmToTwips(p.marginBottomMm)}" w:left="${mmToTwips(p.marginLeftMm)}"`));
    }
    expect(mmToTwips(p.widthMm)).toBe(11906);
  });

  it('restarts numbering at 1 in the body and leaves the front unnumbered', () => {
    const [front, body] = sectPrs(doc);
    expect(front).not.toMatch(/w:start=/);
    expect(body).toContain('<w:pgNumType w:start="1" w:fmt="decimal"/>');
  });

  it('puts the document number and 第 PAGE 页 共 SECTIONPAGES 页 in the body header', () => {
    const { header, footer } = furnitureOf(parts, sectPrs(doc)[1]!);
    expect(textOf(header)).toContain('苏某司鉴〔2026〕临鉴字第12号');
    expect(header).toMatch(/第 <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> 页 共 <\/w:t>[\s\S]*<w:instrText[^>]*>SECTIONPAGES<\/w:instrText>[\s\S]*> 页<\/w:t>/);
    expect(header).not.toContain('NUMPAGES');
    expect(header).toContain(`<w:tab w:val="right" w:pos="${textWidthTwips(sheet)}"/>`);
    // The cached N (for readers that do not compute SECTIONPAGES) is the estimated body page count.
    expect(header).toMatch(/SECTIONPAGES<\/w:instrText>[\s\S]*?fldCharType="separate"\/>(?:<\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?)?<w:t[^>]*>\d+<\/w:t>/);
    expect(textOf(footer)).toBe('');
  });

  it('shows no header or footer text, and no page field, in the front section', () => {
    const { header, footer } = furnitureOf(parts, sectPrs(doc)[0]!);
    expect(textOf(header)).toBe('');
    expect(textOf(footer)).toBe('');
    expect(header + footer).not.toContain('instrText');
  });

  it("writes 'dash' page numbers centred in the footer at the furniture size", async () => {
    const tree = sampleTree();
    tree.preset = 'gbt9704';
    tree.sections[1]!.furniture = { pageNumbers: 'dash' };
    const p = await unzipDocx(await renderDocx(tree));
    const { header, footer } = furnitureOf(p, sectPrs(part(p, 'word/document.xml'))[1]!);
    expect(textOf(header)).toBe('');
    expect(header).not.toContain('instrText');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toMatch(/— <\/w:t>[\s\S]*>PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
    const furniture = /<w:style [^>]*w:styleId="JdFurniture"[\s\S]*?<\/w:style>/.exec(part(p, 'word/styles.xml'))?.[0] ?? '';
    expect(furniture).toContain(`<w:sz w:val="${STYLE_SHEETS.gbt9704.page.furnitureSizePt * 2}"/>`);
  });

  it("writes nothing for 'none'", async () => {
    const tree = sampleTree();
    tree.sections[1]!.furniture = { pageNumbers: 'none' };
    const p = await unzipDocx(await renderDocx(tree));
    const { header, footer } = furnitureOf(p, sectPrs(part(p, 'word/document.xml'))[1]!);
    expect(header + footer).not.toContain('instrText');
  });
});

describe('typography', () => {
  const style = (id: string): string => {
    const s = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(part(parts, 'word/styles.xml'))?.[0];
    if (!s) throw new Error(`no style ${id}`);
    return s;
  };

  it('defines real Word styles with exact line pitch, character indents and justification', () => {
    const body = style('JdBody');
    expect(body).toContain(`w:line="${ptToTwips(sheet.page.linePitchPt)}" w:lineRule="exact"`);
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(body).toContain(`w:firstLine="${ptToTwips(2 * sheet.paragraphs.body.sizePt)}"`);
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain(`<w:sz w:val="${sheet.paragraphs.body.sizePt * 2}"/>`);
    expect(body).toContain(`w:eastAsia="${DOCX_FONTS.fangsong.eastAsia}"`);
    // Non-body sizes scale the pitch, never below 1.2 × size.
    const small = style('JdSmall');
    const smallPitch = Math.max((sheet.page.linePitchPt * sheet.paragraphs.small.sizePt) / sheet.paragraphs.body.sizePt, sheet.paragraphs.small.sizePt * 1.2);
    expect(small).toContain(`w:line="${ptToTwips(smallPitch)}" w:lineRule="exact"`);
    expect(paragraphWith('患者张某某')).toContain('<w:pStyle w:val="JdBody"/>');
  });

  it('keeps headings with the next paragraph', () => {
    for (const id of ['JdHeading1', 'JdHeading2', 'JdHeading3']) expect(style(id)).toContain('<w:keepNext/>');
    expect(style('JdBody')).not.toContain('<w:keepNext/>');
    expect(paragraphWith('委托人：')).not.toContain('<w:keepNext/>');
  });

  it('keeps a paragraph with the next where the tree asks', async () => {
    const tree = sampleTree();
    tree.sections[1]!.blocks.splice(4, 0, para('bodyFlush', '与下段同页', { keepWithNext: true }));
    const d = part(await unzipDocx(await renderDocx(tree)), 'word/document.xml');
    expect(paragraphs(d).find((p) => textOf(p) === '与下段同页')).toContain('<w:keepNext/>');
  });

  it('leaves half a body line of air above and below a table, as the PDF does', async () => {
    const tree = sampleTree();
    const table = { kind: 'table' as const, columns: [1, 1], header: [], rows: [{ cells: [{ inlines: [] }, { inlines: [] }] }] };
    tree.sections[1]!.blocks.splice(4, 0, para('bodyFlush', '表前一段'), table, para('bodyFlush', '表后一段'));
    const d = part(await unzipDocx(await renderDocx(tree)), 'word/document.xml');
    const air = ptToTwips(sheet.page.linePitchPt / 2);
    expect(paragraphs(d).find((p) => textOf(p) === '表前一段')).toContain(`<w:spacing w:after="${air}" w:before="0"/>`);
    expect(paragraphs(d).find((p) => textOf(p) === '表后一段')).toContain(`<w:spacing w:after="0" w:before="${air}"/>`);
  });

  it('sets East Asian and Latin fonts separately on a run in another role than its paragraph', () => {
    const label = /<w:r>(?:(?!<\/w:r>)[\s\S])*委托人：<\/w:t><\/w:r>/.exec(doc)?.[0] ?? '';
    expect(label).toContain(`w:eastAsia="${DOCX_FONTS.hei.eastAsia}"`);
    expect(label).toContain(`w:ascii="${DOCX_FONTS.hei.latin}"`);
  });

  it('lists the fonts with their fallbacks in the font table', () => {
    const fonts = part(parts, 'word/fontTable.xml');
    expect(fonts).toContain(`<w:font w:name="${DOCX_FONTS.fangsong.eastAsia}"><w:altName w:val="${DOCX_FONTS.fangsong.fallbacks[0]}"/><w:charset w:val="86"/>`);
    for (const f of Object.values(DOCX_FONTS)) for (const name of [f.eastAsia, f.latin, ...f.fallbacks]) expect(fonts).toContain(`w:name="${name}"`);
  });

  it('writes line breaks, bold and page breaks', () => {
    const p = paragraphWith('换行后的第二行');
    expect(p).toMatch(/第一行<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/>/);
    expect(p).toMatch(/<w:b\/>[\s\S]*换行后的第二行/);
    expect(paragraphWith('四、鉴定意见')).toContain('<w:pageBreakBefore/>');
    expect(paragraphWith('声明')).toContain('<w:pageBreakBefore/>');
    expect(part(parts, 'word/settings.xml')).toContain('<w:doNotExpandShiftReturn/>');
  });

  it('writes italic, underline and spacer lines', async () => {
    const tree = sampleTree();
    tree.sections[1]!.blocks.splice(1, 0,
      { kind: 'paragraph', style: 'body', inlines: [{ kind: 'text', text: '斜体', italic: true }, { kind: 'text', text: '下划线', underline: true }] },
      { kind: 'spacer', lines: 3 },
      para('body', '空行之后'));
    const d = part(await unzipDocx(await renderDocx(tree)), 'word/document.xml');
    expect(d).toMatch(/<w:i\/>[\s\S]*?斜体/);
    expect(d).toMatch(/<w:u w:val="single"\/>[\s\S]*?下划线/);
    const ps = paragraphs(d);
    const at = ps.findIndex((x) => textOf(x) === '空行之后');
    expect(ps.slice(at - 3, at).map(textOf)).toEqual(['', '', '']);
    expect(ps.slice(at - 3, at).every((x) => x.includes('<w:pStyle w:val="JdBody"/>'))).toBe(true);
    expect(textOf(ps[at - 4]!)).toBe('斜体下划线');
  });
});

describe('tables', () => {
  const tbl = (): string => /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)?.[0] ?? '';

  it('repeats the header row, never splits rows and borders every cell', () => {
    const rows = tbl().match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(15);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(tbl()).toMatch(new RegExp(`<w:${side} w:val="single"`));
  });

  it('scales the relative columns to the text width with a fixed layout', () => {
    const widths = [...tbl().matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const total = textWidthTwips(sheet);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    expect(widths[1]! / widths[0]!).toBeCloseTo(4, 1);
    expect(tbl()).toContain('<w:tblLayout w:type="fixed"/>');
    expect(tbl()).toContain(`<w:tblW w:type="dxa" w:w="${total}"/>`);
  });

  it('applies cell alignment and column spans', async () => {
    const tree = sampleTree();
    tree.sections[1]!.blocks = [{
      kind: 'table', columns: [1, 1, 2], header: [],
      rows: [{ cells: [{ inlines: [{ kind: 'text', text: '合并' }], colSpan: 2, align: 'right' }, { inlines: [{ kind: 'text', text: '单' }] }] }],
    }];
    const d = part(await unzipDocx(await renderDocx(tree)), 'word/document.xml');
    expect(d).toContain('<w:gridSpan w:val="2"/>');
    const cell = /<w:tc>(?:(?!<\/w:tc>)[\s\S])*合并[\s\S]*?<\/w:tc>/.exec(d)?.[0] ?? '';
    expect(cell).toContain('<w:jc w:val="right"/>');
    expect(cell).toContain(`<w:tcW w:type="dxa" w:w="${textWidthTwips(sheet) / 2}"/>`);
  });
});

describe('signature block', () => {
  it('keeps the last body paragraph and the signature lines together (keep-with-next chain)', () => {
    const ps = paragraphs(doc);
    const first = ps.findIndex((p) => textOf(p) === '鉴定人：李某某');
    const last = ps.findIndex((p) => textOf(p) === '二〇二六年十一月二十二日');
    expect(first).toBeGreaterThan(2);
    expect(textOf(ps[first - 1]!)).toMatch(/^2\. 患者死亡后/);
    expect(ps[first - 1]).toContain('<w:keepNext/>');
    expect(ps[first - 2]).not.toContain('<w:keepNext/>');
    for (const p of ps.slice(first, last)) expect(p).toMatch(/<w:keepNext\/><w:keepLines\/>/);
    expect(ps[last]).toContain('<w:keepLines/>');
    expect(ps[last]).not.toContain('<w:keepNext/>');
  });

  it('puts notes in small text under each signer, a signing line beside each name, the date right-aligned with four characters to spare', () => {
    const ps = paragraphs(doc);
    const first = ps.findIndex((p) => textOf(p) === '鉴定人：李某某');
    expect(ps[first + 1]).toContain('<w:pStyle w:val="JdSmall"/>');
    expect(textOf(ps[first + 1]!)).toBe('《司法鉴定人执业证》证号：320100000001');
    expect(ps[first]).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="underscore"\/>/);
    expect(ps[first]).toContain('<w:tab/>');
    const date = paragraphWith('二〇二六年十一月二十二日');
    expect(date).toContain('<w:jc w:val="right"/>');
    // 右空四字: four characters of the body size (20 twips a point).
    const size = STYLE_SHEETS[sampleTree().preset].paragraphs.bodyFlush.sizePt;
    expect(date).toMatch(new RegExp(`<w:ind [^>]*w:right="${4 * size * 20}"`));
  });

  it('prints the institution\'s name over the date, never a 「专用章」 placeholder, sealed or not', async () => {
    for (const sealed of [false, true]) {
      const tree = sampleTree();
      const sig = tree.sections[1]!.blocks.find((b): b is SignatureBlock => b.kind === 'signature')!;
      sig.sealed = sealed;
      const d = part(await unzipDocx(await renderDocx(tree)), 'word/document.xml');
      const ps = paragraphs(d);
      const name = ps.findIndex((p) => textOf(p) === '某某司法鉴定所');
      expect(textOf(ps[name + 1]!)).toBe('二〇二六年十一月二十二日');
      expect(ps[name]).toContain('<w:jc w:val="right"/>');
      expect(textOf(d)).not.toContain('专用章');
    }
  });

  it('chains across spacers but stops at an explicit page break', async () => {
    const tree: DocumentTree = sampleTree();
    const sig = tree.sections[1]!.blocks.find((b) => b.kind === 'signature')!;
    tree.sections[1]!.blocks = [para('body', '甲'), para('body', '乙'), { kind: 'spacer', lines: 1 }, para('body', '丙'), { kind: 'pageBreak' }, para('body', '丁'), { kind: 'spacer', lines: 2 }, sig];
    const ps = paragraphs(part(await unzipDocx(await renderDocx(tree)), 'word/document.xml'));
    const keep = (t: string): boolean => ps.find((p) => textOf(p) === t)?.includes('<w:keepNext/>') ?? false;
    expect(keep('丁')).toBe(true);
    expect(keep('丙')).toBe(false);
    const i = ps.findIndex((p) => textOf(p) === '丁');
    expect(ps.slice(i + 1, i + 3).every((p) => p.includes('<w:keepNext/>'))).toBe(true);
  });
});

describe('a 落款 the typesetter sets compact, or marks tight (it and its chained paragraph about a page tall)', () => {
  /** The sample tree's 落款 with short notes (主任医师), which fit beside the names; the sample's own are long 证号 notes. */
  const shortNotes = (): DocumentTree => {
    const tree = sampleTree();
    const sig = tree.sections[1]!.blocks.find((b) => b.kind === 'signature')!;
    sig.lines = sig.lines.map((l) => ({ ...l, note: '主任医师' }));
    return tree;
  };
  type Closing = Pick<NonNullable<Parameters<typeof renderDocx>[1]>, 'closings'>;
  const fullClosing: ClosingLayout = { split: false, tight: false, compact: false };
  /** The body section's 落款 (the sample's second section) set as `closing` says, the front section's full. */
  const bodyClosing = (closing: Partial<ClosingLayout>): Closing => ({ closings: [fullClosing, { ...fullClosing, ...closing }] });
  const signerParagraphs = async (closing: Closing = {}, tree = shortNotes()): Promise<string[]> => {
    const ps = paragraphs(part(await unzipDocx(await renderDocx(tree, closing)), 'word/document.xml'));
    return ps.filter((p) => textOf(p).startsWith('鉴定人：'));
  };
  const spaceBefore = (p: string | undefined): number => Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(p ?? '')?.[1] ?? 0);
  const spaceBeforeFirstSigner = async (closing: Closing = {}, tree = shortNotes()): Promise<number> => spaceBefore((await signerParagraphs(closing, tree))[0]);
  const pitch = ptToTwips(linePitchPt(sheet, sheet.paragraphs.bodyFlush.sizePt));

  it('sets each signer\'s note beside the name, in the note\'s size, with the signing lines starting at one column, where the typesetter did', async () => {
    const compact = await signerParagraphs(bodyClosing({ compact: 'notesBeside' }));
    expect(compact.length).toBeGreaterThan(1);
    for (const p of compact) expect(textOf(p).includes('主任医师') && p.includes(`<w:sz w:val="${sheet.paragraphs.small.sizePt * 2}"/>`)).toBe(true);
    const tabs = compact.map((p) => /<w:tab w:val="left" w:pos="(\d+)"\/>/.exec(p)?.[1]);
    expect(new Set(tabs).size).toBe(1);
    expect(tabs[0]).toBeDefined();
  });

  it('compact with notes beside: drops the blank line above the first signer and the extra signing room, and only there', async () => {
    const normal = await spaceBeforeFirstSigner();
    expect(await spaceBeforeFirstSigner(bodyClosing({}))).toBe(normal);
    // The blank line and the extra signing room above the line go; the line itself stays the signing room.
    expect(normal - (await spaceBeforeFirstSigner(bodyClosing({ compact: 'notesBeside' })))).toBeCloseTo(pitch * (1 + SIGNING_EXTRA_LINES - COMPACT_SIGNING_EXTRA_LINES), -1);
  });

  it('compact with notes under the names (long 证号): the blank line goes, each line keeps half its signing room', async () => {
    const normal = await spaceBeforeFirstSigner({}, sampleTree());
    const compact = await spaceBeforeFirstSigner(bodyClosing({ compact: 'notesBelow' }), sampleTree());
    expect(normal - compact).toBeCloseTo(pitch * (1 + SIGNING_EXTRA_LINES - COMPACT_NOTES_BELOW_EXTRA_LINES), -1);
    const second = (await signerParagraphs(bodyClosing({ compact: 'notesBelow' }), sampleTree()))[1];
    expect(spaceBefore(second)).toBeCloseTo(pitch * COMPACT_NOTES_BELOW_EXTRA_LINES, -1);
    expect(COMPACT_NOTES_BELOW_EXTRA_LINES).toBeGreaterThan(0);
  });

  it('tight only (the word processor\'s page-tall chain): the blank line goes, the notes stay under the names as the PDF set them', async () => {
    const normal = await spaceBeforeFirstSigner();
    const tight = await signerParagraphs(bodyClosing({ tight: true }));
    expect(normal - spaceBefore(tight[0])).toBeCloseTo(pitch, -1);
    expect(tight.some((p) => textOf(p).includes('主任医师'))).toBe(false);
  });
});

describe('watermark', () => {
  it('puts a diagonal light-grey WordArt watermark in every header', () => {
    const headers = [...parts.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers).toHaveLength(2);
    for (const h of headers) {
      const xml = part(parts, h);
      expect(xml).toMatch(/<v:shape id="PowerPlusWaterMarkObject[^"]*"[^>]*rotation:315[^>]*fillcolor="#?C0C0C0"/i);
      expect(xml).toContain('string="征求意见稿"');
    }
  });

  it('is absent without tree.watermark', async () => {
    const tree = sampleTree();
    delete tree.watermark;
    const p = await unzipDocx(await renderDocx(tree));
    for (const [n, xml] of p) if (n.startsWith('word/header')) expect(xml).not.toContain('v:textpath');
  });
});
