/** Issue 13: the new fields reach the workbench form through the JSON Schema, with the right controls. */
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../src/schema/jsonSchema.js';
import { controlOf, enumCode, enumNode, nodeAt, type JsonSchema } from '../../src/web/form/schema.js';
import { codes } from '../support/check.js';

const root = caseJsonSchema() as JsonSchema;
const at = (...path: (string | number)[]) => nodeAt(root, path)!;

describe('form controls for the issue 13 fields', () => {
  it('a consultation is adopted, not adopted or adopted in part: one select, booleans read as its first two words', () => {
    const agrees = at('panel', 'experts', 0, 'consultation', 'agrees');
    expect(controlOf(agrees)).toBe('enum');
    expect(Object.values(enumNode(agrees)['x-labels']!)).toEqual(['采纳', '不采纳', '部分采纳']);
    expect(enumCode(enumNode(agrees), true)).toBe('agrees');
    expect(enumCode(enumNode(agrees), false)).toBe('disagrees');
    // What the form writes is a valid case.
    expect(codes((c) => { c.report.kind = 'association'; c.panel.experts[0]!.consultation = { opinion: '同意。', agrees: '部分采纳', appraiserResponse: '理由……' }; })).toEqual([]);
  });
  it('the other new fields get their controls', () => {
    expect(controlOf(at('panel', 'formation'))).toBe('enum');
    expect(controlOf(at('process', 'delayReason'))).toBe('paragraphs');
    expect(controlOf(at('process', 'methods'))).toBe('paragraphs');
    expect(controlOf(at('basicInfo', 'commission', 'commitmentRequired'))).toBe('boolean');
    expect(controlOf(at('basicInfo', 'patient', 'birthYear'))).toBe('number');
    expect(controlOf(at('institution', 'selfReference'))).toBe('text');
    expect(controlOf(at('damage', 'accident', 'reason'))).toBe('paragraphs');
    expect(Object.keys(at('basicInfo', 'commission', 'setting')['x-labels']!)).toContain('referral');
  });
});
