/**
 * The document number follows 司法鉴定文书规范 conventions (formats.md); a malformed one is a warning.
 * The year goes in 六角括号 〔〕 (GB/T 9704—2012 §7.2.4); square brackets — the 2007 model's [2026],
 * ［2026］, 【2026】 — are read but warned about, so an institution that keeps them can raise or note it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocumentNumber, wrongYearBrackets } from '../domain/documentNumber.js';
import { SOURCES } from '../domain/sources.js';
import { describePath } from '../schema/labels.js';
import { warning, type Rule } from './rule.js';

const PATH = 'report.documentNumber';

function brackets(text: string): Diagnostic[] {
  const wrong = wrongYearBrackets(text);
  if (!wrong) return [];
  const right = `〔${wrong.slice(1, -1)}〕`;
  return [warning('DOCNO_BRACKET', PATH,
    `${describePath(PATH)}「${text}」中的年份写作「${wrong}」，应使用六角括号「${right}」（${SOURCES.officialDocumentFormat}第7.2.4条：年份应标全称，用六角括号“〔〕”括入），不用方括号或方头括号`,
    `The year in document number "${text}" is bracketed as "${wrong}"; GB/T 9704—2012 §7.2.4 asks for "${right}"`)];
}

export const documentNumberRule: Rule = (c) => {
  const text = c.report.documentNumber;
  const parts = parseDocumentNumber(text);
  const out = brackets(text);
  if (!parts) {
    return [...out, warning('DOCNO_FORMAT', PATH, `文书编号「${text}」不符合${SOURCES.documentRules}的写法：机构简称＋〔四位年份〕＋类别简称＋序号（不加虚位0），例如「苏某司鉴〔2026〕临鉴字第12号」`, `Document number "${text}" is malformed; expected e.g. 苏某司鉴〔2026〕临鉴字第12号`)];
  }
  const years = [Number(c.report.date.slice(0, 4)), Number(c.basicInfo.commission.acceptedDate.slice(0, 4))];
  if (!years.includes(parts.year)) {
    return [...out, warning('DOCNO_YEAR', PATH, `文书编号中的年份 ${parts.year} 与受理或出具年份不符`, `The year ${parts.year} in the document number matches neither acceptance nor report year`)];
  }
  const short = c.institution.shortName;
  if (short && !parts.prefix.startsWith(short)) {
    return [...out, warning('DOCNO_PREFIX', PATH, `文书编号应以机构简称「${short}」开头`, `The document number should start with the institution's short name "${short}"`)];
  }
  return out;
};
