/**
 * The people who act for the patient: printed under the patient where the document names the
 * parties, and named by their capacity when they attend the hearing without a role of their own.
 */
import type { Case } from '../schema/case.js';

export const CAPACITY_NAMES = { guardian: '监护人', relative: '近亲属', agent: '委托代理人' } as const;
type Capacity = keyof typeof CAPACITY_NAMES;
type Representative = Case['basicInfo']['representatives'][number];

const described = (r: Representative) => (r.relationship ? `${r.name}（${r.relationship}）` : r.name);

/** 「监护人：王某某（患儿之母）」 — one line per capacity, in the order guardian, relatives, agent. */
export function representativeLines(c: Case): { label: string; people: string }[] {
  const all = c.basicInfo.representatives;
  return (Object.keys(CAPACITY_NAMES) as Capacity[])
    .map((k) => ({ label: k === 'relative' ? '患方（近亲属）' : CAPACITY_NAMES[k], people: all.filter((r) => r.capacity === k).map(described).join('、') }))
    .filter((x) => x.people);
}

/** A patient-side attendee recorded as a representative reads 「王某某（监护人，患儿之母）」 when no role is given. */
export function patientSideWithRoles(c: Case): Case['process']['hearing']['patientSide'] {
  return c.process.hearing.patientSide.map((p) => {
    const r = c.basicInfo.representatives.find((x) => x.name === p.name);
    if (p.role || !r) return p;
    return { ...p, role: [CAPACITY_NAMES[r.capacity], r.relationship].filter(Boolean).join('，') };
  });
}
