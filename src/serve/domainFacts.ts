/**
 * The domain facts the workbench's form shows (participation ranges and suggested values,
 * Chinese names of the enumerations): read from `domain/`, the single place that knows them,
 * so the browser never keeps a copy of a rule.
 */
import { CAUSATION_TYPES, RESPONSIBILITY_DEGREES } from '../domain/causation.js';
import { ACCIDENT_GRADES, INJURY_DEGREES } from '../domain/grades.js';
import { APPRAISAL_TYPES, APPRAISAL_TYPES_BY_KIND, COMMISSION_SETTINGS, REPORT_KINDS } from '../domain/reportKinds.js';

export function domainFacts() {
  return {
    reportKinds: Object.fromEntries(Object.entries(REPORT_KINDS).map(([code, k]) => [code, k.name])),
    appraisalTypes: APPRAISAL_TYPES,
    appraisalTypesByKind: APPRAISAL_TYPES_BY_KIND,
    commissionSettings: COMMISSION_SETTINGS,
    causation: Object.values(CAUSATION_TYPES).map((t) => ({ code: t.code, association: t.art25Term, judicial: t.sftTerm, meaning: t.meaning, min: t.min, max: t.max, suggested: t.suggested })),
    responsibility: RESPONSIBILITY_DEGREES,
    accidentGrades: ACCIDENT_GRADES.map((g) => ({ code: g.code, name: g.name, disabilityGrade: g.disabilityGrade })),
    injuryDegrees: INJURY_DEGREES,
  };
}
