/**
 * Art. 26 para 2: time spent supplementing materials is not counted. Recorded as dated requests and
 * answers, exactly those working days are excluded — overlapping requests counted once.
 */
import { workingDaysBetween } from '../domain/calendar.js';
import type { Case } from './case.js';

/** The request intervals, merged where they overlap. */
function merged(c: Case): [string, string][] {
  const sorted = c.process.supplementRequests.filter((r) => r.receivedDate > r.requestedDate)
    .map((r): [string, string] => [r.requestedDate, r.receivedDate]).sort(([a], [b]) => a.localeCompare(b));
  const out: [string, string][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to > last[1] ? to : last[1];
    else out.push([from, to]);
  }
  return out;
}

/** Working days not counted: from the dated requests when recorded, else the number the case gives. */
export function excludedDays(c: Case): number {
  if (c.process.supplementRequests.length === 0) return c.process.excludedWorkingDays;
  return merged(c).reduce((n, [from, to]) => n + workingDaysBetween(from, to), 0);
}
