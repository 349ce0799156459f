/**
 * The case file. Its six sections mirror the six parts of an opinion under Article 24 of the
 * Jiangsu measures (江苏省医疗损害鉴定管理办法), in order; `report`, `institution`, `panel`,
 * `appraisers` and `citations` carry what the document needs around them.
 */
import { z } from 'zod';
import { CAUSATION_ALIASES, CAUSATION_CODES, RESPONSIBILITY_DEGREES, type CausationOutcome, type ResponsibilityDegree } from '../domain/causation.js';
import { ACCIDENT_GRADES, INJURY_DEGREES, NOT_ASSESSED } from '../domain/grades.js';
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
const causation = aliasedEnum<CausationOutcome>([...CAUSATION_CODES, 'undetermined'], CAUSATION_ALIASES, '因果关系及原因力', '原因力');
const sex = aliasedEnum(['male', 'female'], { 男: 'male', 女: 'female' }, '性别');
const accidentGrade = aliasedEnum(ACCIDENT_GRADES.map((g) => g.code), byName(ACCIDENT_GRADES), '医疗事故等级');
// 不宜评定: commissioned but not assessed, the link being minor or slight (SF/T 0095 §8.1 c, d).
const injuryDegree = aliasedEnum([...INJURY_DEGREES.map((d) => d.code), NOT_ASSESSED], { ...byName(INJURY_DEGREES), 不宜评定: NOT_ASSESSED, 不宜评定损伤程度: NOT_ASSESSED }, '人体损伤程度（委托评定而因果关系为次要、轻微作用时写 notAssessed「不宜评定」）', '损伤程度');
const responsibility = aliasedEnum(keys(RESPONSIBILITY_DEGREES), Object.fromEntries(Object.entries(RESPONSIBILITY_DEGREES).map(([code, name]) => [name, code])) as Record<string, ResponsibilityDegree>, '医方责任程度（医疗事故）', '责任程度');

const participation = z
  .union([z.number(), z.string(), z.strictObject({ min: z.number().optional().meta({ title: '参与度下限' }), max: z.number().meta({ title: '参与度上限' }) })])
  .meta({ title: '参与度', description: '过错参与度：30、"30%"、"10%～20%"、"不超过40%" 或 {min, max}；写 suggested（建议值）取该类型的建议值；不填则不写参与度（SF/T 0095 §8.2、§8.3「必要时」）' });

const report = z.strictObject({
  kind: reportKind,
  appraisalType: appraisalType.default('initial'),
  documentNumber: nonEmpty.meta({ title: '文书编号', description: '文书编号，例如 苏某司鉴〔2026〕临鉴字第12号' }),
  title: z.string().optional().meta({ title: '鉴定事项标题', description: '委托鉴定事项的标题，缺省时按文书种类生成' }),
  date: isoDate.meta({ title: '出具日期', description: '出具日期' }),
  status: aliasedEnum(['draft', 'final'], { 征求意见稿: 'draft', 草稿: 'draft', 正式: 'final', 定稿: 'final' }, '草稿或正式文书', '文书状态').default('draft'),
});

const institution = z.strictObject({
  name: nonEmpty.meta({ title: '鉴定机构名称' }),
  shortName: z.string().optional().meta({ title: '机构简称', description: '简称，用于文书编号' }),
  licenceNumber: z.string().optional().meta({ title: '许可证号', description: '司法鉴定许可证号' }),
  address: z.string().optional().meta({ title: '机构地址' }),
  postcode: z.string().optional().meta({ title: '邮政编码' }),
  phone: z.string().optional().meta({ title: '联系电话' }),
  selfReference: z.string().trim().min(1).optional().meta({ title: '自称', description: '文书中机构的自称：本所、本中心、本会；缺省时医学会为「本会」，司法鉴定机构按名称为「本所」「本中心」' }),
  verifyUrl: z
    .url({ protocol: /^https?$/, error: '应为以 http:// 或 https:// 开头的网址' })
    .optional()
    .meta({ title: '核验网址', description: '机构核验文书的网页；文书首页的二维码指向「网址?code=查询校验码」，读者扫码或输入校验码即可查到登记的版本' }),
});

