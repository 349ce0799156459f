/**
 * Art. 24(4): the opinion answers the commissioned question for every institution the commission
 * names — one that is not at fault is said to be so, not passed over in silence.
 */
import { SOURCES } from '../domain/sources.js';
import { commissionedInstitutions, faultItemsFor } from '../schema/institutions.js';
import { error, type Rule } from './rule.js';

export const institutionRules: Rule = (c) =>
  commissionedInstitutions(c)
    .filter((m) => faultItemsFor(c, m.id).length === 0)
    .map((m) => {
      const i = c.basicInfo.medicalInstitutions.indexOf(m);
      return error('INSTITUTION_NOT_ANALYSED', `basicInfo.medicalInstitutions[${i}]`,
        `被鉴定的医疗机构「${m.name}」（${m.id}）没有任何过错分析条目：依据${SOURCES.measures}第二十四条第一款第（四）项，鉴定意见须逐一回答每一被鉴定医疗机构有无过错，` +
          `未发现过错的也应分析并写明（isFault: false）；该机构仅记载诊疗经过、不属委托鉴定对象的，将 commissioned 设为 false`,
        `Commissioned institution ${m.id} (${m.name}) has no fault analysis item (Jiangsu measures Art. 24(4)); add one (isFault false if without fault) or set commissioned: false`);
    });
