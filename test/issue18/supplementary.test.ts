/**
 * Issue 18, point 7: a 补充鉴定 names the report it supplements and prints it; supplement requests
 * are dated, and the Art. 26 clock leaves out exactly those working days — in all three kinds.
 */
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { excludedDays } from '../../src/schema/supplements.js';
import type { CaseInput } from '../../src/schema/case.js';
import { baseCase } from '../support/baseCase.js';
import { codes } from '../support/check.js';
import { KINDS, text, type Edit } from './support.js';

const supplementary: Edit = (c) => {
  c.report.appraisalType = 'supplementary';
  c.basicInfo.commission.supplementedReport = { documentNumber: '某医损鉴〔2026〕3号', date: '2026-02-10', supplemented: '委托人提交术后6个月复查资料，补充评定伤残等级。' };
};
/** 2026-03-09 (Mon) → 03-13 (Fri): 4 working days; 03-11 → 03-16 overlaps it. */
const requests: Edit = (c) => {
  c.process.supplementRequests = [
    { requestedDate: '2026-03-09', receivedDate: '2026-03-13', materials: '术后复查CT片' },
    { requestedDate: '2026-03-11', receivedDate: '2026-03-16', materials: '出院记录原件' },
  ];
};
const parsed = (edit: Edit) => { const c: CaseInput = baseCase(); edit(c); return loadCase(Buffer.from(JSON.stringify(c)), 'c.json').case!; };

describe('supplementary appraisal rules', () => {
  it('accepts a supplementary appraisal naming its report', () => expect(codes(supplementary)).toEqual([]));
  it('refuses one that names none, and warns on a report named for another type', () => {
    expect(codes((c) => { c.report.appraisalType = 'supplementary'; })).toContain('SUPPLEMENTED_REPORT_MISSING');
    expect(codes((c) => { supplementary(c); c.report.appraisalType = 'initial'; })).toContain('SUPPLEMENTED_REPORT_UNEXPECTED');
  });
  it('refuses a supplemented report dated after the commission', () => {
    expect(codes((c) => { supplementary(c); c.basicInfo.commission.supplementedReport!.date = '2026-03-05'; })).toContain('SUPPLEMENTED_REPORT_DATE');
  });
  it('checks the requests\' dates and refuses two records of the same days', () => {
    expect(codes(requests)).toEqual([]);
    expect(codes((c) => { requests(c); c.process.supplementRequests![0]!.receivedDate = '2026-03-08'; })).toContain('SUPPLEMENT_REQUEST_ORDER');
    expect(codes((c) => { requests(c); c.process.supplementRequests![0]!.requestedDate = '2026-03-01'; })).toContain('SUPPLEMENT_REQUEST_ORDER');
    expect(codes((c) => { requests(c); c.process.excludedWorkingDays = 5; })).toContain('SUPPLEMENT_DAYS_CONFLICT');
  });
});

describe('the Art. 26 clock', () => {
  it('excludes exactly the requests\' working days, overlaps once', () => {
    expect(excludedDays(parsed(requests))).toBe(5);
    expect(excludedDays(parsed((c) => { c.process.excludedWorkingDays = 3; }))).toBe(3);
  });
  it('a report late by the calendar is in time once the supplement days are left out', () => {
    // Accepted 03-06, report 04-23: 33 working days; 28 once the 5 supplement days are left out.
    const late: Edit = (c) => { c.report.date = '2026-04-23'; };
    expect(codes(late)).toContain('DATE_REPORT_DEADLINE');
    expect(codes((c) => { late(c); requests(c); })).not.toContain('DATE_REPORT_DEADLINE');
  });
});

describe.each(KINDS)('printed (%s)', (kind, toKind) => {
  it('the supplemented report and each request', () => {
    const t = text((c) => { toKind(c); if (kind !== 'accident') supplementary(c); requests(c); });
    if (kind !== 'accident') {
      expect(t).toMatch(/被补充的鉴定意见：.*某医损鉴〔2026〕3号（2026年2月10日）/u);
      expect(t).toContain('委托人提交术后6个月复查资料，补充评定伤残等级。');
    }
    expect(t).toMatch(/于2026年3月9日书面通知委托人补充术后复查CT片，于2026年3月13日收到。/u);
    expect(t).toContain('补充鉴定材料所用5个工作日不计入鉴定时限');
  });
});
