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
