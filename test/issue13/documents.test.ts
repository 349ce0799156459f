/**
 * Issue 13: the documents an institution signs as they are. Each test names the point it covers
 * and would fail on the text the documents printed before.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/document/tree.js';
import type { CaseInput } from '../../src/schema/case.js';
import { codes } from '../support/check.js';
import { build as buildWith } from '../templates/support.js';

const build = (edit: (c: CaseInput) => void = () => {}) => buildWith(undefined, edit);

/** Every paragraph's text, in order. */
function paragraphs(tree: DocumentTree): string[] {
  return tree.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []));
}
const text = (edit?: (c: CaseInput) => void) => paragraphs(build(edit).tree).join('\n');
const headings = (edit?: (c: CaseInput) => void) => build(edit).tree.sections.flatMap((s) => s.blocks)
  .flatMap((b) => (b.kind === 'paragraph' && b.style.startsWith('heading') ? [b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []));

const judicial = (c: CaseInput) => {
  c.report.kind = 'judicial';
  c.institution.name = '江苏某某司法鉴定所';
  c.institution.licenceNumber = '320100001';
  c.appraisers = [{ name: '李某', certificateNumber: '320100000001' }, { name: '王某', certificateNumber: '320100000002' }];
  c.panel.experts.forEach((e) => { e.consultation = { opinion: '同意鉴定人意见。', agrees: true }; delete e.role; });
};
const accident = (c: CaseInput) => {
  c.report.kind = 'accident';
  c.institution.shortName = '某医鉴';
  c.report.documentNumber = '某医鉴〔2026〕7号';
  c.basicInfo.commission = { ...c.basicInfo.commission, setting: 'negotiation', commissionedBy: 'both', client: '张某某、某某市第一人民医院' };
  c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
  c.damage.careAdvice = ['1. 定期复查肝功能。', '2. 如有腹痛及时就诊。'];
};

describe('judicial title (司法鉴定文书规范 Art. 7)', () => {
  it('names the institution and the document type, the matter beneath, in lines that do not break words', () => {
    const tree = build((c) => { judicial(c); c.report.title = '关于陈某某医疗损害责任纠纷一案的医疗过错、因果关系、原因力及伤残等级鉴定'; }).tree;
    const body = tree.sections.find((s) => s.kind === 'body')!.blocks;
    const lines = body.slice(0, 4).map((b) => (b.kind === 'paragraph' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : ''));
    expect(lines).toEqual(['江苏某某司法鉴定所', '司法鉴定意见书', '关于陈某某医疗损害责任纠纷一案的', '医疗过错、因果关系、原因力及伤残等级鉴定']);
  });
});

describe('accident appraisal (条例 Art. 31, 暂行办法 Art. 35)', () => {
  it('follows the listed contents in order', () => {
    const parts = headings(accident).filter((h) => /^[一二三四五六七八九]、/.test(h));
    expect(parts).toEqual([
      '一、双方当事人的基本情况及要求', '二、当事人提交的材料和本会的调查材料', '三、对鉴定过程的说明',
      '四、医疗行为是否违反医疗卫生管理法律、行政法规、部门规章和诊疗护理规范、常规',
      '五、医疗过失行为与人身损害后果之间是否存在因果关系', '六、医疗过失行为在医疗事故损害后果中的责任程度',
      '七、医疗事故等级', '八、对医疗事故患者的医疗护理医学建议', '九、鉴定结论',
    ]);
  });
  it('speaks of 医疗过失行为 only, and states the responsibility once in the conclusions', () => {
    const b = build(accident);
    const all = paragraphs(b.tree).join('\n');
    expect(all).not.toMatch(/医疗过错|的过错/);
    expect(b.model.conclusions.filter((x) => x.includes('次要责任'))).toHaveLength(1);
  });
  it('a second appraisal names the original 鉴定结论', () => {
    expect(text((c) => {
      accident(c); c.report.appraisalType = 'second';
      c.basicInfo.commission.originalOpinion = { institution: '某某县医学会', documentNumber: '某县医鉴〔2025〕3号', date: '2025-12-01' };
    })).toContain('原鉴定结论：');
  });
  it('the care advice is a nested list, not numbers run into one paragraph', () => {
    const all = paragraphs(build(accident).tree);
    const at = all.findIndex((p) => /^\d+\. 对患者的医疗护理医学建议：$/.test(p));
    expect(at).toBeGreaterThan(0);
    expect(all.slice(at + 1, at + 3)).toEqual(['（1）定期复查肝功能。', '（2）如有腹痛及时就诊。']);
  });
});

describe('institution self-reference', () => {
  it('a medical association writes 本会; a judicial institution 本所, or what the case configures', () => {
    expect(text()).toContain('本会于2026年3月20日');
    expect(text()).not.toContain('本机构');
    expect(text(judicial)).toContain('本所于2026年3月20日');
    expect(text((c) => { judicial(c); c.institution.selfReference = '本中心'; })).toContain('本中心于2026年3月20日');
  });
});

describe('no fact the case did not give', () => {
  it('prints how the panel was formed only when recorded', () => {
    expect(text()).not.toContain('随机抽取');
    expect(text((c) => { c.panel.formation = 'random'; })).toContain('经医患双方在本会主持下从专家库中随机抽取');
  });
  it('the materials confirmation follows the commission', () => {
    expect(text()).toContain('以下材料均经人民法院组织质证。');
    const mediated = text((c) => Object.assign(c.basicInfo.commission, { setting: 'mediation', commissionedBy: 'both' }));
    expect(mediated).toContain('以下材料均经医患双方确认。');
    expect(mediated).not.toContain('人民法院质证');
  });
});

describe('every field the case gives is printed', () => {
  it('a clinical cause of death without autopsy is stated as a clinical determination (Art. 24 para 3)', () => {
    const t = text((c) => {
      c.damage.death = { date: '2025-10-30', autopsy: false, causeOfDeath: '临床考虑急性肺栓塞。' };
      c.causationAnalysis.items[0]!.analysis = '依据临床资料，临床考虑医方延误处理起次要作用。';
    });
    expect(t).toContain('未行尸体解剖，死亡原因不能明确；依据临床资料，临床考虑急性肺栓塞。');
    expect(t).not.toContain('临床考虑临床考虑');
  });
  it('the patient\'s address, the department and the time not counted are printed', () => {
    const t = text((c) => { c.basicInfo.patient.address = '某某市某某路2号'; c.process.excludedWorkingDays = 5; });
    expect(t).toContain('住某某市某某路2号');
    expect(t).toContain('某某市第一人民医院普外科住院诊疗经过');
    expect(t).toContain('补充鉴定材料所用5个工作日不计入鉴定时限');
  });
  it('a birth year alone prints as 「1950年出生」', () => {
    expect(text((c) => { delete c.basicInfo.patient.age; c.basicInfo.patient.birthYear = 1950; })).toContain('张某某，男，1950年出生');
  });
});

describe('headings fit what was assessed', () => {
  it('a death without grades is 「医疗损害后果」, an injury degree 「…及损伤程度」', () => {
    const death = headings((c) => {
      c.damage.death = { date: '2025-10-30', autopsy: true };
      delete c.damage.consequences[0]!.disabilityGrade;
    });
    expect(death).toContain('六、医疗损害后果');
    expect(death.join()).not.toContain('伤残等级');
    const injury = headings((c) => {
      judicial(c);
      Object.assign(c.damage.consequences[0]!, { disabilityGrade: undefined, injuryDegree: '轻伤一级' });
      Object.assign(c.causationAnalysis.items[0]!, { causation: 'major', participation: undefined });
    });
    expect(injury).toContain('（三）医疗损害后果及损伤程度');
  });
});

describe('numbering is one hierarchy', () => {
  it('under a part heading the items are （一）, not 1.', () => {
    const h = headings();
    expect(h).toContain('（一）某某市第一人民医院：术后引流液性状改变未及时处理——存在过错');
    expect(h.some((x) => /^1\. 某某市第一人民医院：术后/.test(x))).toBe(false);
  });
  it('the consultation annex numbers experts （一）, so an opinion\'s own 1. does not restart a 1. list', () => {
    const h = headings(judicial);
    expect(h).toContain('（一）赵某某（普外科，主任医师，某某大学附属医院）');
  });
  it('ranges use one mark, 「～」 (GB/T 15834)', () => {
    const t = text((c) => { judicial(c); c.causationAnalysis.items[0]!.participation = '20%~30%'; });
    expect(t).toContain('20%～30%（参考范围16%～44%）');
    expect(t).not.toMatch(/\d%[~–]\d/);
  });
});

describe('appraisal methods and the commitment (民事证据规定 Art. 33, 36)', () => {
  it('鉴定过程 states methods and standards; the analysis no longer carries them', () => {
    const h = headings(judicial);
    expect(h.indexOf('（一）鉴定方法与标准')).toBeLessThan(h.indexOf('六、分析说明'));
    expect(text(judicial)).toContain('本次鉴定依据：《中华人民共和国民法典》、《病历书写基本规范》');
  });
  it('the 承诺书 is attached when the court requires it', () => {
    expect(headings(judicial)).not.toContain('附件二：鉴定人承诺书');
    const t = text((c) => { judicial(c); c.basicInfo.commission.commitmentRequired = true; });
    expect(t).toContain('附件二：鉴定人承诺书');
    expect(t).toContain('鉴定人：李某');
  });
  it('a consultation adopted in part is explained, opinion paragraphs kept apart', () => {
    const t = text((c) => {
      judicial(c);
      c.panel.experts[2]!.consultation = { opinion: ['1. 损伤诊断明确。', '2. 宜认定为主要作用。'], agrees: 'partly', appraiserResponse: '鉴定人采纳第1点，未采纳第2点。' };
    });
    expect(t).toContain('专家孙某某的咨询意见鉴定人部分采纳。其意见为：\n1. 损伤诊断明确。\n2. 宜认定为主要作用。\n鉴定人采纳第1点');
    expect(codes((c) => { judicial(c); c.panel.experts[2]!.consultation = { opinion: '部分同意。', agrees: 'partly' }; })).toContain('JUDICIAL_DISSENT_UNEXPLAINED');
  });
});

describe('participation (SF/T 0095 §8.1 e, §8.2 a, §8.3)', () => {
  it('none is printed when the case gives none; `suggested` asks for the suggested value', () => {
    const none = text((c) => { judicial(c); delete c.causationAnalysis.items[0]!.participation; });
    expect(none).toContain('存在因果关系，医疗过错起次要作用。');
    expect(none).not.toContain('参与度（原因力）');
    expect(text((c) => { judicial(c); c.causationAnalysis.items[0]!.participation = 'suggested'; })).toContain('过错参与度（原因力）建议为30%');
  });
  it('an injury degree not assessed answers the matter and prints no participation', () => {
    const edit = (c: CaseInput) => {
      judicial(c);
      Object.assign(c.damage.consequences[0]!, { disabilityGrade: undefined, injuryDegree: 'notAssessed', basis: undefined });
      Object.assign(c.causationAnalysis.items[0]!, { causation: 'slight', participation: undefined });
    };
    expect(codes(edit)).toEqual([]);
    const t = text(edit);
    expect(t).toContain('医疗过错起轻微作用，依据SF/T 0095—2021《人身损害与疾病因果关系判定指南》第8.1条，只说明因果关系，不宜评定损伤程度');
    expect(t).not.toMatch(/参与度|\d+%/);
    expect(codes((c) => { edit(c); c.causationAnalysis.items[0]!.causation = 'major'; })).toContain('SFT_INJURY_DEGREE_NOT_ASSESSED');
  });
});

describe('administrative referral (条例 Art. 20)', () => {
  const referral = (c: CaseInput) => { accident(c); Object.assign(c.basicInfo.commission, { setting: 'referral', commissionedBy: 'authority', client: '某某市卫生健康委员会' }); };
  it('is a case of its own: no joint commission, no false sentence', () => {
    expect(codes(referral)).toEqual([]);
    const t = text(referral);
    expect(t).toContain('移交单位：某某市卫生健康委员会');
    expect(t).toContain('收到某某市卫生健康委员会移交的医疗事故争议及鉴定材料');
    expect(t).not.toMatch(/共同委托|委托方式|书面通知委托人/);
  });
  it('only the health authority refers, and only accident appraisals', () => {
    expect(codes((c) => { referral(c); c.basicInfo.commission.commissionedBy = 'both'; })).toContain('COMMISSION_REFERRAL');
    expect(codes((c) => { referral(c); c.report.kind = 'association'; c.report.documentNumber = '某医损鉴〔2026〕7号'; })).toContain('COMMISSION_REFERRAL');
  });
});

describe('late report (Art. 26)', () => {
  const late = (c: CaseInput) => { c.report.date = '2026-06-30'; };
  it('is a warning that requires a recorded explanation, printed in the process part', () => {
    expect(codes(late)).toEqual(['DATE_REPORT_DEADLINE', 'DATE_REPORT_DELAY_UNEXPLAINED']);
    const explained = (c: CaseInput) => { late(c); c.process.delayReason = '专家因病不能参加合议，重新抽取专家。'; };
    expect(codes(explained)).toEqual(['DATE_REPORT_DEADLINE']);
    expect(text(explained)).toContain('逾期的原因如下：\n专家因病不能参加合议，重新抽取专家。');
  });
  it('one date pair out of order hides no independent check', () => {
    const c = codes((x) => {
      x.basicInfo.treatment[0]!.from = '2026-03-05'; // after the receipt: DATE_ORDER
      x.process.hearing.noticeDate = '2026-03-28'; // 3 days' notice: Art. 19
      x.report.date = '2026-06-30'; // Art. 26
    });
    expect(c).toEqual(expect.arrayContaining(['DATE_ORDER', 'DATE_HEARING_NOTICE', 'DATE_REPORT_DEADLINE']));
  });
});

describe('grade basis', () => {
  it('a graded consequence without its basis gets a warning', () => {
    expect(codes((c) => { delete c.damage.consequences[0]!.basis; })).toEqual(['GRADE_BASIS_MISSING']);
  });
});

describe('what a reader would strike', () => {
  it('a matter that says 重新鉴定 is not followed by 「（重新鉴定）」; the cover, which has no matter, says it once', () => {
    const tree = build((c) => {
      judicial(c); c.report.appraisalType = 'reappraisal'; c.report.title = '关于张某某医疗损害的医疗过错重新鉴定';
      c.basicInfo.commission.originalOpinion = { institution: '某某司法鉴定中心', documentNumber: '某司鉴〔2025〕3号', date: '2025-12-01' };
    }).tree;
    const part = (kind: string) => paragraphs({ ...tree, sections: tree.sections.filter((x) => x.kind === kind) });
    expect(part('body')).not.toContain('（重新鉴定）');
    expect(part('front').filter((p) => p === '（重新鉴定）')).toHaveLength(1);
  });
  it('an ungraded 「死亡」 is not stated again below the death, and without a fault the conduct is analysed', () => {
    const t = text((c) => {
      c.damage.death = { date: '2025-10-30', autopsy: true, causeOfDeath: '胆汁性腹膜炎' };
      c.damage.consequences[0] = { id: 'C1', description: '死亡' };
      c.faultAnalysis.items[0]!.isFault = false;
      Object.assign(c.causationAnalysis.items[0]!, { causation: 'none', participation: undefined });
    });
    expect(t).not.toContain('的损害后果：死亡');
    // One consequence: no numbered sub-heading (a single item is not numbered); the finding names the conduct.
    expect(t).not.toContain('（一）医方诊疗行为与死亡之间的因果关系');
    expect(t).toContain('综上，医方的诊疗行为与患者死亡之间');
    expect(t).not.toContain('医方的过错与');
  });
  it('several faults are listed once, not 「…的过错，…的过错」', () => {
    const b = build((c) => {
      c.faultAnalysis.items.push({ id: 'F2', institution: 'H1', conduct: '术前告知', finding: '未告知胆管损伤风险', isFault: true, analysis: '知情同意书未列胆管损伤。' });
      c.faultAnalysis.items[0]!.finding = '术后引流液性状改变未及时处理';
    });
    expect(b.model.conclusions[0]).toBe('某某市第一人民医院在对患者张某某的诊疗过程中存在以下过错：术后引流液性状改变未及时处理；未告知胆管损伤风险。');
  });
  it('both sides absent is said once', () => {
    const t = text((c) => { c.process.hearing.patientSide = []; c.process.hearing.medicalSide = []; });
    expect(t.match(/未到会/g)).toHaveLength(1);
  });
});

describe('no level skipped in the judicial opinion', () => {
  it('the 资料摘要 directly under 三、 numbers its institutions （一）（二）, and a single one not at all', () => {
    const one = headings(judicial);
    expect(one[one.indexOf('三、资料摘要（诊疗概要）') + 1]).toBe('某某市第一人民医院普外科住院诊疗经过（2025年10月8日至2025年10月30日）');
    const two = headings((c) => {
      judicial(c);
      c.basicInfo.medicalInstitutions.push({ id: 'H2', name: '某某市中心医院', level: '三级甲等', commissioned: false });
      c.basicInfo.treatment.push({ institution: 'H2', from: '2025-10-30', to: '2025-11-20', setting: '住院', summary: '转入后行经皮穿刺引流，感染控制后出院。' });
    });
    const at = two.indexOf('三、资料摘要（诊疗概要）');
    expect(two.slice(at + 1, at + 3).map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）']);
  });
});

describe('an accident appraisal that finds no accident (暂行办法 Art. 35)', () => {
  it('gives its reasons, or is warned', () => {
    const noAccident = (c: CaseInput) => { accident(c); c.damage.accident = { isAccident: false }; };
    expect(codes(noAccident)).toContain('ACCIDENT_REASON_MISSING');
    const t = text((c) => { noAccident(c); c.damage.accident!.reason = '医方的过失行为未造成分级标准所列的人身损害。'; });
    expect(t).toContain('本例不属于医疗事故。医方的过失行为未造成分级标准所列的人身损害。');
    expect(t).toContain('八、对患者的医疗护理医学建议');
  });
});

describe('association titles', () => {
  it('a name too long for one line breaks between the institution and the document type', () => {
    const b = build((c) => { c.institution.name = '江苏省某某市某某区医学会'; });
    expect(b.model.titleLines).toEqual(['江苏省某某市某某区医学会', '医疗损害鉴定意见书']);
    expect(build().model.titleLines).toEqual(['某某市医学会医疗损害鉴定意见书']);
  });
});
