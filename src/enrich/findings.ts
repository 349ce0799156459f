/** Article 24 (四)(五)(六) in the report model: faults, causal links and shares, damage and grades. */
import { hasClinicalJudgementWording, statesNoAutopsy } from '../domain/autopsy.js';
import { RESPONSIBILITY_DEGREES } from '../domain/causation.js';
import { arabicDate } from '../domain/chineseDate.js';
import { CAUSATION_TYPES } from '../domain/causation.js';
import { accidentGrade, disabilityGradeName, injuryDegreeName, NOT_ASSESSED, type InjuryDegreeCode } from '../domain/grades.js';
import { SOURCES } from '../domain/sources.js';
import type { Case } from '../schema/case.js';
import { causationWording, shareClause } from './causationWording.js';
import { commissionedInstitutions, faultItemsFor } from '../schema/institutions.js';
import type { ModelCausation, ModelConsequence, ModelFault, ModelInstitutionAnswer, ReportModel } from './model.js';
import { clause, sentence, sentences } from './sentence.js';
import { institutionName, nullable } from './util.js';

/** The accident route's own term (医疗事故处理条例 Art. 2, 31): 医疗过失行为, never 过错 beside it. */
export const faultTerm = (c: Case) => (c.report.kind === 'accident' ? '医疗过失行为' : '过错');

export function faultsOf(c: Case): ModelFault[] {
  const term = faultTerm(c);
  return c.faultAnalysis.items.map((f) => ({
    id: f.id, institution: institutionName(c, f.institution), conduct: clause(f.conduct), finding: f.finding ? clause(f.finding) : null, norm: f.norm ? clause(f.norm) : null,
    isFault: f.isFault, verdict: f.isFault ? `存在${term}` : `未发现${term}`, analysis: f.analysis,
  }));
}

/**
 * Art. 24(4): every commissioned institution answered, at fault or not; faults laid to no commissioned
 * institution (an unnamed 医方, or one marked not commissioned) still reach the opinion, after them.
 */
export function answersOf(c: Case, faults: ModelFault[]): ModelInstitutionAnswer[] {
  const found = (ids: Set<string>) => faults.filter((f) => f.isFault && ids.has(f.id));
  const commissioned = commissionedInstitutions(c).map((m) => ({ name: m.name, ids: new Set(faultItemsFor(c, m.id).map((f) => f.id)) }));
  const covered = new Set(commissioned.flatMap((a) => [...a.ids]));
  const answers = commissioned.map((a) => ({ name: a.name, faults: found(a.ids) }));
  const rest = new Map<string, ModelFault[]>();
  for (const f of faults.filter((x) => x.isFault && !covered.has(x.id))) rest.set(f.institution ?? '医方', [...(rest.get(f.institution ?? '医方') ?? []), f]);
  // Nothing answered and nothing found: the conclusion falls back to 「未发现医方…」.
  const all = [...answers, ...[...rest].map(([name, list]) => ({ name, faults: list }))];
  return all.some((a) => a.faults.length > 0) || commissioned.length > 0 ? all : [];
}

/**
 * Whose conduct a causal finding is about: with several institutions commissioned, 「医方」 would not say
 * which; the one institution whose faults the item cites is named instead.
 */
function ownerOf(c: Case, cited: Case['faultAnalysis']['items']): string {
  if (commissionedInstitutions(c).length < 2) return '医方';
  const faulted = cited.filter((f) => f.isFault);
  const ids = new Set((faulted.length ? faulted : cited).map((f) => f.institution));
  // Several institutions' faults acting together: all named (「甲医院、乙医院的上述过错」).
  if (ids.has(undefined)) return '医方';
  return [...ids].map((id) => institutionName(c, id) ?? '医方').join('、');
}

export function causationOf(c: Case, caveat: string | null): ModelCausation[] {
  return c.causationAnalysis.items.map((item) => {
    const consequence = c.damage.consequences.find((x) => x.id === item.consequence);
    const shares = item.shares ?? [];
    const w = causationWording(c.report.kind, item.causation, item.participation, consequence?.injuryDegree !== undefined, shares.length > 0);
    const each = shares.map((x) => shareClause(c.report.kind, institutionName(c, x.institution) ?? x.institution, x.causation, x.participation)).filter((x): x is string => x !== null);
    // Without an established fault the analysis is of the conduct (诊疗行为), not of a 「过错」 that was not found.
    const cited = c.faultAnalysis.items.filter((f) => item.faults.length === 0 || item.faults.includes(f.id));
    const agent = cited.some((f) => f.isFault) ? faultTerm(c) : '诊疗行为';
    const described = clause(consequence?.description ?? item.consequence);
    const owner = ownerOf(c, cited);
    const conduct = agent === '过错' ? '医疗过错' : agent;
    const named = owner !== '医方' ? `${owner}的${conduct}` : agent === '诊疗行为' ? '医方诊疗行为' : conduct;
    return {
      agent, owner, heading: `${named}与${described}之间的因果关系`,
      consequence: clause(consequence?.description ?? item.consequence), link: w.link, term: w.term,
      participationText: w.participationText, finding: each.length ? `${w.clause}；其中${each.join('；')}` : w.clause, analysis: item.analysis,
      caveat, clinical: caveat !== null && item.causation !== 'undetermined',
      // The case's analysis that already states the missing autopsy is not preceded by the same statement.
      caveatStated: caveat !== null && item.analysis.some(statesNoAutopsy),
      clinicalStated: item.analysis.some(hasClinicalJudgementWording),
    };
  });
}

