/** Issue 18: the workbench form offers the case's institutions for the new institution references. */
import { describe, expect, it } from 'vitest';
import { referenceAt } from '../../src/web/form/refs.js';
import { sectionOf } from '../../src/web/form/spec.js';

describe('institution references in the form', () => {
  it.each([
    [['causationAnalysis', 'items', '0', 'shares', '1', 'institution']],
    [['damage', 'accident', 'responsibilities', '0', 'institution']],
    [['panel', 'experts', '2', 'institution']],
  ])('%j chooses from the medical institutions', (path) => {
    expect(referenceAt(path)).toEqual({ source: 'basicInfo.medicalInstitutions', multiple: false });
  });
});

describe('new parts in the form', () => {
  it('the patient\'s representatives are shown with the basic facts', () => expect(sectionOf('basicInfo.representatives[0].name')).toBe('basic'));
  it('supplement requests with the process, autopsy reports with the damage', () => {
    expect(sectionOf('process.supplementRequests[0].receivedDate')).toBe('process');
    expect(sectionOf('damage.death.autopsyReport.findings')).toBe('damage');
  });
});
