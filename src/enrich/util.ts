/** Small helpers shared by the enrichment modules. */
import type { Case } from '../schema/case.js';

/** The report model says null, never undefined (strict templates tell the two apart). */
export const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A medical institution's name from its id in the case file. */
export function institutionName(c: Case, id: string | undefined): string | null {
  return id === undefined ? null : (c.basicInfo.medicalInstitutions.find((m) => m.id === id)?.name ?? id);
}
