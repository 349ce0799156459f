/**
 * Working days under China's State Council holiday arrangements, with 调休 make-up days.
 * The data comes from the maintained `chinese-days` package; years it does not cover fall
 * back to Monday–Friday and are reported by `isCovered`, so rules can warn.
 *
 * Counting is arithmetic — Monday–Friday days in closed form, then each covered year's
 * exceptions (weekday holidays, weekend make-up days) — so a span of a century costs no more
 * than a span of a week. The results equal a day-by-day walk over `isWorkingDay`.
 */
import chineseDays from 'chinese-days';
import { DateTime } from './dateTime.js';
import { dayNumber, isoOfDay, weekdaysThrough } from './dayNumbers.js';

const { isWorkday } = chineseDays;
const FIRST_YEAR = 2004;
let lastYear: number | undefined;

function coveredLastYear(): number {
  if (lastYear === undefined) {
    // The package keeps one entry per year; probe the newest year that has any holiday.
    let y = DateTime.now().year + 5;
    while (y > FIRST_YEAR && chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length === 0) y--;
    lastYear = y;
  }
  return lastYear;
}

export function isCovered(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= FIRST_YEAR && year <= coveredLastYear();
}

export function isWorkingDay(iso: string): boolean {
  if (isCovered(iso)) return isWorkday(iso);
  return DateTime.fromISO(iso).weekday <= 5;
}

/** Where a covered year departs from Monday–Friday: +1 for a weekend make-up day, −1 for a weekday holiday. */
interface Exception { day: number; delta: 1 | -1 }
const exceptionsByYear = new Map<number, Exception[]>();

function exceptionsOf(year: number): Exception[] {
  let found = exceptionsByYear.get(year);
  if (!found) {
    found = [];
    for (let day = dayNumber(`${year}-01-01`), end = dayNumber(`${year}-12-31`); day <= end; day++) {
      const weekday = weekdaysThrough(day) !== weekdaysThrough(day - 1);
      const working = isWorkday(isoOfDay(day));
      if (working !== weekday) found.push({ day, delta: working ? 1 : -1 });
    }
    exceptionsByYear.set(year, found);
  }
  return found;
}

/** Working days strictly after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  let n = weekdaysThrough(b) - weekdaysThrough(a);
  const first = Math.max(FIRST_YEAR, Number(from.slice(0, 4)));
  const last = Math.min(coveredLastYear(), Number(to.slice(0, 4)));
  for (let year = first; year <= last; year++) {
    for (const e of exceptionsOf(year)) if (e.day > a && e.day <= b) n += e.delta;
  }
  return n;
}

/** The date that is `n` working days after `from`: the first day on which the count reaches n. */
export function addWorkingDays(from: string, n: number): string {
  if (n <= 0) return from;
  const start = dayNumber(from);
  const count = (day: number) => workingDaysBetween(from, isoOfDay(day));
  // An upper bound first (a week holds at least one working day even around Spring Festival,
  // so doubling ends quickly), then a binary search for the first day that reaches n.
  let hi = start + Math.ceil((n * 7) / 5) + 14;
  while (count(hi) < n) hi += hi - start;
  let lo = start;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (count(mid) >= n) hi = mid;
    else lo = mid;
  }
  return isoOfDay(hi);
}

export function calendarDaysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);
}
