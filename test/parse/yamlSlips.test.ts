/** YAML slips typed by hand in a Chinese editor: each explained in Chinese at the slip, with the fix. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { parseText } from '../../src/parse/parseText.js';

const syntax = (text: string, name = 'case.yaml') => {
  const ds = parseText(text, name).diagnostics;
  expect(ds.length, JSON.stringify(ds)).toBeGreaterThan(0);
  return ds[0]!;
};
const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');

describe('slips recognised from the source line', () => {
  it('a full-width colon where the key ends', () => {
    const d = syntax('basicInfo:\n  commission:\n    委托人：张某某\n    setting: 诉讼\n');
    expect(d).toMatchObject({ code: 'PARSE_SYNTAX', line: 3, column: 8 });
    expect(d.message).toBe('YAML 语法错误（第3行第8列）：冒号是全角的「：」，YAML 要求半角冒号加空格「: 」。请改为「委托人: 张某某」');
  });

  it('a full-width colon after a key that opens a block', () => {
    const d = syntax('report：\n  kind: judicial\n');
    expect(d).toMatchObject({ line: 1, column: 7 });
    expect(d.message).toContain('请改为「report:」');
  });

  it('a full-width colon inside a value stays text', () => {
    const r = parseText('summary: 患者：张某某\nitems:\n  - 患方认为：医方未及时处理\n', 'case.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ summary: '患者：张某某', items: ['患方认为：医方未及时处理'] });
  });

  it('a tab used for indentation', () => {
    const d = syntax('report:\n  kind: judicial\n\tdate: 2026-01-01\n');
    expect(d).toMatchObject({ line: 3, column: 1 });
    expect(d.message).toContain('行首用了制表符（Tab）缩进，YAML 只能用半角空格缩进');
  });

  it('a full-width space used for indentation', () => {
    const d = syntax('report:\n　kind: judicial\n');
    expect(d).toMatchObject({ code: 'PARSE_SYNTAX', line: 2, column: 1 });
    expect(d.message).toContain('行首有全角空格「　」');
  });

  it('a full-width space after the colon', () => {
    const d = syntax('report:\n  kind:　judicial\n  date: 2026-01-01\n');
    expect(d).toMatchObject({ line: 2, column: 8 });
    expect(d.message).toContain('冒号后是全角空格「　」');
    expect(d.message).toContain('请改为「kind: judicial」');
  });

  it('no space after the colon', () => {
    const d = syntax('report:\n  kind:judicial\n  date: 2026-01-01\n');
    expect(d).toMatchObject({ line: 2, column: 8 });
    expect(d.message).toBe('YAML 语法错误（第2行第8列）：冒号后缺少空格，YAML 要求「: 」（半角冒号加空格）。请改为「kind: judicial」');
  });

  it('a key indented further than its siblings, reported on its own line (the parser blames the line before)', () => {
    const d = syntax('report:\n  kind: judicial\n   date: 2026-01-01\n');
    expect(d).toMatchObject({ line: 3, column: 1 });
    expect(d.message).toContain('这一行缩进了 3 个空格，与上下的字段对不齐，应为 2 个空格');
  });

  it('a key indented between two levels, with both levels offered', () => {
    const d = syntax('report:\n  kind: judicial\n date: 2026-01-01\n');
    expect(d.message).toContain('这一行缩进了 1 个空格，与上下的字段对不齐，应为 2 个或 0 个空格');
  });

  it('a field of a list item out of line with the item', () => {
    const d = syntax('medicalInstitutions:\n  - id: H1\n    name: 某医院\n   level: 三级甲等\n');
    expect(d).toMatchObject({ line: 4, column: 1 });
    expect(d.message).toContain('应为 4 个或 2 个空格');
  });

  it('an unclosed quote, reported where it opens rather than at the end of the file', () => {
    const d = syntax('report:\n  kind: judicial\n  date: "2026-01-01\n\ninstitution:\n  name: 某某市医学会\n');
    expect(d).toMatchObject({ line: 3, column: 9 });
    expect(d.message).toContain('此处的引号「"」没有配对的「"」');
    expect(d.message).toContain('「date: "2026-01-01"」');
  });

  it('an unclosed bracket', () => {
    const d = syntax('citations: [《民法典》, 《病历书写基本规范》\nreport:\n  kind: judicial\n');
    expect(d).toMatchObject({ line: 1, column: 12 });
    expect(d.message).toContain('此处的括号「[」没有配对的「]」');
  });

  it('a field written at the level of the list items above it', () => {
    const d = syntax('medicalInstitutions:\n  - id: H1\n  name: 某医院\n');
    expect(d).toMatchObject({ line: 3, column: 1 });
    expect(d.message).toContain('同一层级不能既有列表项又有字段。若它属于该列表项，请缩进 4 个空格');
  });

  it('a bad escape inside a closed quote is not taken for an unclosed quote', () => {
    const d = syntax('a: "C:\\q"\n');
    expect(d.message).toContain('反斜杠');
    expect(d.message).not.toContain('没有配对');
  });

  it('anything else: a Chinese message that still quotes the line', () => {
    const d = syntax('report:\n  kind: @judicial\n');
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/^YAML 语法错误（第2行第\d+列）：/);
    expect(d.message).toContain('该行：「kind: @judicial」');
    expect(d.message).not.toMatch(/[A-Z][a-z]+ [a-z]+ [a-z]+/); // no English sentence
  });

  it('one slip, one message, however many parser errors it causes', () => {
    const ds = parseText('report:\n  kind: judicial\n   date: 2026-01-01\n', 'case.yaml').diagnostics;
    expect(ds).toHaveLength(1);
  });

  it('a slip in a whole case file is found at its line', () => {
    const text = VALID.replace('    client: 某某市某某区人民法院', '    client：某某市某某区人民法院');
    const line = text.split('\n').findIndex((l) => l.includes('client：')) + 1;
    const d = loadCase(Buffer.from(text), 'case.yaml').diagnostics[0]!;
    expect(d).toMatchObject({ code: 'PARSE_SYNTAX', line, column: 11 });
    expect(d.message).toContain('请改为「client: 某某市某某区人民法院」');
  });
});

describe('slips that parse, caught by the schema', () => {
  it('a lone `key:value` under a section reads as text: the type error says why', () => {
    const text = VALID.replace(/report:\n(  .*\n)+/, 'report:\n  kind:association\n');
    const d = loadCase(Buffer.from(text), 'case.yaml').diagnostics.find((x) => x.path === 'report')!;
    expect(d.code).toBe('SCHEMA_TYPE');
    expect(d.message).toContain('文书（report）的类型不对：应为对象');
    expect(d.message).toContain('冒号后缺少空格');
    expect(d.message).toContain('请改为「kind: association」');
  });
});

describe('JSON syntax errors in Chinese', () => {
  it('a full-width colon', () => {
    const d = syntax('{\n  "report"： {}\n}', 'case.json');
    expect(d).toMatchObject({ line: 2, column: 11 });
    expect(d.message).toBe('JSON 语法错误（第2行第11列）：冒号是全角的「：」，JSON 要求半角冒号「:」');
  });

  it('a trailing comma', () => {
    expect(syntax('{\n  "a": 1,\n}', 'case.json').message).toContain('最后一项后面多了逗号');
  });
});

describe('text that only looks like a slip', () => {
  it('「张某某：患者之子」 where a person is expected is not taken for a field', () => {
    const text = VALID.replace('    patientSide: [{ name: 张某某, role: 患者 }]', '    patientSide:\n      - 张某某：患者之子');
    const d = loadCase(Buffer.from(text), 'case.yaml').diagnostics.find((x) => x.path === 'process.hearing.patientSide[0]')!;
    expect(d.message).toBe('第 1 项患方到会人员（process.hearing.patientSide[0]）的类型不对：应为对象');
  });

  it('「委托人：张某某」 alone under commission is taken for the field 委托人', () => {
    const text = VALID.replace(/  commission:\n(    .*\n)+?(?=  patient)/, '  commission:\n    委托人：张某某\n');
    const d = loadCase(Buffer.from(text), 'case.yaml').diagnostics.find((x) => x.path === 'basicInfo.commission')!;
    expect(d.message).toContain('冒号是全角的「：」');
    expect(d.message).toContain('请改为「委托人: 张某某」');
  });
});
