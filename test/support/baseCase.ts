/**
 * A small valid case (association opinion, minor causation) that unit tests copy and change
 * one field at a time, so each test shows exactly which fact trips a rule.
 */
import type { CaseInput } from '../../src/schema/case.js';

export function baseCase(): CaseInput {
  return {
    report: { kind: 'association', appraisalType: 'initial', documentNumber: '某医损鉴〔2026〕7号', date: '2026-04-20', status: 'draft' },
    institution: { name: '某某市医学会', shortName: '某医损鉴', address: '某某市某某路1号', postcode: '210000', phone: '025-00000000' },
    panel: {
      mainSpecialty: '普外科',
      experts: [
        { name: '赵某某', title: '主任医师', specialty: '普外科', affiliation: '某某大学附属医院', role: 'leader' },
        { name: '钱某某', title: '主任医师', specialty: '普外科', affiliation: '某某市中医院' },
        { name: '孙某某', title: '副主任法医师', specialty: '法医学', affiliation: '某某大学法医学系' },
      ],
    },
    citations: ['《中华人民共和国民法典》', '《病历书写基本规范》'],
    basicInfo: {
      commission: {
        client: '某某市某某区人民法院', setting: 'litigation', commissionedBy: 'court',
        matters: '某某市第一人民医院对患者张某某的诊疗行为有无过错；过错与损害后果之间有无因果关系及原因力大小；伤残等级。',
        receivedDate: '2026-03-02', acceptedDate: '2026-03-06',
      },
      patient: { name: '张某某', sex: '男', age: 52 },
      // The son speaks for the patient; recorded as a relative so that tests recording a death need no more.
      representatives: [{ name: '张某', capacity: 'relative', relationship: '患者之子' }],
      medicalInstitutions: [{ id: 'H1', name: '某某市第一人民医院', level: '三级甲等' }],
      summary: '患者张某某因腹痛行腹腔镜胆囊切除术，术后出现胆漏。',
      treatment: [{ institution: 'H1', from: '2025-10-08', to: '2025-10-30', setting: '住院', department: '普外科', summary: ['入院诊断：胆囊结石伴慢性胆囊炎。', '10月9日行腹腔镜胆囊切除术，术后第3天出现胆漏。'] }],
    },
    statements: { patientSide: '医方术中损伤胆管，术后观察不及时。', medicalSide: '手术符合规范，胆漏系并发症，已及时处理。' },
    process: {
      materials: [{ name: '某某市第一人民医院住院病历', source: '委托人', quantity: '1份' }],
      hearing: { noticeDate: '2026-03-20', date: '2026-03-31', place: '某某市医学会第一会议室', patientSide: [{ name: '张某', role: '患者之子' }], medicalSide: [{ name: '周某', role: '医务科科长' }] },
      examination: { date: '2026-03-31', findings: '右上腹可见长约3cm陈旧性手术瘢痕。' },
    },
    faultAnalysis: { items: [{ id: 'F1', institution: 'H1', conduct: '术后引流液性状改变未及时处理', norm: '《临床诊疗指南·普通外科分册》', isFault: true, analysis: '术后第2天引流液呈黄绿色，医方未及时行影像学检查。' }] },
    causationAnalysis: { items: [{ consequence: 'C1', faults: ['F1'], causation: 'minor', participation: 30, analysis: '患者胆漏主要系手术并发症，医方延误处理起次要作用。' }] },
    damage: { consequences: [{ id: 'C1', description: '胆漏致腹腔感染，再次手术', disabilityGrade: 10, basis: '依据《人体损伤致残程度分级》5.10（十级伤残）的规定。' }] },
  };
}
