/**
 * Working days under China's State Council holiday arrangements, with 调休 make-up days.
 * The data comes from the maintained `chinese-days` package; years it does not cover fall
 * back to Monday–Friday and are reported by `isCovered`, so rules can warn.
 */
import chineseDays from 'chinese-days';
import { DateTime } from './dateTime.js';

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

/** Working days strictly after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string): number {
  let d = DateTime.fromISO(from).plus({ days: 1 });
  const end = DateTime.fromISO(to);
  let n = 0;
  while (d <= end) {
    if (isWorkingDay(d.toISODate()!)) n++;
    d = d.plus({ days: 1 });
  }
  return n;
}

/** The date that is `n` working days after `from`. */
export function addWorkingDays(from: string, n: number): string {
  let d = DateTime.fromISO(from);
  let left = n;
  while (left > 0) {
    d = d.plus({ days: 1 });
    if (isWorkingDay(d.toISODate()!)) left--;
  }
  return d.toISODate()!;
}

export function calendarDaysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);
}
