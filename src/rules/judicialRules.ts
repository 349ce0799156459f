/** Judicial appraisal institutions: Jiangsu measures Art. 23 and the 司法鉴定程序通则. */
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error, warning, type Rule } from './rule.js';

export const judicialRules: Rule = (c) => {
  if (c.report.kind !== 'judicial') return [];
  const out: Diagnostic[] = [];
  if (c.appraisers.length < 2) {
    out.push(error('JUDICIAL_APPRAISERS', 'appraisers', `依据${SOURCES.judicialProcedure}，司法鉴定应由两名以上司法鉴定人进行并签名，现为${c.appraisers.length}名`, `At least two appraisers must sign a judicial opinion (now ${c.appraisers.length})`));
  }
  if (!c.institution.licenceNumber) {
    out.push(warning('JUDICIAL_LICENCE_MISSING', 'institution.licenceNumber', `司法鉴定意见书封面应载明司法鉴定许可证号（${SOURCES.documentRules}）`, 'The cover of a judicial opinion shows the licence number'));
  }
  c.panel.experts.forEach((e, i) => {
    const path = `panel.experts[${i}].consultation`;
    if (!e.consultation) {
      out.push(error('JUDICIAL_CONSULTATION_MISSING', path, `依据${SOURCES.measures}第二十三条，意见书应附参加听证会的专家签名的咨询意见；专家${e.name}缺少咨询意见`, `Jiangsu measures Art. 23: expert ${e.name} has no consultation opinion`));
    } else if (e.consultation.agrees !== true && e.consultation.agrees !== 'agrees' && !e.consultation.appraiserResponse?.length) {
      out.push(error('JUDICIAL_DISSENT_UNEXPLAINED', `${path}.appraiserResponse`, `依据${SOURCES.measures}第二十三条，鉴定人与专家${e.name}的咨询意见不一致（含部分采纳）的，应当进行针对性分析并在意见书中说明`, `Jiangsu measures Art. 23: the appraisers must explain why they depart from expert ${e.name}`));
    }
  });
  return out;
};
