/** jianding causation: the causation / participation reference table. */
import { CAUSATION_CODES, CAUSATION_TYPES, formatRange, responsibilityTerm } from '../../domain/causation.js';
import { SOURCES } from '../../domain/sources.js';

export function causationTable(): string {
  const header = ['代码', '《办法》第二十五条', 'SF/T 0095 §7', '医疗事故责任', '参与度范围', '建议值', '含义'];
  const rows = CAUSATION_CODES.map((code) => {
    const c = CAUSATION_TYPES[code];
    return [code, c.art25Term, c.sftTerm, responsibilityTerm(code) ?? '—', formatRange(c), `${c.suggested}%`, c.meaning];
  });
  rows.push(['undetermined', '难以明确', '—', '—', '不给出', '—', '因果关系及原因力大小难以明确（常见于死亡未尸检）']);
  const lines = [header, ...rows].map((r) => r.join('\t'));
  return [
    `原因力与过错参与度（${SOURCES.measures}第二十五条；${SOURCES.sft0095}第7章、附录A）`,
    ...lines,
    '参与度可写作单一数值（30%）、范围（10%～20%）或上限（不超过40%），两端均须在该类型的范围之内；写 suggested 取建议值，不填则文书不写参与度。',
  ].join('\n');
}
