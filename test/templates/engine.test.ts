import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/schema/case.js';
import { build as buildWith, templateError, templatesDir } from './support.js';

/** The shared builder with this file's argument order (edit first). */
const build = (edit: (c: CaseInput) => void = () => {}, dir?: string) => buildWith(dir, edit);

const treeText = (b: ReturnType<typeof build>) => JSON.stringify(b.tree);

const overrideDir = templatesDir;

describe('case text is printed as written, never interpreted', () => {
  it('markup-like and Handlebars-like text survives as text', () => {
    const hostile = '<w:t>{{title}}</w:t> ]]> & <script>alert(1)</script> {{> signature}}';
    const b = build((c) => { c.statements.patientSide = hostile; });
    const texts = b.tree.sections.flatMap((s) => s.blocks).flatMap((bl) => (bl.kind === 'paragraph' ? [bl.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []));
    expect(texts).toContain(hostile);
  });
});

describe('institution overrides', () => {
  it('a partial of the same name wins; the rest falls back to the bundled templates', () => {
    const dir = overrideDir({ 'partials/statements.hbs': '<h2>（一）双方陈述（本机构格式）</h2>{{paras statements.patientSide}}' });
    const text = treeText(build(undefined, dir));
    expect(text).toContain('双方陈述（本机构格式）');
    expect(text).toContain('四、医疗过错分析');
  });

  it('an unknown helper names the file and line', () => {
    const dir = overrideDir({ 'partials/statements.hbs': '<h2>陈述</h2>\n{{shout statements.patientSide}}' });
    const e = templateError(() => build(undefined, dir));
    expect(e.message).toContain('statements.hbs');
    expect(e.message).toContain('shout');
    expect(e.line).toBe(2);
  });

  it('a field that does not exist in the report model is an error, not a blank', () => {
    const dir = overrideDir({ 'partials/statements.hbs': '<h2>陈述</h2>\n\n{{statements.doctorSide}}' });
    const e = templateError(() => build(undefined, dir));
    expect(e.message).toMatch(/不存在的字段「doctorSide」/);
    expect(e.message).toContain('statements.hbs');
    expect(e.line).toBe(3);
  });

  it('a syntax error names the file and line', () => {
    const dir = overrideDir({ 'partials/statements.hbs': '<h2>陈述</h2>\n{{#if statements}}\n' });
    const e = templateError(() => build(undefined, dir));
    expect(e.message).toContain('statements.hbs');
    expect(e.message).toMatch(/语法错误/);
  });

  it('a missing partial is named', () => {
    const dir = overrideDir({ 'partials/statements.hbs': '{{> ../../etc/passwd}}' });
    const e = templateError(() => build(undefined, dir));
    expect(e.message).toMatch(/找不到子模板/);
  });

  it('a template that links outside its folder is refused', () => {
    const dir = overrideDir({});
    fs.mkdirSync(path.join(dir, 'partials'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'partials', 'statements.hbs'));
    const e = templateError(() => build(undefined, dir));
    expect(e.message).toMatch(/模板文件夹之外/);
  });
});

describe('the three documents carry their Article 24 parts in order', () => {
  const headings = (b: ReturnType<typeof build>) => b.tree.sections.flatMap((s) => s.blocks).flatMap((bl) =>
    bl.kind === 'paragraph' && bl.style === 'heading1' ? [bl.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []);

  it('medical association opinion', () => {
    expect(headings(build())).toEqual([
      '一、委托鉴定事项的基本情况、诊疗概要', '二、医患双方各自陈述的主要观点、理由', '三、鉴定过程的说明', '四、医疗过错分析',
      '五、因果关系分析', '六、医疗损害后果及伤残等级', '七、鉴定意见',
    ]);
  });

  it('judicial opinion, with cover and 声明 in an uncounted front section', () => {
    const b = build((c) => {
      c.report.kind = 'judicial';
      c.institution.licenceNumber = '320100001';
      c.appraisers = [{ name: '李某', certificateNumber: '320100000001' }, { name: '王某', certificateNumber: '320100000002' }];
      c.panel.experts.forEach((e, i) => { e.consultation = { opinion: '同意鉴定人意见。', agrees: i !== 1, appraiserResponse: i === 1 ? '鉴定人认为引流液变化已提示胆漏。' : undefined }; });
    });
    expect(headings(b)).toEqual(['一、基本情况', '二、基本案情', '三、资料摘要（诊疗概要）', '四、医患双方陈述的主要观点、理由', '五、鉴定过程', '六、分析说明', '七、鉴定意见', '附件：专家咨询意见']);
    expect(b.tree.sections.map((s) => s.kind)).toEqual(['front', 'body']);
    expect(b.tree.sections[1]!.furniture).toEqual({ pageNumbers: 'ofTotal', headerText: '某医损鉴〔2026〕7号' });
    const text = treeText(b);
    expect(text).toContain('司法鉴定许可证号：320100001');
    expect(text).toContain('（四）对专家咨询意见的说明');
    expect(text).toContain('鉴定人认为引流液变化已提示胆漏。');
    expect(text).toContain('过错参与度（原因力）为30%（参考范围16%～44%）');
  });

  it('accident appraisal states grade, responsibility and care advice', () => {
    const b = build((c) => {
      c.report.kind = 'accident';
      c.institution.shortName = '某医鉴';
      c.report.documentNumber = '某医鉴〔2026〕15号';
      c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
      c.damage.careAdvice = '建议定期复查肝功能。';
    });
    const text = treeText(b);
    // 暂行办法 Art. 35 order: … 六、责任程度 → 七、医疗事故等级 → 八、医疗护理医学建议 → 九、鉴定结论.
    expect(headings(b).filter((h) => /^[一二三四五六七八九]、/.test(h)).slice(-4)).toEqual([
      '六、医疗过失行为在医疗事故损害后果中的责任程度', '七、医疗事故等级', '八、对医疗事故患者的医疗护理医学建议', '九、鉴定结论',
    ]);
    expect(text).toContain('本例属于三级戊等医疗事故，医方承担次要责任');
    expect(text).toContain('建议定期复查肝功能。');
  });
});

describe('autopsy caveat and draft marks', () => {
  it('death without autopsy puts the Art. 24 para 3 statement in the analysis and the opinion', () => {
    const b = build((c) => { c.damage.death = { date: '2025-10-30', autopsy: false }; });
    expect(b.model.causation[0]!.caveat).toContain('未行尸体解剖');
    expect(b.model.conclusions.join('')).toMatch(/未行尸体解剖.*临床考虑/);
    expect(treeText(b)).toContain('以下分析系依据临床资料作出的临床判定');
  });

  it('an analysis that itself states the missing autopsy is not preceded by the same statement', () => {
    const b = build((c) => {
      c.damage.death = { date: '2025-10-30', autopsy: false };
      c.causationAnalysis.items[0]!.analysis = ['患者死亡后未行尸体解剖，死亡原因不能经病理学检查明确。依据临床资料，临床考虑死亡与腹腔感染相关。', '医方延误诊断，为次要因素。'];
    });
    const text = treeText(b);
    expect(text.match(/未行尸体解剖/g)?.length).toBe(3); // the analysis, the damage part, the opinion
    expect(text).not.toContain('以下分析系依据临床资料作出的临床判定');
    expect(b.model.conclusions.join('')).toMatch(/未行尸体解剖.*临床考虑/);
  });

  it('a draft is marked and leaves the seal place empty; a final one is not marked and is sealed', () => {
    const draft = build();
    expect(draft.tree.watermark).toBe('征求意见稿');
    expect(treeText(draft)).toContain('（征求意见稿）');
    const sig = (b: ReturnType<typeof build>) => b.tree.sections[0]!.blocks.find((x) => x.kind === 'signature');
    expect(sig(draft)).toMatchObject({ sealed: false, date: '二〇二六年四月二十日' });
    const final = build((c) => { c.report.status = 'final'; });
    expect(final.tree.watermark).toBeUndefined();
    expect(treeText(final)).not.toContain('征求意见稿');
    expect(sig(final)).toMatchObject({ sealed: true });
  });
});

describe('what the panel and the case add to the composed opinion', () => {
  it('a minority opinion, extra conclusions and the grading basis are printed', () => {
    const b = build((c) => {
      c.panel.dissent = '一名专家认为胆漏系不可避免的并发症，医方不存在过错。';
      c.opinion = { additional: '建议医方加强术后引流液观察的培训。' };
      c.damage.consequences[0]!.basis = '依据《人体损伤致残程度分级》5.10.4.x，腹部损伤致……。';
    });
    const text = treeText(b);
    expect(text).toContain('专家组少数意见');
    expect(text).toContain('一名专家认为胆漏系不可避免的并发症');
    expect(b.model.conclusions.at(-1)).toBe('建议医方加强术后引流液观察的培训。');
    expect(b.model.conclusions.length).toBe(4);
    expect(text).toContain('依据《人体损伤致残程度分级》5.10.4.x');
  });

  it('judicial opinions speak of 被鉴定人, medical associations of 患者', () => {
    const judicial = build((c) => {
      c.report.kind = 'judicial';
      c.appraisers = [{ name: '李某', certificateNumber: '1' }, { name: '王某', certificateNumber: '2' }];
      c.panel.experts.forEach((e) => { e.consultation = { opinion: '同意。', agrees: true }; });
    });
    expect(judicial.model.conclusions[0]).toContain('在对被鉴定人张某某的诊疗过程中');
    expect(judicial.model.conclusions[1]).toContain('医方的上述过错与被鉴定人胆漏致腹腔感染');
    expect(build().model.conclusions[0]).toContain('在对患者张某某的诊疗过程中');
  });
});

describe('the close of the fault analysis (several institutions)', () => {
  const second = (summary?: string) => (c: CaseInput) => {
    c.basicInfo.medicalInstitutions.push({ id: 'H2', name: '某某市中心医院', level: '三级甲等' });
    c.basicInfo.treatment.push({ institution: 'H2', from: '2025-10-30', to: '2025-11-20', setting: '住院', summary: '转入后行经皮穿刺引流，感染控制后出院。' });
    c.faultAnalysis.items.push({ id: 'F2', institution: 'H2', conduct: '转入后的引流与抗感染治疗', isFault: false, analysis: '转入后及时行穿刺引流，抗感染治疗符合规范。' });
    if (summary) c.faultAnalysis.summary = summary;
  };
  const closings = (b: ReturnType<typeof build>) => b.tree.sections.flatMap((s) => s.blocks)
    .flatMap((x) => (x.kind === 'paragraph' ? [x.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []))
    .filter((t) => t.includes('某某市第一人民医院') && t.includes('某某市中心医院') && t.includes('过错') && !/[一二三四五六七八九]、|^\d+\. /u.test(t));
  it('is generated when the case writes no summary', () => {
    expect(closings(build(second()))).toEqual([expect.stringMatching(/^综上，某某市第一人民医院在对.*某某市中心医院在对.*未见明显过错。$/u)]);
  });
  it('is the case\'s summary alone when it answers every institution', () => {
    const summary = '某某市第一人民医院存在术后观察不到位的过错；某某市中心医院的诊疗行为未见过错。';
    expect(closings(build(second(summary)))).toEqual([summary]);
  });
  it('keeps the generated answer when the summary leaves an institution out', () => {
    const b = build(second('某某市第一人民医院存在术后观察不到位的过错。'));
    expect(b.model.faultVerdict).toMatch(/^综上，/u);
    expect(JSON.stringify(b.tree)).toContain('某某市第一人民医院存在术后观察不到位的过错。');
  });
});

describe('causation wording per report kind', () => {
  const kindEdit = (kind: string) => (c: CaseInput) => {
    c.report.kind = kind;
    if (kind === 'judicial') {
      c.appraisers = [{ name: '李某', certificateNumber: '1' }, { name: '王某', certificateNumber: '2' }];
      c.panel.experts.forEach((e) => { e.consultation = { opinion: '同意。', agrees: true }; });
    }
    if (kind === 'accident') {
      c.institution.shortName = '某医鉴';
      c.report.documentNumber = '某医鉴〔2026〕15号';
      c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
    }
  };
  it.each([
    ['association', '存在因果关系，原因力大小为次要因素（参与度30%）'],
    ['judicial', '存在因果关系，医疗过错起次要作用，过错参与度（原因力）为30%（参考范围16%～44%）'],
    // The 责任程度 is stated once, with the grade, not again in the causal finding.
    ['accident', '医方的上述医疗过失行为与患者胆漏致腹腔感染，再次手术之间存在因果关系。'],
  ])('%s', (kind, wording) => {
    expect(build(kindEdit(kind)).model.conclusions[1]).toContain(wording);
  });

  it('an undetermined link after death without autopsy claims no clinical judgement', () => {
    const b = build((c) => {
      c.damage.death = { date: '2025-10-30', autopsy: false };
      c.causationAnalysis.items[0]!.causation = '难以明确';
      delete c.causationAnalysis.items[0]!.participation;
      delete c.damage.consequences[0]!.disabilityGrade;
    });
    const text = treeText(b);
    expect(text).toContain('未行尸体解剖');
    expect(text).not.toContain('临床判定');
    expect(text).not.toContain('临床考虑');
    expect(b.model.conclusions[1]).toMatch(/^患者死亡后未行尸体解剖.*难以明确。$/);
  });
});