const expert = z.strictObject({
  name: nonEmpty.meta({ title: '姓名' }),
  title: z.string().optional().meta({ title: '职称', description: '职称，例如 主任医师' }),
  specialty: nonEmpty.meta({ title: '专业', description: '专业（《办法》第三十三条所列专业类别）' }),
  affiliation: z.string().optional().meta({ title: '工作单位', description: '工作单位' }),
  // Art. 18: a structured link to a treating institution, not left to how the affiliation is spelled.
  institution: z.string().optional().meta({ title: '所在涉案医疗机构代号', description: '专家工作单位是本案的医疗机构（含其科室、院区）时填其代号（medicalInstitutions 中的 id）；该专家须回避（第十八条）' }),
  role: aliasedEnum(['leader', 'member'], { 鉴定组长: 'leader', 组长: 'leader', 专家: 'member', 成员: 'member' }, '专家组角色').default('member'),
  involvedInCase: z.boolean().default(false).meta({ title: '曾参与本案', description: '是否参与过本案的咨询、治疗、会诊、听证、鉴定或质证（第十八条）' }),
  consultation: z
    .strictObject({
      opinion: paragraphs.meta({ title: '专家咨询意见', description: '专家咨询意见' }),
      // true / false as before, or the words: 采纳, 不采纳, 部分采纳 (the form offers these three).
      agrees: z.union([z.boolean(), aliasedEnum(['agrees', 'disagrees', 'partly'], { 采纳: 'agrees', 不采纳: 'disagrees', 未采纳: 'disagrees', 部分采纳: 'partly', 部分: 'partly' }, '采纳情况')])
        .default(true).meta({ title: '采纳咨询意见', description: '鉴定人是否采纳：true（采纳）、false（不采纳）或 partly（部分采纳）' }),
      appraiserResponse: paragraphs.optional().meta({ title: '鉴定人的针对性分析', description: '鉴定人与专家意见不一致时的针对性分析（第二十三条）' }),
    })
    .optional()
    .meta({ title: '咨询意见', description: '司法鉴定：参加听证会专家签名的咨询意见（第二十三条）' }),
});

const panel = z.strictObject({
  mainSpecialty: nonEmpty.meta({ title: '主要学科专业', description: '主要学科专业' }),
  experts: z.array(expert).meta({ title: '专家' }),
  dissent: paragraphs.optional().meta({ title: '少数意见', description: '专家组的少数意见（医学会、医疗事故鉴定如实记载）' }),
  formation: aliasedEnum(['random', 'invited'], { 随机抽取: 'random', 从专家库中随机抽取: 'random', 邀请: 'invited', 聘请: 'invited' }, '专家组的产生方式：random（医患双方在鉴定机构主持下从专家库中随机抽取，《医疗事故技术鉴定暂行办法》第二十三条）或 invited（鉴定机构邀请）；不填则文书不写产生方式', '专家产生方式').optional(),
});

/** An appraiser or the reviewer; the reviewer's fields carry the role in their titles, having no list item to name them. */
const signer = (role: string) => z.strictObject({
  name: nonEmpty.meta({ title: `${role}姓名` }),
  certificateNumber: nonEmpty.meta({ title: `${role}执业证号`, description: '《司法鉴定人执业证》证号' }),
  title: z.string().optional().meta({ title: `${role}职称` }),
});

const person = z.strictObject({ name: nonEmpty.meta({ title: '姓名' }), role: z.string().optional().meta({ title: '身份', description: '身份，例如 患者之子、医务科科长' }) });

