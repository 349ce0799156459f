/** Saving from the workbench's form keeps what a person wrote in the file: comments, order, style. */
import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { updateCaseText } from '../../src/parse/updateYaml.js';

const INIT = fs.readFileSync('templates/init/association.yaml', 'utf8');
const comments = (t: string) => t.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));

describe('writing form data back into a YAML case', () => {
  it('unchanged data gives the file back byte for byte', () => {
    for (const f of fs.readdirSync('fixtures').filter((f) => f.endsWith('.yaml'))) {
      const text = fs.readFileSync(`fixtures/${f}`, 'utf8');
      expect(updateCaseText(text, parse(text), 'yaml'), f).toBe(text);
    }
  });

  it('one changed field changes one line; every comment and the key order stay', () => {
    const data = parse(INIT);
    data.basicInfo.patient.name = '李某某';
    const out = updateCaseText(INIT, data, 'yaml');
    const changed = INIT.split('\n').filter((l, i) => l !== out.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('张某某');
    expect(comments(out)).toEqual(comments(INIT));
    expect(parse(out)).toEqual(data);
  });

  it('added and removed list items and keys; multi-line text becomes a | block', () => {
    const data = parse(INIT);
    data.faultAnalysis.items.push({ ...data.faultAnalysis.items[0], id: 'F9', analysis: '第一段。\n第二段。' });
    delete data.process.notes;
    const out = updateCaseText(INIT, data, 'yaml');
    expect(parse(out)).toEqual(data);
    expect(out).toMatch(/analysis: \|-?\n\s+第一段。\n\s+第二段。/);
    expect(comments(out).length).toBeGreaterThan(comments(INIT).length - 3);
  });

  it('a paragraph edited into several lines stays in place as a | block; the rest of the file is untouched', () => {
    const data = parse(INIT);
    data.statements.medicalSide = '医方认为诊疗符合规范。\n术后并发症已告知。';
    const out = updateCaseText(INIT, data, 'yaml');
    expect(parse(out)).toEqual(data);
    expect(out).toMatch(/medicalSide: \|-?\n\s+医方认为诊疗符合规范。\n\s+术后并发症已告知。/);
    expect(comments(out)).toEqual(comments(INIT));
  });

  it('a JSON case is rewritten as JSON in the data’s key order', () => {
    const data = { report: { kind: 'association' }, basicInfo: { patient: { name: '李某某' } } };
    expect(updateCaseText('{}', data, 'json')).toBe(`${JSON.stringify(data, null, 2)}\n`);
  });
});
