/**
 * The case file. Its six sections mirror the six parts of an opinion under Article 24 of the
 * Jiangsu measures (江苏省医疗损害鉴定管理办法), in order; `report`, `institution`, `panel`,
 * `appraisers` and `citations` carry what the document needs around them.
 */
import { z } from 'zod';
import { CAUSATION_ALIASES, CAUSATION_CODES, RESPONSIBILITY_DEGREES, type CausationOutcome, type ResponsibilityDegree } from '../domain/causation.js';
import { ACCIDENT_GRADES, INJURY_DEGREES } from '../domain/grades.js';
import {
  APPRAISAL_TYPES, APPRAISAL_TYPE_ALIASES, COMMISSION_SETTINGS, COMMISSION_SETTING_ALIASES, COMMISSIONING_PARTIES,
  COMMISSIONING_PARTY_ALIASES, REPORT_KINDS, REPORT_KIND_ALIASES,
} from '../domain/reportKinds.js';
import { aliasedEnum, birthDate, isoDate, nonEmpty, paragraphs } from './primitives.js';

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
const byName = <T extends { code: string; name: string }>(list: readonly T[]) =>
  Object.fromEntries(list.map((x) => [x.name, x.code])) as Record<string, T['code']>;

const reportKind = aliasedEnum(keys(REPORT_KINDS), REPORT_KIND_ALIASES, '文书种类');
const appraisalType = aliasedEnum(keys(APPRAISAL_TYPES), APPRAISAL_TYPE_ALIASES, '鉴定类型');
const causation = aliasedEnum<CausationOutcome>([...CAUSATION_CODES, 'undetermined'], CAUSATION_ALIASES, '因果关系及原因力');
const sex = aliasedEnum(['male', 'female'], { 男: 'male', 女: 'female' }, '性别');
const accidentGrade = aliasedEnum(ACCIDENT_GRADES.map((g) => g.code), byName(ACCIDENT_GRADES), '医疗事故等级');
const injuryDegree = aliasedEnum(INJURY_DEGREES.map((d) => d.code), byName(INJURY_DEGREES), '人体损伤程度');
const responsibility = aliasedEnum(keys(RESPONSIBILITY_DEGREES), Object.fromEntries(Object.entries(RESPONSIBILITY_DEGREES).map(([code, name]) => [name, code])) as Record<string, ResponsibilityDegree>, '医方责任程度（医疗事故）');

const participation = z
  .union([z.number(), z.string(), z.strictObject({ min: z.number().optional(), max: z.number() })])
  .meta({ description: '过错参与度：30、"30%"、"10%~20%"、"不超过40%" 或 {min, max}；不填则取该类型的建议值' });

const report = z.strictObject({
  kind: reportKind,
  appraisalType: appraisalType.default('initial'),
  documentNumber: nonEmpty.meta({ description: '文书编号，例如 苏某司鉴〔2026〕临鉴字第12号' }),
  title: z.string().optional().meta({ description: '委托鉴定事项的标题，缺省时按文书种类生成' }),
  date: isoDate.meta({ description: '出具日期' }),
  status: aliasedEnum(['draft', 'final'], { 征求意见稿: 'draft', 草稿: 'draft', 正式: 'final', 定稿: 'final' }, '草稿或正式文书').default('draft'),
});

const institution = z.strictObject({
  name: nonEmpty,
  shortName: z.string().optional().meta({ description: '简称，用于文书编号' }),
  licenceNumber: z.string().optional().meta({ description: '司法鉴定许可证号' }),
  address: z.string().optional(),
  postcode: z.string().optional(),
  phone: z.string().optional(),
});

const expert = z.strictObject({
  name: nonEmpty,
  title: z.string().optional().meta({ description: '职称，例如 主任医师' }),
  specialty: nonEmpty.meta({ description: '专业（《办法》第三十三条所列专业类别）' }),
  affiliation: z.string().optional().meta({ description: '工作单位' }),
  role: aliasedEnum(['leader', 'member'], { 鉴定组长: 'leader', 组长: 'leader', 专家: 'member', 成员: 'member' }, '专家组角色').default('member'),
  involvedInCase: z.boolean().default(false).meta({ description: '是否参与过本案的咨询、治疗、会诊、听证、鉴定或质证（第十八条）' }),
  consultation: z
    .strictObject({
      opinion: paragraphs.meta({ description: '专家咨询意见' }),
      agrees: z.boolean().default(true).meta({ description: '鉴定人是否采纳' }),
      appraiserResponse: paragraphs.optional().meta({ description: '鉴定人与专家意见不一致时的针对性分析（第二十三条）' }),
    })
    .optional()
    .meta({ description: '司法鉴定：参加听证会专家签名的咨询意见（第二十三条）' }),
});