const commission = z.strictObject({
  client: nonEmpty.meta({ title: '委托人', description: '委托人：人民法院、人民调解委员会或医患双方' }),
  setting: aliasedEnum(keys(COMMISSION_SETTINGS), COMMISSION_SETTING_ALIASES, '委托情形'),
  commissionedBy: aliasedEnum(keys(COMMISSIONING_PARTIES), COMMISSIONING_PARTY_ALIASES, '委托方'),
  matters: paragraphs.meta({ title: '委托事项', description: '委托鉴定事项' }),
  receivedDate: isoDate.meta({ title: '收到委托日期', description: '收到委托日期' }),
  acceptedDate: isoDate.meta({ title: '受理日期', description: '受理日期' }),
  commitmentRequired: z.boolean().default(false).meta({ title: '附鉴定人承诺书', description: '委托法院要求鉴定人签署承诺书时为 true（《最高人民法院关于民事诉讼证据的若干规定》第三十三条、第三十六条）' }),
  originalOpinion: z
    .strictObject({
      institution: nonEmpty.meta({ title: '原鉴定机构' }),
      documentNumber: nonEmpty.meta({ title: '原鉴定文书编号' }),
      date: isoDate.meta({ title: '原鉴定意见日期' }),
      conclusion: paragraphs.optional().meta({ title: '原鉴定意见内容' }),
    })
    .optional()
    .meta({ title: '原鉴定意见', description: '重新鉴定、再次鉴定时的原鉴定意见（第十条、第十三条）' }),
  supplementedReport: z
    .strictObject({
      documentNumber: nonEmpty.meta({ title: '被补充的文书编号' }),
      date: isoDate.meta({ title: '被补充的文书日期' }),
      supplemented: paragraphs.meta({ title: '补充鉴定的内容', description: '补充的事项：遗漏的委托事项、新提供的材料等（《司法鉴定程序通则》第三十条）' }),
    })
    .optional()
    .meta({ title: '被补充的鉴定意见', description: '补充鉴定时，本机构原出具的鉴定意见书及补充的内容' }),
});

// Who acts for the patient: a guardian (民法典 Art. 23, 27, 28), the close relatives when the patient died (Art. 1181), an agent.
const representative = z.strictObject({
  name: nonEmpty.meta({ title: '姓名' }),
  capacity: aliasedEnum(['guardian', 'relative', 'agent'], { 监护人: 'guardian', 法定代理人: 'guardian', 近亲属: 'relative', 委托代理人: 'agent', 代理人: 'agent' },
    '身份：guardian（监护人，未成年或无、限制民事行为能力的患者）、relative（患者死亡时作为患方的近亲属）或 agent（委托代理人）', '患方代表身份'),
  relationship: z.string().optional().meta({ title: '关系', description: '与患者的关系或职业，例如 患儿之母、患者之妻、某某律师事务所律师' }),
});

const patient = z.strictObject({
  name: nonEmpty.meta({ title: '患者姓名' }),
  sex,
  age: z.number().int().min(0).max(130).optional().meta({ title: '年龄' }),
  birthDate: birthDate.optional().meta({ title: '出生日期' }),
  birthYear: z.number().int().min(1880).max(2100).optional().meta({ title: '出生年份', description: '只知出生年份时填写，印作「1950年出生」' }),
  idNumber: z.string().optional().meta({ title: '身份证号' }),
  address: z.string().optional().meta({ title: '住址' }),
  incapacitated: z.boolean().default(false).meta({ title: '无或限制民事行为能力', description: '成年患者为无民事行为能力人或限制民事行为能力人时为 true（须记载监护人）' }),
});

const medicalInstitution = z.strictObject({
  id: nonEmpty.meta({ title: '代号', description: '在本文件中引用的代号，例如 H1' }),
  name: nonEmpty.meta({ title: '名称' }),
  level: z.string().optional().meta({ title: '等级', description: '等级，例如 三级甲等' }),
  // Art. 24(4): every institution the commission asks about is answered, with or without fault.
  commissioned: z.boolean().default(true).meta({ title: '被鉴定的医疗机构', description: '委托鉴定事项涉及其诊疗行为的医疗机构为 true（缺省），鉴定意见须逐一回答其有无过错；仅记载诊疗经过、不属委托鉴定对象的医疗机构（如后续就诊的医院）填 false' }),
});

