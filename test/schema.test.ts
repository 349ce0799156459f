import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../src/schema/jsonSchema.js';

describe('JSON Schema export', () => {
  it('the copy in the repo is in sync with the zod schema (run `npm run schema` after changing it)', () => {
    const onDisk = JSON.parse(fs.readFileSync('src/schema/case.schema.json', 'utf8'));
    expect(onDisk).toEqual(caseJsonSchema());
  });

  it('lists the six Article 24 parts with their titles and accepts Chinese aliases', () => {
    const s = caseJsonSchema() as { properties: Record<string, { title?: string }> ; required: string[] };
    expect(s.properties.basicInfo!.title).toBe('（一）委托鉴定事项的基本情况、诊疗概要');
    expect(s.properties.damage!.title).toBe('（六）医疗损害后果及伤残等级');
    expect(JSON.stringify(s)).toContain('次要因素');
    expect(s.required).toEqual(expect.arrayContaining(['basicInfo', 'statements', 'process', 'faultAnalysis', 'causationAnalysis', 'damage']));
  });
});
