/**
 * Which fault items answer for which medical institution. A fault item names its institution;
 * one without a name can only stand for the case's sole commissioned institution.
 */
import type { Case } from './case.js';

type Institution = Case['basicInfo']['medicalInstitutions'][number];
type FaultItem = Case['faultAnalysis']['items'][number];

export const commissionedInstitutions = (c: Case): Institution[] => c.basicInfo.medicalInstitutions.filter((m) => m.commissioned);

/** The fault items that answer for an institution (Art. 24(4)). */
export function faultItemsFor(c: Case, institutionId: string): FaultItem[] {
  const commissioned = commissionedInstitutions(c);
  const sole = commissioned.length === 1 && commissioned[0]!.id === institutionId;
  return c.faultAnalysis.items.filter((f) => f.institution === institutionId || (f.institution === undefined && sole));
}

/** The institution a fault item answers for: its own, or the sole commissioned one when it names none. */
export function institutionOf(c: Case, f: FaultItem): string | undefined {
  if (f.institution !== undefined) return f.institution;
  const commissioned = commissionedInstitutions(c);
  return commissioned.length === 1 ? commissioned[0]!.id : undefined;
}

/** The institutions whose established faults a causation item analyses (an empty list: every fault). */
export function faultedInstitutions(c: Case, faultIds: string[]): string[] {
  const cited = c.faultAnalysis.items.filter((f) => f.isFault && (faultIds.length === 0 || faultIds.includes(f.id)));
  return [...new Set(cited.map((f) => institutionOf(c, f)).filter((id): id is string => id !== undefined))];
}