const treatment = z.strictObject({
  institution: nonEmpty.meta({ title: '医疗机构代号', description: '医疗机构代号（medicalInstitutions 中的 id）' }),
  from: isoDate.meta({ title: '开始日期' }),
  to: isoDate.optional().meta({ title: '结束日期' }),
  setting: z.string().optional().meta({ title: '就诊类型', description: '门诊、住院、急诊等' }),
  department: z.string().optional().meta({ title: '科室' }),
  doctors: z.array(nonEmpty).optional().meta({ title: '经治医师', description: '病历记载的经治、会诊医师姓名；专家组成员中有其人的须回避（第十八条第（五）项）' }),
  summary: paragraphs.meta({ title: '诊疗经过' }),
});

/** （一）委托鉴定事项的基本情况、诊疗概要 */
const basicInfo = z.strictObject({
  commission: commission.meta({ title: '委托情况' }),
  patient: patient.meta({ title: '患者' }),
  representatives: z.array(representative).default([]).meta({ title: '患方代表', description: '监护人、近亲属（患者死亡时的患方）、委托代理人；印在患者之后，听证会到会时按此写明身份' }),
  medicalInstitutions: z.array(medicalInstitution).min(1).meta({ title: '医疗机构' }),
  summary: paragraphs.meta({ title: '检案摘要', description: '检案摘要 / 基本案情' }),
  treatment: z.array(treatment).min(1).meta({ title: '诊疗经过', description: '诊疗概要：按医疗机构、按日期' }),
});

/** （二）医患双方各自陈述的主要观点、理由 — patient side first (Art. 21(3)). */
const statements = z.strictObject({ patientSide: paragraphs.meta({ title: '患方陈述' }), medicalSide: paragraphs.meta({ title: '医方陈述' }) });

const material = z.strictObject({
  name: nonEmpty.meta({ title: '名称' }),
  source: z.string().optional().meta({ title: '提供方', description: '提供方' }),
  quantity: z.string().optional().meta({ title: '数量', description: '数量，例如 1份、32页' }),
  confirmed: z.boolean().default(true).meta({ title: '确认情况', description: '是否经医患双方确认或法院质证（第十三条）' }),
});

/** （三）鉴定过程的说明 */
const processSection = z.strictObject({
  materials: z.array(material).min(1).meta({ title: '鉴定材料' }),
  hearing: z.strictObject({
    noticeDate: isoDate.meta({ title: '听证通知日期', description: '书面通知听证会的日期（第十九条）' }),
    date: isoDate.meta({ title: '听证会日期' }),
    place: nonEmpty.meta({ title: '听证会地点' }),
    patientSide: z.array(person).default([]).meta({ title: '患方到会人员' }),
    medicalSide: z.array(person).default([]).meta({ title: '医方到会人员' }),
    others: z.array(person).default([]).meta({ title: '其他到会人员', description: '列席的法官、调解员等' }),
  }).meta({ title: '听证会' }),
  examination: z
    .strictObject({
      date: isoDate.meta({ title: '体检日期' }),
      findings: paragraphs.meta({ title: '体检所见' }),
      present: z.array(z.string()).default([]).meta({ title: '体检在场人员' }),
    })
    .optional()
    .meta({ title: '现场体检', description: '对患者的现场体检' }),
  extension: z
    .strictObject({
      workingDays: z.number().int().min(1).meta({ title: '延长的工作日数' }),
      notifiedDate: isoDate.meta({ title: '延长告知日期' }),
      reason: nonEmpty.meta({ title: '延长理由' }),
    })
    .optional()
    .meta({ title: '延长鉴定时限', description: '延长鉴定时限（第二十六条）' }),
  supplementRequests: z
    .array(z.strictObject({
      requestedDate: isoDate.meta({ title: '通知补充日期', description: '书面通知委托人补充材料的日期' }),
      receivedDate: isoDate.meta({ title: '收到补充材料日期' }),
      materials: nonEmpty.meta({ title: '补充的材料' }),
    }))
    .default([])
    .meta({ title: '补充材料', description: '每次通知补充材料与收到的日期；其间的工作日不计入鉴定时限（第二十六条第二款），代替 excludedWorkingDays' }),
  excludedWorkingDays: z.number().int().min(0).default(0).meta({ title: '不计入时限的工作日', description: '补充材料所用、不计入时限的工作日（第二十六条第二款）' }),
  agreedDeadline: isoDate.optional().meta({ title: '约定完成期限', description: '与委托人另行约定的完成期限（第二十六条：另有约定的，从其约定）' }),
  notes: paragraphs.optional().meta({ title: '其他过程说明', description: '其他过程说明' }),
  delayReason: paragraphs.optional().meta({ title: '逾期说明', description: '超过第二十六条时限出具的原因（逾期时必填，印在鉴定过程中）' }),
  methods: paragraphs.optional().meta({ title: '鉴定方法', description: '司法鉴定：检验方法、鉴定原则与方法（印在「鉴定过程」的「鉴定方法与标准」中；引用的标准见 citations）' }),
});

