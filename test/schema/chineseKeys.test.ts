/** Field names written as their Chinese titles: read as the English key with a warning, or refused with the key to write. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { baseCase } from '../support/baseCase.js';

const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');
const load = (text: string, name = 'case.yaml') => loadCase(Buffer.from(text), name);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('Chinese field names', () => {
  it('委托人 under commission is read as client, with a located warning', () => {
    const text = VALID.replace('    client: ', '    委托人: ');
    const r = load(text);
    expect(r.ok).toBe(true);
    expect(r.case!.basicInfo.commission.client).toBe('某某市某某区人民法院');
    expect(r.diagnostics).toEqual([expect.objectContaining({
      severity: 'warning', code: 'SCHEMA_CHINESE_KEY', path: 'basicInfo.commission.client', line: lineOf(text, '委托人:'), column: 5,
    })]);
    expect(r.diagnostics[0]!.message).toBe('字段名「委托人」已按 client（委托人） 理解（basicInfo.commission.client）；请改写为 client，以便编辑器提示和与其他文件一致');
  });

  it('section names and synonyms work too, and errors inside are located at the Chinese key', () => {
    const text = VALID.replace('faultAnalysis:', '医疗过错分析:').replace('      conduct: 术后引流液性状改变的观察与处理', '      诊疗行为: ""');
    const r = load(text);
    expect(r.diagnostics.filter((d) => d.code === 'SCHEMA_CHINESE_KEY').map((d) => d.path)).toEqual(['faultAnalysis', 'faultAnalysis.items[0].conduct']);
    const empty = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(empty.path).toBe('faultAnalysis.items[0].conduct');
    expect(empty.message).toBe('第 1 项过错分析的诊疗行为（faultAnalysis.items[0].conduct）：不能为空');
    expect(empty.line).toBe(lineOf(text, '诊疗行为:'));
  });

  it('works on the JSON fast path, located all the same', () => {
    const c = baseCase() as unknown as { basicInfo: { commission: Record<string, unknown> } };
    c.basicInfo.commission['委托人'] = c.basicInfo.commission.client;
    delete c.basicInfo.commission.client;
    const text = JSON.stringify(c, null, 2);
    const r = load(text, 'case.json');
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ code: 'SCHEMA_CHINESE_KEY', line: lineOf(text, '"委托人"') });
  });

  it('a Chinese name beside its English key is refused: one field, written once', () => {
    const text = VALID.replace('    client: 某某市某某区人民法院\n', '    client: 某某市某某区人民法院\n    委托人: 张某某\n');
    const d = load(text).diagnostics.find((x) => x.code === 'SCHEMA_UNKNOWN_FIELD')!;
    expect(d.message).toContain('「委托人」应写作 client（委托人），而 client 已经写了');
    expect(d.line).toBe(lineOf(text, '委托人:'));
  });

  it('a Chinese name that is not a title is refused with the field it resembles', () => {
    const text = VALID.replace('    client: ', '    委托人姓名: ');
    const d = load(text).diagnostics.find((x) => x.code === 'SCHEMA_UNKNOWN_FIELD')!;
    expect(d.message).toBe('委托情况（basicInfo.commission）下有未知字段 委托人姓名：「委托人姓名」应写作 client（委托人）');
  });

  it('a title of another level is not taken for a field here', () => {
    const text = VALID.replace('    client: ', '    患者: ');
    const r = load(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('SCHEMA_UNKNOWN_FIELD');
  });
});
