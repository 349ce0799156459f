/**
 * The redline from two versions of a case (the function the CLI calls): tracked changes hold
 * exactly the changed text, by jianding on the new report date; accepting every change gives
 * the new document's text and rejecting every change the old one's; the summary names the
 * changed fields in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { redline, type DiffInput } from '../../src/diff/redline.js';
import { summaryLines } from '../../src/diff/summary.js';
import { renderCase } from '../../src/pipeline/renderCase.js';
import { textOf as textOfDocx, xmlProblem } from '../docx/docxParts.js';
import { accepted, documentXml, edit, fixtureText, GENERATOR, input, judicialVersions, marksOf, rejected, withoutHash } from './support.js';

async function plainDocx(v: DiffInput): Promise<string> {
  const r = await renderCase(v.case, { formats: ['docx'], status: 'draft', caseSha256: v.sha256, generator: GENERATOR });
  return documentXml(r.outputs[0]!.bytes);
}

describe('redline of a judicial opinion revised after the parties’ comments', async () => {
  const { before, after } = judicialVersions();
  const [oldVersion, newVersion] = [input(before), input(after)];
  const result = await redline(oldVersion, newVersion, { generator: GENERATOR });
  const xml = await documentXml(result.docx!);
  const marks = marksOf(xml);

  it('marks exactly the changed text, by jianding on the new report date', () => {
    expect(result.identical).toBe(false);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect([m.author, m.date]).toEqual(['jianding', '2026-04-03T00:00:00Z']);
    const deleted = marks.filter((m) => m.kind === 'del').map((m) => m.text);
    const inserted = marks.filter((m) => m.kind === 'ins').map((m) => m.text);
    // The participation wherever it is printed; the number of experts in the process narrative.
    expect(new Set(deleted)).toEqual(new Set(['60', '3']));
    expect(deleted.filter((t) => t === '60').length).toBe(3);
    expect(inserted).toContain('后止血');
    expect(inserted.filter((t) => t === '65').length).toBe(3);
    expect(inserted).toContain('同意王某某专家的意见。术后第2天引流液浑浊即应行碘水造影。');
    expect(inserted).toContain('同意王某某、孙某专家的意见。');
    // The consultations are numbered （四）（五） in the annex.
    const allowed = /^(后止血|65|5|、冯某某（普外科）、韦某（普外科）|(?:[45]\. |（[四五]）)(冯某某|韦某).*|同意王某某.*|专家签名：＿+)$/;
    for (const t of inserted) expect(t).toMatch(allowed);
  });

  it('gives every mark its own id', () => {
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('accepting all changes gives the new document, rejecting them the old one', async () => {
    expect(withoutHash(accepted(xml))).toBe(withoutHash(await plainDocx(newVersion).then((x) => accepted(x))));
    expect(withoutHash(rejected(xml))).toBe(withoutHash(await plainDocx(oldVersion).then((x) => accepted(x))));
  });

  it('leaves unchanged text unmarked', () => {
    const unchanged = '被鉴定人脾切除的直接原因为脾上极近胃短血管残端处被膜撕裂后迟发性出血';
    expect(accepted(xml.replace(/<w:ins [^>]*[^/]>[\s\S]*?<\/w:ins>/g, ''))).toContain(unchanged);
    for (const m of marks) expect(m.text).not.toContain('被鉴定人脾切除');
  });

  it('marks the inserted consultations’ paragraph marks as inserted', () => {
    const paragraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?同意王某某、孙某专家的意见。[\s\S]*?<\/w:p>/.exec(xml)?.[0] ?? '';
    expect(paragraph).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins w:id="\d+" w:author="jianding" w:date="2026-04-03T00:00:00Z"\/><\/w:rPr><\/w:pPr>/);
  });

  it('counts the places changed and names the changed fields in Chinese', () => {
    expect(result.insertions).toBe(7);
    expect(result.deletions).toBe(4);
    const lines = summaryLines(result, 'out.redline.docx').join('\n');
    expect(lines).toContain('新增　第 4 项专家（panel.experts[3]）：冯某某');
    expect(lines).toContain('新增　第 5 项专家（panel.experts[4]）：韦某');
    expect(lines).toContain('修改　第 3 项过错分析的过错表述（faultAnalysis.items[2].finding）：已修改');
    expect(lines).toContain('修改　第 1 项因果关系分析的参与度（causationAnalysis.items[0].participation）：60%～75% → 65%～75%');
    expect(lines).toContain('文书中插入 7 处、删除 4 处');
  });

  it('is byte-identical for the same inputs', async () => {
    const again = await redline(input(before), input(after), { generator: GENERATOR });
    expect(Buffer.from(again.docx!).equals(Buffer.from(result.docx!))).toBe(true);
  });
});

describe('redline of an association opinion', () => {
  const before = fixtureText('02_association_obstetrics_pph_mediation.yaml');
  const after = edit(before, [
    ['宫腔填塞在科主任到场后才实施。', '宫腔填塞直至科主任到场后方才实施。'],
    ['        抢救记录书写缺陷与损害后果之间无因果关系。\n', ''],
    ['participation: 不超过40%', 'participation: 30%'],
    ['参与度不超过40%。', '参与度为30%。'],
  ]);

  it('shows an edited phrase as one deletion and one insertion, and a deleted paragraph whole', async () => {
    const result = await redline(input(before), input(after), { generator: GENERATOR, date: '2026-05-01' });
    const xml = await documentXml(result.docx!);
    const marks = marksOf(xml).map((m) => `${m.kind}:${m.text}`);
    expect(marks).toContain('del:在');
    expect(marks).toContain('ins:直至');
    expect(marks).toContain('ins:方');
    expect(marks).toContain('del:抢救记录书写缺陷与损害后果之间无因果关系。');
    // A changed phrase with a number: one deletion, one insertion, the number whole.
    expect(marks).toContain('del:不超过40');
    expect(marks).toContain('ins:为30');
    expect(marksOf(xml).every((m) => m.date === '2026-05-01T00:00:00Z')).toBe(true);
    // The deleted paragraph's mark is deleted too, so accepting the change leaves no empty paragraph.
    const paragraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?抢救记录书写缺陷与损害后果之间无因果关系。[\s\S]*?<\/w:p>/.exec(xml)?.[0] ?? '';
    expect(paragraph).toMatch(/<w:rPr><w:del w:id="\d+" w:author="jianding" w:date="2026-05-01T00:00:00Z"\/><\/w:rPr><\/w:pPr>/);
  });

  it('finds identical versions identical: no document, no fields', async () => {
    const result = await redline(input(before), input(before), { generator: GENERATOR });
    expect(result).toMatchObject({ identical: true, insertions: 0, deletions: 0, fields: [] });
    expect(result.docx).toBeUndefined();
    expect(summaryLines(result, undefined).join('\n')).toContain('两个版本的文书内容相同');
  });

  it('takes a change of status alone as no change of text, but lists the field', async () => {
    const final = edit(before, [['  date: 2025-11-05\n', '  date: 2025-11-05\n  status: 正式\n']]);
    const result = await redline(input(before), input(final), { generator: GENERATOR });
    expect(result.identical).toBe(true);
    expect(result.fields.map((f) => [f.label, f.before, f.after])).toEqual([['文书状态', '征求意见稿', '正式']]);
  });
});

describe('a change only in the 落款', () => {
  it('is not called identical: the redline is written and the summary says the 落款 is unmarked', async () => {
    const before = fixtureText('01_judicial_surgery_fundoplication_two_grades.yaml');
    const after = edit(before, [['320106XXXX0021', '320106XXXX0022']]);
    const result = await redline(input(before), input(after), { generator: GENERATOR });
    expect(result).toMatchObject({ identical: false, insertions: 0, deletions: 0, signatureChanged: true });
    expect(textOfDocx(await documentXml(result.docx!))).toContain('320106XXXX0022');
    const lines = summaryLines(result, 'x.redline.docx').join('\n');
    expect(lines).toContain('第 1 项鉴定人的执业证号（appraisers[0].certificateNumber）：320106XXXX0021 → 320106XXXX0022');
    expect(lines).toContain('落款（签名人、盖章或日期）有改动：修订稿中按新版本印出，未加修订标记');
  });
});

describe('redline between two unrelated cases of different kinds', () => {
  it('is still well-formed, and accepting every change still gives the new document', async () => {
    const [a, b] = [input(fixtureText('02_association_obstetrics_pph_mediation.yaml')), input(fixtureText('01_judicial_surgery_fundoplication_two_grades.yaml'))];
    const result = await redline(a, b, { generator: GENERATOR });
    const xml = await documentXml(result.docx!);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(withoutHash(accepted(xml))).toBe(withoutHash(accepted(await plainDocx(b))));
    expect(result.fields.map((f) => f.path)).toContain('report.kind');
  });
});
