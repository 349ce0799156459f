/**
 * Jiangsu measures Art. 24 para 3: death without autopsy. The opinion must say that the cause
 * of death is unknown and, where a clinical judgement is made, carry one of these words.
 */
export const CLINICAL_JUDGEMENT_WORDS = ['临床判定', '临床考虑', '依据临床资料'] as const;

export const AUTOPSY_CAVEAT =
  '患者死亡后未行尸体解剖，死亡原因不能明确，影响对医疗过错行为与患者损害后果之间作用的判断';

export function needsAutopsyCaveat(death: { autopsy: boolean } | undefined): boolean {
  return death !== undefined && !death.autopsy;
}

export function hasClinicalJudgementWording(text: string): boolean {
  return CLINICAL_JUDGEMENT_WORDS.some((w) => text.includes(w));
}

/** The case's own text already says that no autopsy was done (「未行尸体解剖」「家属拒绝尸检」…). */
const NO_AUTOPSY = /(?:未|没有|拒绝|不同意)(?:行|作|做|进行|经)?(?:尸体解剖|尸检)/u;

export function statesNoAutopsy(text: string): boolean {
  return NO_AUTOPSY.test(text);
}
