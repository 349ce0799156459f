/**
 * Far dates: a year like 9999 once took most of a minute to validate (a day-by-day walk of the
 * calendar). Case dates are bounded to years the regulations can mean, and working days are
 * counted arithmetically, giving the same results as counting day by day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../src/domain/calendar.js';
import { DateTime } from '../../src/domain/dateTime.js';
import { diagnose } from '../support/check.js';

/** The plain definition, day by day: the reference the fast count must agree with. */
function countDayByDay(from: string, to: string): number {
  let n = 0;
  for (let d = DateTime.fromISO(from).plus({ days: 1 }); d <= DateTime.fromISO(to); d = d.plus({ days: 1 })) if (isWorkingDay(d.toISODate()!)) n++;
  return n;
}

const iso = (days: number) => DateTime.fromISO('2000-01-01').plus({ days }).toISODate()!;

describe('far dates in a case', () => {
  it.each([
    ['report.date', '9999-12-31', (c: Parameters<Parameters<typeof diagnose>[0]>[0], v: string) => { c.report.date = v; }],
    ['report.date', '0001-01-01', (c: Parameters<Parameters<typeof diagnose>[0]>[0], v: string) => { c.report.date = v; }],
    ['basicInfo.commission.acceptedDate', '2999-03-06', (c: Parameters<Parameters<typeof diagnose>[0]>[0], v: string) => { c.basicInfo.commission.acceptedDate = v; }],
    ['basicInfo.treatment[0].from', '1900-10-08', (c: Parameters<Parameters<typeof diagnose>[0]>[0], v: string) => { c.basicInfo.treatment[0]!.from = v; }],
  ])('%s: %s is refused, naming the field and the range', (path, value, edit) => {
    const r = diagnose((c) => edit(c, value));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.path === path)!;
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d.message).toContain(path);
    expect(d.message).toContain('1950');
    expect(d.message).toContain('2100');
  }, 10_000);

  it('a birth date may lie before 1950', () => {
    expect(diagnose((c) => { c.basicInfo.patient.birthDate = '1936-05-01'; }).ok).toBe(true);
  });

  it('the widest span allowed (1950 to 2100) is counted at once', () => {
    const r = diagnose((c) => {
      Object.assign(c.basicInfo.commission, { receivedDate: '1950-01-02', acceptedDate: '1950-01-03' });
      c.basicInfo.treatment[0]!.from = '1950-01-01';
      delete c.basicInfo.treatment[0]!.to;
      c.report.date = '2100-12-31';
    });
    expect(r.diagnostics.map((d) => d.code)).toContain('DATE_REPORT_DEADLINE');
  }, 10_000);
});

describe('working days counted arithmetically', () => {
  it('agree with counting day by day, across holidays, make-up days and uncovered years', () => {
    // 2000..2035: before the holiday data (2004), covered years, and years after it.
    const day = fc.integer({ min: 0, max: 36 * 366 });
    fc.assert(
      fc.property(day, fc.integer({ min: -20, max: 800 }), (start, length) => {
        const from = iso(start);
        const to = iso(start + length);
        expect(workingDaysBetween(from, to)).toBe(countDayByDay(from, to));
      }),
      { seed: 20261124, numRuns: 300 },
    );
  }, 60_000);

  it('agree over a whole century too', () => {
    expect(workingDaysBetween('1950-01-01', '2050-12-31')).toBe(countDayByDay('1950-01-01', '2050-12-31'));
  }, 60_000);

  it('adding working days lands on the first day the count reaches n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 * 366 }), fc.integer({ min: 0, max: 400 }), (start, n) => {
        const from = iso(start);
        const to = addWorkingDays(from, n);
        expect(workingDaysBetween(from, to)).toBe(n);
        if (n > 0) expect(workingDaysBetween(from, DateTime.fromISO(to).minus({ days: 1 }).toISODate()!)).toBe(n - 1);
        else expect(to).toBe(from);
      }),
      { seed: 20261125, numRuns: 200 },
    );
  }, 60_000);
});
