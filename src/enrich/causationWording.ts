/**
 * How each kind of report words a causal finding (formats.md, "Wording patterns"):
 * medical associations speak of 原因力 (Art. 25 terms), judicial institutions of
 * 因果关系 and 参与度 (SF/T 0095 terms with Annex A ranges), accident appraisals of 责任程度.
 */
import { CAUSATION_TYPES, formatRange, responsibilityTerm, type CausationCode, type CausationOutcome } from '../domain/causation.js';
import { formatParticipation, isSuggested, parseParticipation, type Participation, type ParticipationInput } from '../domain/participation.js';
import type { ReportKind } from '../domain/reportKinds.js';

export interface CausationWording {
  /** 「存在因果关系」/「不存在因果关系」/「因果关系难以明确」 */
  link: string;
  /** The kind's term: 次要因素 (association), 次要作用 (judicial), 次要责任 (accident) — null without a link. */
  term: string | null;
  /** 「过错参与度（原因力）建议为30%（次要作用，参考范围16%–44%）」 — judicial only, null otherwise. */
  participationText: string | null;
  /** The participation stated: as given, the type's suggested value when asked for, or none. */
  participation: Participation | null;
  /** The full clause after 「医方的上述过错与{consequence}之间」. */
  clause: string;
}

/** SF/T 0095 §8.2 a, §8.3: participation is stated 「必要时」 — only when the case gives it or asks for the suggested value. */
function participationOf(outcome: CausationOutcome, given: ParticipationInput | undefined): Participation | null {
  if (outcome === 'undetermined' || outcome === 'none' || given === undefined) return null;
  if (isSuggested(given)) return { kind: 'value', value: CAUSATION_TYPES[outcome].suggested };
  return parseParticipation(given);
}

/** The kind's own term for a causation type: 次要因素 (association), 次要作用 (judicial), 次要责任 (accident). */
export function termFor(kind: ReportKind, outcome: CausationOutcome): string | null {
  if (outcome === 'none' || outcome === 'undetermined') return null;
  const t = CAUSATION_TYPES[outcome];
  if (kind === 'judicial') return t.sftTerm;
  if (kind === 'accident') return responsibilityTerm(outcome) ?? t.sftTerm;
  return t.art25Term;
}

/** `combined`: several institutions' faults acting together — the finding is their joint one (共同、综合). */
function linkedClause(kind: ReportKind, outcome: CausationCode, participation: Participation | null, suggested: boolean, combined: boolean): Omit<CausationWording, 'link' | 'participation'> {
  const type = CAUSATION_TYPES[outcome];
  const term = termFor(kind, outcome)!;
  const [together, overall] = combined ? ['各医疗过错共同', '综合'] : ['医疗过错', ''];
  if (kind === 'judicial') {
    if (!participation) return { term, participationText: null, clause: `存在因果关系，${together}起${type.sftTerm}` };
    const verb = suggested ? '建议为' : '为';
    const value = formatParticipation(participation);
    const participationText = `${overall}过错参与度（原因力）${verb}${value}（${type.sftTerm}，${formatRange(type)}）`;
    return { term, participationText, clause: `存在因果关系，${together}起${type.sftTerm}，${overall}过错参与度（原因力）${verb}${value}（参考范围${formatRange(type)}）` };
  }
  // The accident route states the 责任程度 once, in its own part and with the grade (暂行办法 Art. 35, 36).
  if (kind === 'accident') return { term, participationText: null, clause: '存在因果关系' };
  const shown = participation ? `（参与度${formatParticipation(participation)}）` : '';
  return { term, participationText: null, clause: `存在因果关系，${overall}原因力大小为${term}${shown}` };
}

/**
 * One institution's own share within a combined finding: 「某医院的过错起次要作用，过错参与度为30%」
 * (judicial), 「某医院的过错为次要因素（参与度30%）」 (association). Accident appraisals state each
 * institution's 责任程度 with the grade instead, so they have none here.
 */
export function shareClause(kind: ReportKind, name: string, outcome: CausationOutcome, given?: ParticipationInput): string | null {
  if (kind === 'accident') return null;
  if (outcome === 'none') return `${name}的过错与损害后果之间不存在因果关系`;
  if (outcome === 'undetermined') return `${name}的过错的原因力大小难以明确`;
  const p = participationOf(outcome, given);
  const value = p ? formatParticipation(p) : null;
  if (kind === 'judicial') return `${name}的过错起${CAUSATION_TYPES[outcome].sftTerm}${value ? `，过错参与度${isSuggested(given) ? '建议为' : '为'}${value}` : ''}`;
  return `${name}的过错为${CAUSATION_TYPES[outcome].art25Term}${value ? `（参与度${value}）` : ''}`;
}

export function causationWording(kind: ReportKind, outcome: CausationOutcome, given?: ParticipationInput, inInjuryAssessment = false, combined = false): CausationWording {
  if (outcome === 'undetermined') {
    return { link: '因果关系难以明确', term: null, participationText: null, participation: null, clause: '的因果关系及原因力大小难以明确' };
  }
  if (outcome === 'none') {
    return { link: '不存在因果关系', term: null, participationText: null, participation: null, clause: '不存在因果关系' };
  }
  const participation = inInjuryAssessment ? null : participationOf(outcome, given);
  return { link: '存在因果关系', participation, ...linkedClause(kind, outcome, participation, isSuggested(given), combined) };
}
