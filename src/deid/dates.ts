/**
 * Dates. A date of birth becomes an age (structured) or a year (in text): the exact day is
 * personal data, the age is what the opinion needs. The case's own dates may all move by the
 * same number of days (an option), so every interval the opinion reasons about stays true.
 */
import type { Span } from './spans.js';
import { fold } from './text.js';

const DAY = 86_400_000;

/** ISO YYYY-MM-DD moved by n days (UTC arithmetic: no time zone or DST can shift it). */
export function shiftIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole years between a birth date and a day. */
export function ageAt(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const BIRTH_LABELLED = /(?:出生日期|出生年月日|出生年月|出生于|生于|生日)[:： ]*(?:为|是)?[ ]*((\d{4})(?:年|-|\.|\/)\d{1,2}(?:月|-|\.|\/)\d{1,2}日?)/dg;
const BIRTH_BEFORE = /((\d{4})(?:年|-|\.|\/)\d{1,2}(?:月|-|\.|\/)\d{1,2}日?)(?=出生|生人|生，|生。)/dg;

/** Dates of birth in text → their year: 1990年3月5日出生 → 1990年出生. */
export function findBirthDates(original: string, folded: string): Span[] {
  const spans: Span[] = [];
  for (const re of [BIRTH_LABELLED, BIRTH_BEFORE]) {
    for (const m of folded.matchAll(re)) {
      const at = m.indices![1]!;
      spans.push({ start: at[0], end: at[1], category: 'birthDate', text: original.slice(at[0], at[1]), replacement: `${m[2]}年` });
    }
  }
  return spans;
}

/** 04 stays two digits, 4 stays one: the date keeps the way it was written. */
const pad = (n: number, like: string) => (like.length === 2 && like.startsWith('0') ? String(n).padStart(2, '0') : String(n));

/**
 * Dates written in text moved by n days, in the form they were written: 2025年4月7日, 2025-04-07,
 * 2025.4.7, and 4月8日 (its year taken from the last full date before it, else `year`).
 * A date of birth was already replaced by its year, so it is not moved.
 */
export function shiftTextDates(s: string, days: number, year: number): string {
  if (!days) return s;
  let lastYear = year;
  // Full-width digits (２０２５年４月７日) are dates too; the moved date is written in ASCII digits.
  return s.replace(/(?:([0-9０-９]{4})(年|-|\.|\/))?([0-9０-９]{1,2})(月|-|\.|\/)([0-9０-９]{1,2})(?=日|[^0-9０-９]|$)/g, (all, fy: string | undefined, sep1: string | undefined, fm: string, sep2: string, fd: string, offset: number) => {
    const [y, m, d] = [fy && fold(fy), fold(fm), fold(fd)];
    if (!y && (sep2 !== '月' || /[0-9０-９]/.test(s[offset - 1] ?? ''))) return all;
    if (y && sep1 !== (sep2 === '月' ? '年' : sep2)) return all;
    const base = y ? Number(y) : lastYear;
    if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return all;
    const moved = shiftIso(`${base}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, days);
    const [ny, nm, nd] = moved.split('-').map(Number) as [number, number, number];
    if (y) lastYear = Number(y);
    const md = `${pad(nm, m)}${sep2}${pad(nd, d)}`;
    return y ? `${ny}${sep1}${md}` : md;
  });
}
