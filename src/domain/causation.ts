/**
 * Causal share of a medical fault in the damage (原因力 / 参与度).
 * Single source for: Jiangsu measures Art. 25 terms, SF/T 0095—2021 §7 terms,
 * Annex A.1 participation ranges and suggested values, and the aliases users write.
 */
/** Responsibility degrees of a medical accident appraisal (医疗事故处理条例; four levels, seed 000). */
export const RESPONSIBILITY_DEGREES = { complete: '完全责任', major: '主要责任', minor: '次要责任', slight: '轻微责任' } as const;
export type ResponsibilityDegree = keyof typeof RESPONSIBILITY_DEGREES;

export const CAUSATION_CODES = ['complete', 'major', 'equal', 'minor', 'slight', 'none'] as const;
export type CausationCode = (typeof CAUSATION_CODES)[number];
/** A panel may also find the link and its share impossible to determine (「难以明确」). */
export type CausationOutcome = CausationCode | 'undetermined';

export interface CausationType {
  code: CausationCode;
  /** Jiangsu measures Art. 25 term, used by medical associations. */
  art25Term: string;
  /** SF/T 0095—2021 §7 term, used by judicial appraisal institutions. */
  sftTerm: string;
  /** Art. 25 meaning, quoted in reference tables. */
  meaning: string;
  min: number;
  max: number;
  suggested: number;
}

export const CAUSATION_TYPES: Record<CausationCode, CausationType> = {
  complete: { code: 'complete', art25Term: '完全因素', sftTerm: '完全作用', meaning: '患者损害后果完全由医疗过错行为造成', min: 96, max: 100, suggested: 100 },
  major: { code: 'major', art25Term: '主要因素', sftTerm: '主要作用', meaning: '患者损害后果主要由医疗过错行为造成，其他因素起次要作用', min: 56, max: 95, suggested: 75 },
  equal: { code: 'equal', art25Term: '同等因素', sftTerm: '同等作用', meaning: '医疗过错行为和其他因素难分主次', min: 45, max: 55, suggested: 50 },
  minor: { code: 'minor', art25Term: '次要因素', sftTerm: '次要作用', meaning: '患者损害后果主要由其他因素造成，医疗过错行为起次要作用', min: 16, max: 44, suggested: 30 },
  slight: { code: 'slight', art25Term: '轻微因素', sftTerm: '轻微作用', meaning: '患者损害后果主要由其他因素造成，医疗过错行为起轻微作用', min: 5, max: 15, suggested: 10 },
  none: { code: 'none', art25Term: '无因果关系', sftTerm: '没有作用', meaning: '患者损害后果与医疗过错行为无关', min: 0, max: 4, suggested: 0 },
};

/** Words users actually write for each outcome; matched after trimming. */
export const CAUSATION_ALIASES: Record<string, CausationOutcome> = {
  完全因素: 'complete', 完全作用: 'complete', 完全原因: 'complete', 全部因素: 'complete', 全部: 'complete', 完全责任: 'complete',
  主要因素: 'major', 主要作用: 'major', 主要原因: 'major', 主要责任: 'major',
  同等因素: 'equal', 同等作用: 'equal', 同等原因: 'equal', 同等责任: 'equal',
  次要因素: 'minor', 次要作用: 'minor', 次要原因: 'minor', 次要责任: 'minor',
  轻微因素: 'slight', 轻微作用: 'slight', 轻微原因: 'slight', 轻微责任: 'slight',
  无因果关系: 'none', 没有作用: 'none', 无: 'none', 不存在因果关系: 'none',
  难以明确: 'undetermined', 无法确定: 'undetermined', 难以确定: 'undetermined',
};

/** The accident appraisal's responsibility degree for a causation type; 同等 has none of its own. */
export function responsibilityTerm(code: CausationCode): string | null {
  return code in RESPONSIBILITY_DEGREES ? RESPONSIBILITY_DEGREES[code as ResponsibilityDegree] : null;
}

export function hasCausalLink(outcome: CausationOutcome): boolean {
  return outcome !== 'none' && outcome !== 'undetermined';
}

export function formatRange(t: CausationType): string {
  return `${t.min}%～${t.max}%`;
}
