/**
 * Issue 18, point 6: Art. 33 ends with 「等」 — 重症医学科 and the other departments of the national
 * catalogue (《医疗机构诊疗科目名录》 with its additions) are specialties too, in all three kinds.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_SOURCE, isClinicalDepartment } from '../../src/domain/clinicalDepartments.js';
import { diagnose } from '../support/check.js';
import { KINDS } from './support.js';

describe.each(KINDS)('PANEL_SPECIALTY_UNLISTED (%s)', (_kind, toKind) => {
  const unlisted = (specialty: string) => diagnose((c) => { toKind(c); c.panel.experts[1]!.specialty = specialty; }).diagnostics.filter((d) => d.code === 'PANEL_SPECIALTY_UNLISTED');
  it.each(['重症医学科', '疼痛科', '小儿外科', '康复医学科', '心脏大血管外科专业'])('accepts %s', (s) => expect(unlisted(s)).toEqual([]));
  it('still warns on a name in neither list, naming the catalogue', () => {
    const found = unlisted('肝胆胰外科');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(CATALOGUE_SOURCE);
  });
});

describe('the catalogue', () => {
  it('names its source, with the additions', () => expect(CATALOGUE_SOURCE).toMatch(/医疗机构诊疗科目名录.*重症医学科/u));
  it('takes second-level names with or without 专业', () => {
    expect(isClinicalDepartment('呼吸内科专业')).toBe(true);
    expect(isClinicalDepartment('呼吸内科')).toBe(true);
    expect(isClinicalDepartment('ICU')).toBe(false);
  });
});
