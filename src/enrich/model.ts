/**
 * The report model: everything the templates read, already worded and formatted.
 * Absent values are null (never undefined), so strict templates can tell a missing field
 * (an error) from an empty one.
 */
import type { ReportKind } from '../domain/reportKinds.js';

export interface ModelPerson { name: string; role: string | null }

export interface ModelExpert {
  name: string;
  title: string | null;
  specialty: string;
  affiliation: string | null;
  isLeader: boolean;
  roleName: string;
}

export interface ModelConsultation {
  expert: string;
  title: string | null;
  affiliation: string | null;
  specialty: string;
  opinion: string[];
  agrees: boolean;
  /** Adopted in part: explained like a disagreement, worded as a partial adoption. */
  partly: boolean;
  response: string[] | null;
}

export interface ModelTreatment {
  institution: string;
  period: string;
  setting: string | null;
  department: string | null;
  heading: string;
  summary: string[];
  /** 经治医师, as the record names them. */
  doctors: string | null;
}

export interface ModelFault {
  id: string;
  institution: string | null;
  conduct: string;
  finding: string | null;
  norm: string | null;
  isFault: boolean;
  verdict: string;
  analysis: string[];
}

/** What the opinion answers for one institution: its faults found (none: 未见明显过错). */
export interface ModelInstitutionAnswer { name: string; faults: ModelFault[] }

export interface ModelCausation {
  /** What is linked to the damage: 过错 (医疗过失行为), or 诊疗行为 where no fault was found. */
  agent: string;
  /** Whose conduct: 医方, or the institution named when several are commissioned. */
  owner: string;
  /** 「医疗过错与…之间的因果关系」 */
  heading: string;
  consequence: string;
  link: string;
  term: string | null;
  participationText: string | null;
  /** The sentence the analysis ends with (the finding). */
  finding: string;
  analysis: string[];
  /** Art. 24 para 3 statement, when the patient died without autopsy. */
  caveat: string | null;
  /** A clinical judgement was made despite it (临床判定/临床考虑) — not when the link is undetermined. */
  clinical: boolean;
  /** The case's analysis itself says that no autopsy was done: the analysis does not repeat the caveat before it. */
  caveatStated: boolean;
  /** The case's analysis itself says that it is a clinical judgement (临床判定/临床考虑/依据临床资料). */
  clinicalStated: boolean;
}

export interface ModelConsequence {
  description: string;
  disabilityGrade: string | null;
  injuryDegree: string | null;
  /** 「左肾切除术后构成人体损伤致残程度八级伤残」 */
  statement: string;
  /** The grading clause and reasoning, as the case gives it. */
  basis: string[] | null;
  /** An ungraded 「死亡」 below the death statement: not printed twice. */
  repeatsDeath: boolean;
}

export interface ModelSignatureLine { role: string; name: string; note: string | null }