/** （四）医疗过错分析 */
const fault = z.strictObject({
  id: nonEmpty.meta({ title: '过错代号', description: '代号，例如 F1' }),
  institution: z.string().optional().meta({ title: '医疗机构代号', description: '医疗机构代号' }),
  conduct: nonEmpty.meta({ title: '诊疗行为', description: '诊疗行为（分析的对象），例如：第二产程的监护与处理' }),
  finding: z.string().optional().meta({ title: '过错表述', description: '过错的简要表述，写入鉴定意见，例如：第二产程延长未及时评估、处理' }),
  norm: z.string().optional().meta({ title: '依据的规范', description: '据以判断的规范' }),
  isFault: z.boolean().meta({ title: '过错认定' }),
  analysis: paragraphs.meta({ title: '过错分析说明' }),
});
const faultAnalysis = z.strictObject({
  items: z.array(fault).min(1).meta({ title: '过错分析' }),
  summary: paragraphs.optional().meta({ title: '过错分析小结' }),
});

/** （五）因果关系分析 */
// Several institutions' faults acting together: each one's own share beside the combined finding.
const share = z.strictObject({
  institution: nonEmpty.meta({ title: '医疗机构代号', description: '医疗机构代号（medicalInstitutions 中的 id）' }),
  causation,
  participation: participation.optional(),
});
const causationItem = z.strictObject({
  consequence: nonEmpty.meta({ title: '损害后果代号', description: '损害后果代号（damage.consequences 中的 id）' }),
  faults: z.array(z.string()).default([]).meta({ title: '相关过错代号', description: '相关过错代号' }),
  causation,
  participation: participation.optional(),
  shares: z.array(share).optional().meta({ title: '各医疗机构的原因力', description: '多家医疗机构的过错共同作用时，各机构各自的因果关系类型及参与度；本项的 causation、participation 为共同作用的综合判定' }),
  analysis: paragraphs.meta({ title: '因果关系分析说明' }),
});
const causationAnalysis = z.strictObject({ items: z.array(causationItem).min(1).meta({ title: '因果关系分析' }) });

