/**
 * The auto-composed 鉴定意见 (鉴定结论 in an accident appraisal): one numbered sentence per finding,
 * in the order the regulations ask (fault, causation and share, damage grade, accident grade and
 * responsibility, stated once). The care advice follows as its own nested list (templates).
 */
import type { ModelCausation, ModelInstitutionAnswer, ReportModel } from './model.js';

type Parts = Pick<ReportModel, 'faults' | 'answers' | 'causation' | 'damage' | 'patient' | 'subject' | 'faultTerm'>;

/** One institution's answer: the faults found, listed once under 「以下…」 when several; none found is said so. */
function answerSentence(a: ModelInstitutionAnswer, patient: string, term: string): string {
  const found = a.faults;
  if (found.length === 0) return `${a.name}在对${patient}的诊疗过程中未见明显${term}。`;
  // A short finding reads as the fault itself; without one, name the conduct the fault lies in.
  if (found.length === 1) {
    const f = found[0]!;
    return `${a.name}在对${patient}的诊疗过程中存在${f.finding ? `${f.finding}的${term}` : `${f.conduct}方面的${term}`}。`;
  }
  const stated = found.map((f) => f.finding ?? `${f.conduct}方面的${term}`);
  return `${a.name}在对${patient}的诊疗过程中存在以下${term}：${stated.join('；')}。`;
}

/** `patient` is already prefixed: 患者张某某 or 被鉴定人张某某. Every commissioned institution is answered (Art. 24(4)). */
export function faultConclusion(answers: ModelInstitutionAnswer[], patient: string, term: string): string[] {
  if (answers.length === 0) return [term === '过错' ? `未发现医方在对${patient}的诊疗过程中存在医疗过错。` : `未发现医方在对${patient}的诊疗过程中存在${term}。`];
  return answers.map((a) => answerSentence(a, patient, term));
}

/**
 * Art. 24 para 3: the caveat first; a clinical judgement says so (临床考虑), an undetermined link does not.
 * When the clinical cause of death was stated just before (with the caveat), it is not repeated.
 */
function causationConclusion(c: ModelCausation, subject: string, term: string, deathStated: boolean): string {
  const clause = `${c.owner}的上述${term}与${subject}${c.consequence}之间${c.finding}。`;
  if (!c.caveat) return clause;
  if (c.clinical) return deathStated ? `依据临床资料，临床考虑${clause}` : `${c.caveat}；依据临床资料，临床考虑${clause}`;
  return `${c.caveat}，${clause}`;
}

export function composeConclusions(p: Parts): string[] {
  const out = faultConclusion(p.answers, `${p.subject}${p.patient.name}`, p.faultTerm);
  const anyFault = p.faults.some((f) => f.isFault);
  // Art. 24 para 3: a clinical determination of the cause of death is stated, with the caveat, before the causal finding.
  const clinicalDeath = Boolean(p.damage.death?.causeOfDeath && !p.damage.death.autopsy);
  if (clinicalDeath) out.push(`${p.damage.death!.statement}，影响对医疗${p.faultTerm}与损害后果之间作用的判断。`);
  if (anyFault) out.push(...p.causation.map((c) => causationConclusion(c, p.subject, p.faultTerm, clinicalDeath)));
  for (const x of p.damage.consequences) if (x.disabilityGrade || x.injuryDegree) out.push(`${x.statement}。`);
  const a = p.damage.accident;
  // 暂行办法 Art. 35: a case that is no accident says why.
  if (a) out.push(a.isAccident || !a.reason ? `${a.statement}。` : `${a.statement}。${a.reason.join('')}`);
  return out;
}
