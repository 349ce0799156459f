/** Calendar days as integers (days since 1970-01-01, UTC), for arithmetic on long spans. */
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). setUTCFullYear keeps years below 100 as written. */
export function dayNumber(iso: string): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// Day 0 (1970-01-01) is a Thursday. Counting from a Monday far enough back keeps the count
// non-negative for any year from 0001: OFFSET ≡ 3 (mod 7) makes day −OFFSET a Monday.
const OFFSET = 7 * 150_000 + 3;

/** Monday–Friday days from a fixed Monday in the distant past up to and including `day`. */
export function weekdaysThrough(day: number): number {
  const days = day + OFFSET + 1;
  return Math.floor(days / 7) * 5 + Math.min(days % 7, 5);
}