const panel = z.strictObject({
  mainSpecialty: nonEmpty.meta({ description: '主要学科专业' }),
  experts: z.array(expert),
  dissent: paragraphs.optional().meta({ description: '专家组的少数意见（医学会、医疗事故鉴定如实记载）' }),
});

const appraiser = z.strictObject({
  name: nonEmpty,
  certificateNumber: nonEmpty.meta({ description: '《司法鉴定人执业证》证号' }),
  title: z.string().optional(),
});

const person = z.strictObject({ name: nonEmpty, role: z.string().optional().meta({ description: '身份，例如 患者之子、医务科科长' }) });

const commission = z.strictObject({
  client: nonEmpty.meta({ description: '委托人' }),
  setting: aliasedEnum(keys(COMMISSION_SETTINGS), COMMISSION_SETTING_ALIASES, '委托情形'),
  commissionedBy: aliasedEnum(keys(COMMISSIONING_PARTIES), COMMISSIONING_PARTY_ALIASES, '委托方'),
  matters: paragraphs.meta({ description: '委托鉴定事项' }),
  receivedDate: isoDate.meta({ description: '收到委托日期' }),
  acceptedDate: isoDate.meta({ description: '受理日期' }),
  originalOpinion: z
    .strictObject({ institution: nonEmpty, documentNumber: nonEmpty, date: isoDate, conclusion: paragraphs.optional() })
    .optional()
    .meta({ description: '重新鉴定、再次鉴定时的原鉴定意见（第十条、第十三条）' }),
});

const patient = z.strictObject({
  name: nonEmpty,
  sex,
  age: z.number().int().min(0).max(130).optional(),
  birthDate: birthDate.optional(),
  idNumber: z.string().optional(),
  address: z.string().optional(),
});

const medicalInstitution = z.strictObject({
  id: nonEmpty.meta({ description: '在本文件中引用的代号，例如 H1' }),
  name: nonEmpty,
  level: z.string().optional().meta({ description: '等级，例如 三级甲等' }),
});

const treatment = z.strictObject({
  institution: nonEmpty.meta({ description: '医疗机构代号（medicalInstitutions 中的 id）' }),
  from: isoDate,
  to: isoDate.optional(),
  setting: z.string().optional().meta({ description: '门诊、住院、急诊等' }),
  department: z.string().optional(),
  summary: paragraphs,
});

/** （一）委托鉴定事项的基本情况、诊疗概要 */
const basicInfo = z.strictObject({
  commission,
  patient,
  medicalInstitutions: z.array(medicalInstitution).min(1),
  summary: paragraphs.meta({ description: '检案摘要 / 基本案情' }),
  treatment: z.array(treatment).min(1).meta({ description: '诊疗概要：按医疗机构、按日期' }),
});

/** （二）医患双方各自陈述的主要观点、理由 — patient side first (Art. 21(3)). */
const statements = z.strictObject({ patientSide: paragraphs, medicalSide: paragraphs });

const material = z.strictObject({
  name: nonEmpty,
  source: z.string().optional().meta({ description: '提供方' }),
  quantity: z.string().optional().meta({ description: '数量，例如 1份、32页' }),
  confirmed: z.boolean().default(true).meta({ description: '是否经医患双方确认或法院质证（第十三条）' }),
});

/** （三）鉴定过程的说明 */
const processSection = z.strictObject({
  materials: z.array(material).min(1),
  hearing: z.strictObject({
    noticeDate: isoDate.meta({ description: '书面通知听证会的日期（第十九条）' }),
    date: isoDate,
    place: nonEmpty,
    patientSide: z.array(person).default([]),
    medicalSide: z.array(person).default([]),
    others: z.array(person).default([]).meta({ description: '列席的法官、调解员等' }),
  }),
  examination: z
    .strictObject({ date: isoDate, findings: paragraphs, present: z.array(z.string()).default([]) })
    .optional()
    .meta({ description: '对患者的现场体检' }),
  extension: z
    .strictObject({ workingDays: z.number().int().min(1), notifiedDate: isoDate, reason: nonEmpty })
    .optional()
    .meta({ description: '延长鉴定时限（第二十六条）' }),
  excludedWorkingDays: z.number().int().min(0).default(0).meta({ description: '补充材料所用、不计入时限的工作日（第二十六条第二款）' }),
  agreedDeadline: isoDate.optional().meta({ description: '与委托人另行约定的完成期限（第二十六条：另有约定的，从其约定）' }),
  notes: paragraphs.optional().meta({ description: '其他过程说明' }),
});

