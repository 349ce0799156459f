/** Who signs (落款): Art. 23 — every expert for a medical association; appraisers (and the reviewer) for a judicial institution. */
import { chineseDate } from '../domain/chineseDate.js';
import type { Case } from '../schema/case.js';
import type { ReportModel } from './model.js';

export function signatureOf(c: Case, isDraft: boolean): ReportModel['signature'] {
  const judicial = c.report.kind === 'judicial';
  const lines = judicial
    ? [
        ...c.appraisers.map((a) => ({ role: '司法鉴定人', name: a.name, note: `《司法鉴定人执业证》证号：${a.certificateNumber}` })),
        ...(c.reviewer ? [{ role: '复核人', name: c.reviewer.name, note: `《司法鉴定人执业证》证号：${c.reviewer.certificateNumber}` }] : []),
      ]
    : c.panel.experts.map((e) => ({ role: e.role === 'leader' ? '鉴定组长' : '专家组成员', name: e.name, note: e.title ? `${e.specialty} ${e.title}` : e.specialty }));
  return { lines, institution: c.institution.name, sealed: !isDraft, date: chineseDate(c.report.date) };
}
