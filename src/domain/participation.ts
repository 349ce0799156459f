/**
 * Participation degree (参与度) as practice states it: a single value (30%), a range (10%~20%)
 * or an upper bound (不超过40%). Parsing lives here so rules and wording agree.
 */
export type Participation =
  | { kind: 'value'; value: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'upTo'; max: number };

export type ParticipationInput = number | string | { min?: number; max: number };

/** `participation: suggested` asks for the type's suggested value (SF/T 0095 Annex A); absent means none is stated. */
export const SUGGESTED_WORDS = ['suggested', '建议值'] as const;
export function isSuggested(input: ParticipationInput | undefined): boolean {
  return typeof input === 'string' && (SUGGESTED_WORDS as readonly string[]).includes(input.trim());
}

const NUM = String.raw`(\d{1,3}(?:\.\d+)?)\s*%?`;
const RANGE_RE = new RegExp(`^${NUM}\\s*(?:~|～|-|–|—|至|到)\\s*${NUM}$`);
const UPTO_RE = new RegExp(`^(?:不超过|不高于|不大于|≤|<=|最高)\\s*${NUM}$`);
const VALUE_RE = new RegExp(`^${NUM}$`);

/** Returns null when the text is not a participation expression. */
export function parseParticipation(input: ParticipationInput): Participation | null {
  if (typeof input === 'number') return { kind: 'value', value: input };
  if (typeof input === 'object') {
    return input.min === undefined ? { kind: 'upTo', max: input.max } : { kind: 'range', min: input.min, max: input.max };
  }
  const text = input.trim().replace(/％/g, '%');
  let m = RANGE_RE.exec(text);
  if (m) return { kind: 'range', min: Number(m[1]), max: Number(m[2]) };
  m = UPTO_RE.exec(text);
  if (m) return { kind: 'upTo', max: Number(m[1]) };
  m = VALUE_RE.exec(text);
  if (m) return { kind: 'value', value: Number(m[1]) };
  return null;
}

/** The numbers that must lie inside the type's band. An upper bound is checked at its bound only. */
export function participationEnds(p: Participation): number[] {
  switch (p.kind) {
    case 'value': return [p.value];
    case 'range': return [p.min, p.max];
    case 'upTo': return [p.max];
  }
}

export function formatParticipation(p: Participation): string {
  switch (p.kind) {
    case 'value': return `${p.value}%`;
    // GB/T 15834—2011 §4.16: one range mark, the wave dash, throughout.
    case 'range': return `${p.min}%～${p.max}%`;
    case 'upTo': return `不超过${p.max}%`;
  }
}
