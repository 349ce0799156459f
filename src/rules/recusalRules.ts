/**
 * Art. 18 recusal by structure: an expert is linked to the case through the institution id they
 * work at, an affiliation that names a treating institution (with a department or campus after it),
 * a treating doctor the record names, or a person who attends the hearing for either side.
 */
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, type Rule } from './rule.js';

const M = SOURCES.measures;
type Expert = Case['panel']['experts'][number];

/** Spelling differences that do not make another institution: width, spaces, brackets, a campus in brackets. */
export function normaliseInstitution(name: string): string {
  return name.normalize('NFKC').replace(/[（(][^）)]*[）)]/gu, '').replace(/[\s·.,，、]/gu, '');
}

/** The treating institution an affiliation names: 「某市第二人民医院骨科」 works at 「某市第二人民医院」. */
function treatingInstitution(c: Case, e: Expert) {
  if (e.institution !== undefined) return c.basicInfo.medicalInstitutions.find((m) => m.id === e.institution) ?? null;
  if (!e.affiliation) return null;
  const affiliation = normaliseInstitution(e.affiliation);
  return c.basicInfo.medicalInstitutions.find((m) => affiliation.startsWith(normaliseInstitution(m.name))) ?? null;
}

/** Who else the case names: treating doctors (Art. 18(5)) and the parties' attendees (Art. 18(1)). */
function namedRole(c: Case, name: string): string | null {
  const t = c.basicInfo.treatment.find((x) => x.doctors?.includes(name));
  if (t) return `病历记载的经治医师（${c.basicInfo.medicalInstitutions.find((m) => m.id === t.institution)?.name ?? t.institution}），参与过本案的治疗（第十八条第（五）项）`;
  const h = c.process.hearing;
  if (h.medicalSide.some((p) => p.name === name)) return '医方到会人员，是医患一方（第十八条第（一）项）';
  if (h.patientSide.some((p) => p.name === name)) return '患方到会人员，是医患一方或其近亲属（第十八条第（一）项）';
  return null;
}

function expertRecusal(c: Case, e: Expert, i: number): Diagnostic[] {
  const path = `panel.experts[${i}]`;
  if (e.involvedInCase) {
    return [error('PANEL_RECUSAL', `${path}.involvedInCase`, `依据${M}第十八条第（五）项，专家${e.name}参与过本案的咨询、治疗、会诊、听证、鉴定或质证，应当回避`, `Jiangsu measures Art. 18(5): expert ${e.name} took part in the case and must withdraw`)];
  }
  const m = treatingInstitution(c, e);
  if (m) {
    return [error('PANEL_RECUSAL', `${path}.${e.institution !== undefined ? 'institution' : 'affiliation'}`,
      `依据${M}第十八条第（二）项，专家${e.name}的工作单位${e.affiliation ? `「${e.affiliation}」` : ''}属涉案医疗机构「${m.name}」，与医疗损害争议有利害关系，应当回避`,
      `Jiangsu measures Art. 18: expert ${e.name} works at the treating institution ${m.id} (${m.name}) and must withdraw`)];
  }
  const role = namedRole(c, e.name);
  return role ? [error('PANEL_RECUSAL', `${path}.name`, `依据${M}第十八条，专家${e.name}是本案${role}，应当回避`, `Jiangsu measures Art. 18: expert ${e.name} is named in the case (${role}) and must withdraw`)] : [];
}

export const recusalRules: Rule = (c) => c.panel.experts.flatMap((e, i) => expertRecusal(c, e, i));
