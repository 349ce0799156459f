/** Issue 18: the workbench form offers the case's institutions for the new institution references. */
import { describe, expect, it } from 'vitest';
import { referenceAt } from '../../src/web/form/refs.js';

describe('institution references in the form', () => {
  it.each([
    [['causationAnalysis', 'items', '0', 'shares', '1', 'institution']],
    [['damage', 'accident', 'responsibilities', '0', 'institution']],
    [['panel', 'experts', '2', 'institution']],
  ])('%j chooses from the medical institutions', (path) => {
    expect(referenceAt(path)).toEqual({ source: 'basicInfo.medicalInstitutions', multiple: false });
  });
});