/** An accident appraisal grades by the 2002 standard, whose grades 一级乙等 … 三级戊等 correspond to disability grades. */
function ratingOf(c: Case, grade: string | null, injury: string | null): string {
  if (grade) return c.report.kind === 'accident' ? `对应${grade}（${SOURCES.accidentGrading}）` : `构成人体损伤致残程度${grade}`;
  return injury ? `构成${injury}` : '';
}

/** SF/T 0095 §8.1 c, d: the commissioned degree is answered — the link only, no degree, no participation (§8.1 e). */
function notAssessedRating(c: Case, id: string): string {
  const item = c.causationAnalysis.items.find((i) => i.consequence === id);
  const term = item && item.causation !== 'none' && item.causation !== 'undetermined' ? CAUSATION_TYPES[item.causation].sftTerm : null;
  const link = term ? `医疗过错起${term}` : item?.causation === 'none' ? '与医疗过错之间不存在因果关系' : '与医疗过错之间的因果关系难以明确';
  return `${link}，依据${SOURCES.sft0095}第8.1条，只说明因果关系，不宜评定损伤程度`;
}

function consequencesOf(c: Case, who: string): ModelConsequence[] {
  return c.damage.consequences.map((x) => {
    const description = clause(x.description);
    const grade = x.disabilityGrade === undefined ? null : disabilityGradeName(x.disabilityGrade);
    const notAssessed = x.injuryDegree === NOT_ASSESSED;
    const injury = x.injuryDegree === undefined ? null : notAssessed ? '不宜评定损伤程度' : injuryDegreeName(x.injuryDegree as InjuryDegreeCode);
    const rating = notAssessed ? notAssessedRating(c, x.id) : ratingOf(c, grade, injury);
    const statement = rating ? `${who}${description}，${rating}` : `${who}的损害后果：${description}`;
    // 「患者的损害后果：死亡」 under the death statement says nothing new.
    const repeatsDeath = c.damage.death !== undefined && !rating && /^(患者)?死亡$/u.test(description);
    return { description, disabilityGrade: grade, injuryDegree: injury, statement, basis: nullable(x.basis), repeatsDeath };
  });
}

function accidentOf(c: Case): ReportModel['damage']['accident'] {
  const a = c.damage.accident;
  if (!a) return null;
  const grade = a.grade ? accidentGrade(a.grade).name : null;
  const responsibility = a.responsibility ? RESPONSIBILITY_DEGREES[a.responsibility] : null;
  // Several institutions at fault: each one's own degree after the combined one.
  const each = (a.responsibilities ?? []).map((r) => `${institutionName(c, r.institution) ?? r.institution}承担${RESPONSIBILITY_DEGREES[r.responsibility]}`);
  const eachText = each.length ? `，其中${each.join('，')}` : '';
  const statement = a.isAccident ? `本例属于${grade ?? ''}医疗事故，医方承担${responsibility ?? ''}${eachText}` : '本例不属于医疗事故';
  return {
    isAccident: a.isAccident, grade, responsibility, statement, reason: a.reason ? sentences(a.reason) : null,
    gradeStatement: a.isAccident ? `本例属于${grade ?? ''}医疗事故` : '本例不属于医疗事故',
    responsibilityStatement: responsibility ? `医疗过失行为在损害后果中的责任程度为${responsibility}${eachText}` : null,
  };
}

/** Art. 24 para 3: without autopsy the cause of death is unknown; a clinical determination is stated as one. */
function deathOf(c: Case, who: string): ReportModel['damage']['death'] {
  const death = c.damage.death;
  if (!death) return null;
  // 「未经尸检；临床考虑急性肺栓塞」: the determination is what follows the clinical words; the sentence adds them once.
  const cause = death.causeOfDeath ? clause(death.causeOfDeath.replace(/^.*?(临床考虑|临床判定)/u, '').replace(/^考虑/u, '')) : null;
  const report = death.autopsy ? death.autopsyReport : undefined;
  // Who performed the autopsy and which report says so, where the death is stated.
  const by = report ? `经${clause(report.performedBy)}尸体解剖（尸检报告${clause(report.reportNumber)}，${arabicDate(report.date)}）` : '经尸体解剖';
  const after = death.autopsy
    ? `，${by}${cause ? `，死亡原因为${cause}` : ''}`
    : `，未行尸体解剖，死亡原因不能明确${cause ? `；依据临床资料，临床考虑${cause}` : ''}`;
  return {
    date: arabicDate(death.date), autopsy: death.autopsy, causeOfDeath: cause, statement: `${who}于${arabicDate(death.date)}死亡${after}`,
    findings: report ? report.findings : null,
  };
}

/** A list item without the number the user typed (「1. 」「（1）」「①」): the list numbers it, one level below its parent. */
const listItem = (text: string) => sentence(text.replace(/^\s*(?:\d+\s*[.、．)）]|[（(]\d+[）)]|[①-⑳])\s*/u, ''));

/** `who` names the patient as the opinion does: 患者张某某, 被鉴定人张某某. */
export function damageOf(c: Case, who: string): ReportModel['damage'] {
  return { death: deathOf(c, who), consequences: consequencesOf(c, who), accident: accidentOf(c), careAdvice: c.damage.careAdvice ? c.damage.careAdvice.map(listItem) : null };
}
