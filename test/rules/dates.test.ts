import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../src/domain/calendar.js';
import { codes } from '../support/check.js';

describe('working-day calendar', () => {
  it('honours the 2026 Spring Festival holiday and its make-up working days', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-02-16')).toBe(false); // Monday, holiday
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, make-up day
    // 2026-02-13 (Fri) → 2026-02-27 (Fri): only 14, 24, 25, 26, 27 are working days.
    expect(workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });
});

describe('time limits (Jiangsu measures Art. 14, 19, 26)', () => {
  it('acceptance within 7 working days of receipt, counting the Spring Festival', () => {
    const accept = (receivedDate: string, acceptedDate: string) => codes((c) => Object.assign(c.basicInfo.commission, { receivedDate, acceptedDate }));
    // 7 working days after 2026-02-13 is 2026-03-02; 8 is 03-03.
    expect(accept('2026-02-13', '2026-03-02')).not.toContain('DATE_ACCEPTANCE_LATE');
    expect(accept('2026-02-13', '2026-03-03')).toContain('DATE_ACCEPTANCE_LATE');
  });

  it('hearing notice at least 7 days before', () => {
    const notice = (noticeDate: string) => codes((c) => { c.process.hearing.noticeDate = noticeDate; });
    expect(notice('2026-03-24')).not.toContain('DATE_HEARING_NOTICE');
    expect(notice('2026-03-25')).toContain('DATE_HEARING_NOTICE');
  });

  it('report within 30 working days of acceptance, plus a recorded extension', () => {
    // Accepted 2026-03-06; 30 working days later is 2026-04-20 (Qingming 04-06 off... counted by the calendar).
    const report = (date: string, ext?: number) => codes((c) => {
      c.report.date = date;
      if (ext) c.process.extension = { workingDays: ext, notifiedDate: '2026-04-10', reason: '需补充影像资料会诊' };
    });
    const limit = addWorkingDays('2026-03-06', 30);
    const dayAfter = addWorkingDays('2026-03-06', 31);
    expect(report(limit)).not.toContain('DATE_REPORT_DEADLINE');
    expect(report(dayAfter)).toContain('DATE_REPORT_DEADLINE');
    expect(report(dayAfter, 10)).not.toContain('DATE_REPORT_DEADLINE');
    expect(report(addWorkingDays('2026-03-06', 41), 10)).toContain('DATE_REPORT_DEADLINE');
    expect(report(dayAfter, 31)).toContain('EXTENSION_TOO_LONG');
  });

  it('time spent supplementing materials is not counted', () => {
    expect(codes((c) => { c.report.date = addWorkingDays('2026-03-06', 35); c.process.excludedWorkingDays = 5; })).not.toContain('DATE_REPORT_DEADLINE');
  });

  it('dates that run backwards are one error, not a cascade', () => {
    expect(codes((c) => { c.basicInfo.commission.acceptedDate = '2026-03-01'; })).toEqual(['DATE_ORDER']);
  });

  it('warns when the holiday data does not cover the year', () => {
    expect(codes((c) => {
      Object.assign(c.basicInfo.commission, { receivedDate: '2031-03-03', acceptedDate: '2031-03-05' });
      Object.assign(c.process.hearing, { noticeDate: '2031-03-10', date: '2031-03-20' });
      c.report.date = '2031-03-28';
      c.report.documentNumber = '某医损鉴〔2031〕7号';
      c.process.examination!.date = '2031-03-20';
    })).toEqual(['CALENDAR_UNCOVERED']);
  });
});
