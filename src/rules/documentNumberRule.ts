/** The document number follows 司法鉴定文书规范 conventions (formats.md); a malformed one is a warning. */
import { parseDocumentNumber } from '../domain/documentNumber.js';
import { SOURCES } from '../domain/sources.js';
import { warning, type Rule } from './rule.js';

export const documentNumberRule: Rule = (c) => {
  const text = c.report.documentNumber;
  const parts = parseDocumentNumber(text);
  const path = 'report.documentNumber';
  if (!parts) {
    return [warning('DOCNO_FORMAT', path, `文书编号「${text}」不符合${SOURCES.documentRules}的写法：机构简称＋〔四位年份〕或[四位年份]＋类别简称＋序号（不加虚位0），例如「苏某司鉴〔2026〕临鉴字第12号」`, `Document number "${text}" is malformed; expected e.g. 苏某司鉴〔2026〕临鉴字第12号`)];
  }
  const years = [Number(c.report.date.slice(0, 4)), Number(c.basicInfo.commission.acceptedDate.slice(0, 4))];
  if (!years.includes(parts.year)) {
    return [warning('DOCNO_YEAR', path, `文书编号中的年份 ${parts.year} 与受理或出具年份不符`, `The year ${parts.year} in the document number matches neither acceptance nor report year`)];
  }
  const short = c.institution.shortName;
  if (short && !parts.prefix.startsWith(short)) {
    return [warning('DOCNO_PREFIX', path, `文书编号应以机构简称「${short}」开头`, `The document number should start with the institution's short name "${short}"`)];
  }
  return [];
};
