/** The expert panel: Jiangsu measures Art. 12 (size, main specialty), 17 (forensic expert), 18 (recusal, recusalRules.ts), 33 (specialties). */
import { CATALOGUE_SOURCE } from '../domain/clinicalDepartments.js';
import { FORENSIC_SPECIALTY, isListedSpecialty } from '../domain/specialties.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { recusalRules } from './recusalRules.js';
import { error, warning, type Rule } from './rule.js';

const M = SOURCES.measures;

function size(c: Case): Diagnostic[] {
  const n = c.panel.experts.length;
  if (n >= 3 && n % 2 === 1) return [];
  return [error('PANEL_SIZE', 'panel.experts', `依据${M}第十二条，专家人数应为3名以上单数，现为${n}名`, `Jiangsu measures Art. 12: the panel needs an odd number of 3 or more experts (now ${n})`)];
}

function mainSpecialty(c: Case): Diagnostic[] {
  const n = c.panel.experts.length;
  const main = c.panel.experts.filter((e) => e.specialty === c.panel.mainSpecialty).length;
  if (n === 0 || main * 2 >= n) return [];
  return [error('PANEL_MAIN_SPECIALTY', 'panel.mainSpecialty',
    `依据${M}第十二条，涉及多学科专业的，主要学科专业（${c.panel.mainSpecialty}）的专家不得少于专家组成员的二分之一，现为${main}/${n}`,
    `Jiangsu measures Art. 12: experts of the main specialty must be at least half the panel (now ${main}/${n})`)];
}

function leader(c: Case): Diagnostic[] {
  if (c.report.kind === 'judicial') return [];
  const leaders = c.panel.experts.filter((e) => e.role === 'leader').length;
  if (leaders === 1) return [];
  return [error('PANEL_LEADER', 'panel.experts', `依据${M}第十二条，医学会鉴定听证会由鉴定组长主持，专家组应有且只有一名鉴定组长（role: leader），现为${leaders}名`, `Jiangsu measures Art. 12: exactly one panel leader is required (now ${leaders})`)];
}

function forensic(c: Case): Diagnostic[] {
  if (c.report.kind === 'judicial') return [];
  const needs = c.damage.death !== undefined || c.damage.consequences.some((x) => x.disabilityGrade !== undefined);
  if (!needs || c.panel.experts.some((e) => e.specialty === FORENSIC_SPECIALTY)) return [];
  return [error('PANEL_FORENSIC', 'panel.experts', `依据${M}第十七条第二款，医学会进行医疗损害鉴定涉及死亡原因、伤残评定的，应当有法医参与；专家组中没有法医学专家`, 'Jiangsu measures Art. 17: a forensic expert must take part when death or disability is assessed')];
}

function specialties(c: Case): Diagnostic[] {
  return c.panel.experts.flatMap((e, i) => isListedSpecialty(e.specialty) ? [] : [warning('PANEL_SPECIALTY_UNLISTED', `panel.experts[${i}].specialty`,
    `专业「${e.specialty}」不在${M}第三十三条所列专业类别中，也不是${CATALOGUE_SOURCE}中的诊疗科目，请核对名称（如「普外科」「心血管内科」「重症医学科」）`,
    `Specialty "${e.specialty}" is not among those listed in Art. 33`)]);
}

export const panelRules: Rule = (c) => [...size(c), ...mainSpecialty(c), ...leader(c), ...forensic(c), ...specialties(c), ...recusalRules(c)];
