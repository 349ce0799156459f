/**
 * Dates as people write them in Chinese documents — 2026/3/5, 2026.3.5, 2026-3-5, 2026年3月5日,
 * with full-width digits too — read into their parts, so that the case file can take them
 * (normalise.ts) and an impossible day is explained rather than just refused (primitives.ts).
 */
import { DateTime } from '../domain/dateTime.js';

export interface DateParts { year: number; month: number; day: number }

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** One separator used twice, or the 年月日 form; spaces around the parts are tolerated. */
const LOOSE = /^(\d{4})\s*(?:([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/;

/** Full-width digits and separators (２０２６／３／５) as their ASCII forms. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF0F\uFF0D]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The parts of a date written in any accepted form, ISO included; undefined when it is no date at all. */
export function dateParts(text: string): DateParts | undefined {
  const m = LOOSE.exec(halfWidth(text.trim()));
  if (!m) return undefined;
  const [month, day] = m[2] ? [m[3], m[4]] : [m[5], m[6]];
  return { year: Number(m[1]), month: Number(month), day: Number(day) };
}

export function isoOf(p: DateParts): string {
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function isRealDay(p: DateParts): boolean {
  return DateTime.fromObject(p).isValid;
}

/**
 * A date written another way that names a real day, as YYYY-MM-DD; undefined for ISO text
 * (nothing to do) and for anything that is not a real day (left for the schema to refuse).
 */
export function looseDateToIso(text: string): string | undefined {
  if (ISO.test(text)) return undefined;
  const p = dateParts(text);
  return p && isRealDay(p) ? isoOf(p) : undefined;
}

/** Why a date string is refused, in Chinese: the impossible day named, or the form to use. */
export function badDateReason(text: string): string {
  const p = dateParts(text);
  if (!p) return `「${text}」不是日期：日期应写作 YYYY-MM-DD（例如 2026-03-05）`;
  if (p.month < 1 || p.month > 12) return `「${text}」不是有效的日期：没有 ${p.month} 月`;
  const last = DateTime.fromObject({ year: p.year, month: p.month }).daysInMonth ?? 31;
  return `「${text}」不是有效的日期：${p.year} 年 ${p.month} 月只有 ${last} 天`;
}
