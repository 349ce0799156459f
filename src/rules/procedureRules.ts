/** Procedure: Jiangsu measures Art. 8/15 (joint commission), 10/13 (re-appraisal, materials), 20 (hearing attendance). */
import { APPRAISAL_TYPES, APPRAISAL_TYPES_BY_KIND, REPORT_KINDS } from '../domain/reportKinds.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, warning, type Rule } from './rule.js';

const M = SOURCES.measures;
const MAX_ATTENDEES = 3;

function attendees(c: Case): Diagnostic[] {
  const sides = [['patientSide', '患方'], ['medicalSide', '医方']] as const;
  return sides.flatMap(([key, label]) => {
    const n = c.process.hearing[key].length;
    return n <= MAX_ATTENDEES ? [] : [error('HEARING_ATTENDEES', `process.hearing.${key}`, `依据${M}第二十条，参加听证会的医患各方人数不超过3人，${label}为${n}人`, `Jiangsu measures Art. 20: at most 3 attendees per side (${key}: ${n})`)];
  });
}

function reappraisal(c: Case): Diagnostic[] {
  const type = c.report.appraisalType;
  if (type !== 'reappraisal' && type !== 'second') return [];
  const original = c.basicInfo.commission.originalOpinion;
  if (!original) {
    const source = type === 'second' ? `${SOURCES.accidentRegulation}第二十一条、第二十二条` : `${M}第十条、第十三条`;
    return [error('REAPPRAISAL_ORIGINAL_MISSING', 'basicInfo.commission.originalOpinion', `依据${source}，${APPRAISAL_TYPES[type]}应提交原鉴定意见（复印件），请填写原鉴定机构、编号与日期`, 'A re-appraisal or second appraisal carries the original opinion (Jiangsu measures Art. 10, 13)')];
  }
  if (type === 'second') return [];
  if (original.institution !== c.institution.name) return [];
  return [warning('REAPPRAISAL_SAME_INSTITUTION', 'basicInfo.commission.originalOpinion.institution', `依据${M}第十条，重新鉴定一般应委托原鉴定机构以外的机构；由原机构进行的，须由原鉴定人、专家以外的人员进行，请在鉴定过程中说明特殊原因`, 'Jiangsu measures Art. 10: a re-appraisal normally goes to another institution')];
}

/** 医疗事故处理条例 Art. 20: the health authority refers a dispute to the medical association; nothing else is a referral. */
function referral(c: Case): Diagnostic[] {
  const { setting, commissionedBy } = c.basicInfo.commission;
  const isReferral = setting === 'referral';
  if (isReferral !== (commissionedBy === 'authority')) {
    return [error('COMMISSION_REFERRAL', 'basicInfo.commission.commissionedBy', `卫生健康行政部门移交（${SOURCES.accidentRegulation}第二十条）时委托情形为 referral、委托方为 authority，二者须同时使用`, 'A referral (setting referral) is made by the health authority (commissionedBy authority), and only then')];
  }
  if (isReferral && c.report.kind !== 'accident') {
    return [error('COMMISSION_REFERRAL', 'basicInfo.commission.setting', `卫生健康行政部门移交的是医疗事故技术鉴定（${SOURCES.accidentRegulation}第二十条），文书种类应为医疗事故技术鉴定书`, 'A health-authority referral is a medical accident appraisal (Regulation Art. 20)')];
  }
  return [];
}

function commission(c: Case): Diagnostic[] {
  const { setting, commissionedBy } = c.basicInfo.commission;
  if (setting === 'litigation' || setting === 'referral' || commissionedBy === 'both' || commissionedBy === 'authority') return referral(c);
  if (commissionedBy === 'court') {
    return [error('COMMISSION_COURT_OUTSIDE_LITIGATION', 'basicInfo.commission.commissionedBy', '非诉讼情形下委托方不应为人民法院', 'A court commissions only in litigation')];
  }
  // The mediation committee presides over choosing the institution (Art. 8 para 2); it does not commission.
  return [error('COMMISSION_ONE_SIDED', 'basicInfo.commission.commissionedBy', `依据${M}第八条、第十五条第（一）项，医患双方协商或人民调解中的鉴定应由医患双方共同委托（调解委员会只主持选择鉴定机构），单方委托的不予受理`, 'Jiangsu measures Art. 8, 15(1): outside litigation the appraisal is commissioned jointly by both sides; a one-sided commission is refused')];
}

function materials(c: Case): Diagnostic[] {
  return c.process.materials.flatMap((m, i) => m.confirmed ? [] : [error('MATERIALS_UNCONFIRMED', `process.materials[${i}].confirmed`, `依据${M}第十三条、第十五条第（四）项，鉴定材料应经医患双方确认或人民法院质证确认；「${m.name}」未经确认`, `Jiangsu measures Art. 13, 15(4): material "${m.name}" is not confirmed by both sides or the court`)]);
}

function appraisalTypeFits(c: Case): Diagnostic[] {
  const { kind, appraisalType } = c.report;
  if (APPRAISAL_TYPES_BY_KIND[kind].includes(appraisalType)) return [];
  return [error('APPRAISAL_TYPE_KIND', 'report.appraisalType', `${REPORT_KINDS[kind].name}不采用「${APPRAISAL_TYPES[appraisalType]}」，可选：${APPRAISAL_TYPES_BY_KIND[kind].map((t) => APPRAISAL_TYPES[t]).join('、')}`, `Appraisal type ${appraisalType} does not apply to ${kind} reports`)];
}

export const procedureRules: Rule = (c) => [...attendees(c), ...reappraisal(c), ...commission(c), ...materials(c), ...appraisalTypeFits(c)];