/** （六）医疗损害后果及伤残等级 */
const consequence = z.strictObject({
  id: nonEmpty.meta({ title: '损害后果代号' }),
  description: nonEmpty.meta({ title: '损害后果描述' }),
  disabilityGrade: z.number().int().min(1).max(10).optional().meta({ title: '伤残等级', description: '伤残等级 1–10（《人体损伤致残程度分级》）' }),
  basis: paragraphs.optional().meta({ title: '评定依据', description: '评定依据与理由，例如：依据《人体损伤致残程度分级》5.8.6.4' }),
  injuryDegree: injuryDegree.optional(),
});
const damage = z.strictObject({
  death: z
    .strictObject({
      date: isoDate.meta({ title: '死亡日期' }),
      autopsy: z.boolean().meta({ title: '尸体解剖' }),
      causeOfDeath: z.string().optional().meta({ title: '死因' }),
      autopsyReport: z
        .strictObject({
          performedBy: nonEmpty.meta({ title: '尸检机构', description: '进行尸体解剖的机构（及病理医师、法医），例如 某某医科大学法医病理司法鉴定所' }),
          reportNumber: nonEmpty.meta({ title: '尸检报告编号' }),
          date: isoDate.meta({ title: '尸检报告日期' }),
          findings: paragraphs.meta({ title: '病理诊断', description: '尸体解剖的主要病理所见及病理诊断' }),
        })
        .optional()
        .meta({ title: '尸检报告', description: '经尸体解剖时：尸检机构、报告编号与日期、病理诊断；印在死亡的陈述处' }),
    })
    .optional()
    .meta({ title: '患者死亡', description: '患者死亡：日期、是否尸体解剖、死因' }),
  consequences: z.array(consequence).min(1).meta({ title: '损害后果' }),
  accident: z
    .strictObject({
      isAccident: z.boolean().meta({ title: '医疗事故认定' }), grade: accidentGrade.optional(), responsibility: responsibility.optional(),
      responsibilities: z.array(z.strictObject({ institution: nonEmpty.meta({ title: '医疗机构代号' }), responsibility }))
        .optional().meta({ title: '各医疗机构的责任程度', description: '多家医疗机构存在医疗过失行为时，各机构各自的责任程度；responsibility 为医方的综合责任程度' }),
      reason: paragraphs.optional().meta({ title: '不属于医疗事故的理由', description: '不属于医疗事故时的理由（《医疗事故技术鉴定暂行办法》第三十五条）' }),
    })
    .optional()
    .meta({ title: '医疗事故', description: '医疗事故技术鉴定：是否属于医疗事故、等级、责任程度' }),
  careAdvice: paragraphs.optional().meta({ title: '医疗护理建议', description: '对患者医疗护理的建议' }),
});

const opinion = z.strictObject({
  conclusions: paragraphs.optional().meta({ title: '鉴定意见', description: '覆盖自动生成的鉴定意见；每段一条' }),
  additional: paragraphs.optional().meta({ title: '附加鉴定意见', description: '附加在自动生成的鉴定意见之后的条目；每段一条' }),
});

export const caseSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ title: 'JSON Schema 声明' }),
    report: report.meta({ title: '文书' }),
    institution: institution.meta({ title: '鉴定机构' }),
    panel: panel.meta({ title: '专家组' }),
    appraisers: z.array(signer('')).default([]).meta({ title: '鉴定人', description: '司法鉴定人（司法鉴定意见书）' }),
    reviewer: signer('复核人').optional().meta({ title: '复核人', description: '复核人' }),
    citations: z.array(z.string()).default([]).meta({ title: '引用的规范', description: '引用的法律、法规、规范名称' }),
    basicInfo: basicInfo.meta({ title: '（一）委托鉴定事项的基本情况、诊疗概要' }),
    statements: statements.meta({ title: '（二）医患双方各自陈述的主要观点、理由' }),
    process: processSection.meta({ title: '（三）鉴定过程的说明' }),
    faultAnalysis: faultAnalysis.meta({ title: '（四）医疗过错分析' }),
    causationAnalysis: causationAnalysis.meta({ title: '（五）因果关系分析' }),
    damage: damage.meta({ title: '（六）医疗损害后果及伤残等级' }),
    opinion: opinion.default({}).meta({ title: '鉴定意见' }),
  })
  .meta({ title: 'jianding 案件文件', description: '医疗损害鉴定案件：六个部分对应《江苏省医疗损害鉴定管理办法》第二十四条' });

export type CaseInput = z.input<typeof caseSchema>;
export type Case = z.output<typeof caseSchema>;
export type CausationItem = Case['causationAnalysis']['items'][number];
