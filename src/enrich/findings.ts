/** Article 24 (四)(五)(六) in the report model: faults, causal links and shares, damage and grades. */
import { RESPONSIBILITY_DEGREES } from '../domain/causation.js';
import { arabicDate } from '../domain/chineseDate.js';
import { accidentGrade, disabilityGradeName, injuryDegreeName } from '../domain/grades.js';
import { SOURCES } from '../domain/sources.js';
import type { Case } from '../schema/case.js';
import { causationWording } from './causationWording.js';
import type { ModelCausation, ModelConsequence, ModelFault, ReportModel } from './model.js';
import { institutionName, nullable } from './util.js';

export function faultsOf(c: Case): ModelFault[] {
  return c.faultAnalysis.items.map((f) => ({
    id: f.id, institution: institutionName(c, f.institution), conduct: f.conduct, finding: nullable(f.finding), norm: nullable(f.norm),
    isFault: f.isFault, verdict: f.isFault ? '存在过错' : '未发现过错', analysis: f.analysis,
  }));
}

export function causationOf(c: Case, caveat: string | null): ModelCausation[] {
  return c.causationAnalysis.items.map((item) => {
    const consequence = c.damage.consequences.find((x) => x.id === item.consequence);
    const w = causationWording(c.report.kind, item.causation, item.participation, consequence?.injuryDegree !== undefined);
    return {
      consequence: consequence?.description ?? item.consequence, link: w.link, term: w.term,
      participationText: w.participationText, finding: w.clause, analysis: item.analysis,
      caveat, clinical: caveat !== null && item.causation !== 'undetermined',
    };
  });
}

/** An accident appraisal grades by the 2002 standard, whose grades 一级乙等 … 三级戊等 correspond to disability grades. */
function ratingOf(c: Case, grade: string | null, injury: string | null): string {
  if (grade) return c.report.kind === 'accident' ? `对应${grade}（${SOURCES.accidentGrading}）` : `构成人体损伤致残程度${grade}`;
  return injury ? `构成${injury}` : '';
}

function consequencesOf(c: Case, who: string): ModelConsequence[] {
  return c.damage.consequences.map((x) => {
    const grade = x.disabilityGrade === undefined ? null : disabilityGradeName(x.disabilityGrade);
    const injury = x.injuryDegree === undefined ? null : injuryDegreeName(x.injuryDegree);
    const rating = ratingOf(c, grade, injury);
    const statement = rating ? `${who}${x.description}，${rating}` : `${who}的损害后果：${x.description}`;
    return { description: x.description, disabilityGrade: grade, injuryDegree: injury, statement, basis: nullable(x.basis) };
  });
}

function accidentOf(c: Case): ReportModel['damage']['accident'] {
  const a = c.damage.accident;
  if (!a) return null;
  const grade = a.grade ? accidentGrade(a.grade).name : null;
  const responsibility = a.responsibility ? RESPONSIBILITY_DEGREES[a.responsibility] : null;
  const statement = a.isAccident ? `本例属于${grade ?? ''}医疗事故，医方承担${responsibility ?? ''}` : '本例不属于医疗事故';
  return { isAccident: a.isAccident, grade, responsibility, statement };
}

function deathOf(c: Case, who: string): ReportModel['damage']['death'] {
  const death = c.damage.death;
  if (!death) return null;
  const autopsy = death.autopsy ? `，经尸体解剖${death.causeOfDeath ? `，死亡原因为${death.causeOfDeath}` : ''}` : '，未行尸体解剖';
  return { date: arabicDate(death.date), autopsy: death.autopsy, causeOfDeath: nullable(death.causeOfDeath), statement: `${who}于${arabicDate(death.date)}死亡${autopsy}` };
}

/** `who` names the patient as the opinion does: 患者张某某, 被鉴定人张某某. */
export function damageOf(c: Case, who: string): ReportModel['damage'] {
  return { death: deathOf(c, who), consequences: consequencesOf(c, who), accident: accidentOf(c), careAdvice: nullable(c.damage.careAdvice) };
}