export interface ReportModel {
  kind: ReportKind;
  isJudicial: boolean;
  isAssociation: boolean;
  isAccident: boolean;
  kindName: string;
  appraisalTypeName: string;
  /** 初次鉴定 is not announced in the title; others are (「重新鉴定」). */
  appraisalTypeNote: string | null;
  /** The cover's note under the document class: 「补充鉴定」「重新鉴定」…; null for a first appraisal. */
  coverTypeNote: string | null;
  isDraft: boolean;
  isSample: boolean;
  /** 征求意见稿, 样本 or null. */
  watermark: string | null;
  title: string;
  /** The title as printed: balanced lines, never broken inside a word. */
  titleLines: string[];
  /** Judicial: the commissioned matter under the title (「关于…一案的…鉴定」), in balanced lines. */
  matterLines: string[];
  /** Judicial 鉴定过程: the methods used, from the recorded procedure. */
  methodSentence: string;
  /** How the institution names itself: 本会, 本所, 本中心. */
  self: string;
  /** 过错 or, in accident appraisals, 医疗过失行为. */
  faultTerm: string;
  /** 鉴定意见 or, in accident appraisals, 鉴定结论. */
  conclusionTerm: string;
  /** The damage part named after what it holds (死亡、伤残等级、损伤程度、医疗事故等级). */
  damageHeading: string;
  documentNumber: string;
  institution: {
    name: string; shortName: string | null; licenceNumber: string | null;
    address: string | null; postcode: string | null; phone: string | null; verifyUrl: string | null;
  };
  dates: { received: string; accepted: string; noticed: string; hearing: string; report: string; reportChinese: string; reportIso: string };
  commission: {
    client: string; setting: string; commissionedBy: string; matters: string[]; isReferral: boolean; commitmentRequired: boolean;
    originalOpinion: { institution: string; documentNumber: string; date: string; conclusion: string[] | null } | null;
    /** 补充鉴定: the institution's own earlier report and what this one supplements. */
    supplemented: { documentNumber: string; date: string; supplemented: string[] } | null;
  };
  patient: { name: string; sex: string; age: string | null; description: string; address: string | null; deceased: boolean };
  /** Guardian, close relatives, agent: 「监护人：王某某（患儿之母）」, one line per capacity. */
  representatives: { label: string; people: string }[];
  /** How the opinion names the patient: 被鉴定人 in judicial opinions, 患者 elsewhere. */
  subject: string;
  medicalInstitutions: { id: string; name: string; level: string | null }[];
  summary: string[];
  treatment: ModelTreatment[];
  statements: { patientSide: string[]; medicalSide: string[] };
  process: {
    materials: { index: number; name: string; source: string | null; quantity: string | null }[];
    /** 均经人民法院组织质证 (litigation) or 均经医患双方确认. */
    materialsNote: string;
    methods: string[] | null;
    hearing: { date: string; noticeDate: string; place: string; patientSide: string; medicalSide: string; others: string | null };
    examination: { date: string; findings: string[]; present: string | null } | null;
    extension: { workingDays: number; notifiedDate: string; reason: string } | null;
    notes: string[] | null;
    /** An auto-composed account of the procedure (receipt, acceptance, notice, hearing, panel). */
    narrative: string[];
    /** Art. 26 as recorded: extension, time not counted, agreed deadline, why the report is late (after the notes). */
    timeLimits: string[];
  };
  panel: { mainSpecialty: string; experts: ModelExpert[]; leader: string | null; summary: string; dissent: string[] | null };
  appraisers: { name: string; certificateNumber: string; title: string | null }[];
  reviewer: { name: string; certificateNumber: string; title: string | null } | null;
  consultations: ModelConsultation[];
  hasDissent: boolean;
  faults: ModelFault[];
  /** Per commissioned institution, in the case's order; faults of no commissioned institution grouped after. */
  answers: ModelInstitutionAnswer[];
  /** 「综上，…」 closing the fault analysis when several institutions are commissioned; null otherwise, or when faultSummary answers each. */
  faultVerdict: string | null;
  faultSummary: string[];
  causation: ModelCausation[];
  damage: {
    /** `findings`: the autopsy report's pathological diagnosis, printed after the death. */
    death: { date: string; autopsy: boolean; causeOfDeath: string | null; statement: string; findings: string[] | null } | null;
    consequences: ModelConsequence[];
    accident: {
      isAccident: boolean; grade: string | null; responsibility: string | null; statement: string;
      gradeStatement: string; responsibilityStatement: string | null; reason: string[] | null;
    } | null;
    careAdvice: string[] | null;
  };
  autopsyCaveat: string | null;
  conclusions: string[];
  conclusionsOverridden: boolean;
  citations: string[];
  signature: { lines: ModelSignatureLine[]; institution: string; sealed: boolean; date: string };
  /** SHA-256 of the case file's bytes. */
  caseSha256: string;
  /** The 查询校验码 and the verification address the QR code holds (see pipeline/fingerprint.ts). */
  verification: { code: string; url: string | null };
  generator: string;
}