/** （四）医疗过错分析 */
const fault = z.strictObject({
  id: nonEmpty.meta({ description: '代号，例如 F1' }),
  institution: z.string().optional().meta({ description: '医疗机构代号' }),
  conduct: nonEmpty.meta({ description: '诊疗行为（分析的对象），例如：第二产程的监护与处理' }),
  finding: z.string().optional().meta({ description: '过错的简要表述，写入鉴定意见，例如：第二产程延长未及时评估、处理' }),
  norm: z.string().optional().meta({ description: '据以判断的规范' }),
  isFault: z.boolean(),
  analysis: paragraphs,
});
const faultAnalysis = z.strictObject({ items: z.array(fault).min(1), summary: paragraphs.optional() });

/** （五）因果关系分析 */
const causationItem = z.strictObject({
  consequence: nonEmpty.meta({ description: '损害后果代号（damage.consequences 中的 id）' }),
  faults: z.array(z.string()).default([]).meta({ description: '相关过错代号' }),
  causation,
  participation: participation.optional(),
  analysis: paragraphs,
});
const causationAnalysis = z.strictObject({ items: z.array(causationItem).min(1) });

/** （六）医疗损害后果及伤残等级 */
const consequence = z.strictObject({
  id: nonEmpty,
  description: nonEmpty,
  disabilityGrade: z.number().int().min(1).max(10).optional().meta({ description: '伤残等级 1–10（《人体损伤致残程度分级》）' }),
  basis: paragraphs.optional().meta({ description: '评定依据与理由，例如：依据《人体损伤致残程度分级》5.8.6.4' }),
  injuryDegree: injuryDegree.optional(),
});
const damage = z.strictObject({
  death: z
    .strictObject({ date: isoDate, autopsy: z.boolean(), causeOfDeath: z.string().optional() })
    .optional()
    .meta({ description: '患者死亡：日期、是否尸体解剖、死因' }),
  consequences: z.array(consequence).min(1),
  accident: z
    .strictObject({ isAccident: z.boolean(), grade: accidentGrade.optional(), responsibility: responsibility.optional() })
    .optional()
    .meta({ description: '医疗事故技术鉴定：是否属于医疗事故、等级、责任程度' }),
  careAdvice: paragraphs.optional().meta({ description: '对患者医疗护理的建议' }),
});

const opinion = z.strictObject({
  conclusions: paragraphs.optional().meta({ description: '覆盖自动生成的鉴定意见；每段一条' }),
  additional: paragraphs.optional().meta({ description: '附加在自动生成的鉴定意见之后的条目；每段一条' }),
});

export const caseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    report,
    institution,
    panel,
    appraisers: z.array(appraiser).default([]).meta({ description: '司法鉴定人（司法鉴定意见书）' }),
    reviewer: appraiser.optional().meta({ description: '复核人' }),
    citations: z.array(z.string()).default([]).meta({ description: '引用的法律、法规、规范名称' }),
    basicInfo: basicInfo.meta({ title: '（一）委托鉴定事项的基本情况、诊疗概要' }),
    statements: statements.meta({ title: '（二）医患双方各自陈述的主要观点、理由' }),
    process: processSection.meta({ title: '（三）鉴定过程的说明' }),
    faultAnalysis: faultAnalysis.meta({ title: '（四）医疗过错分析' }),
    causationAnalysis: causationAnalysis.meta({ title: '（五）因果关系分析' }),
    damage: damage.meta({ title: '（六）医疗损害后果及伤残等级' }),
    opinion: opinion.default({}),
  })
  .meta({ title: 'jianding 案件文件', description: '医疗损害鉴定案件：六个部分对应《江苏省医疗损害鉴定管理办法》第二十四条' });

export type CaseInput = z.input<typeof caseSchema>;
export type Case = z.output<typeof caseSchema>;
export type CausationItem = Case['causationAnalysis']['items'][number];
