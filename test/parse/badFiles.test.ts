import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { parseText } from '../../src/parse/parseText.js';
import { baseCase } from '../support/baseCase.js';

const load = (text: string | Uint8Array, name = 'case.yaml') => loadCase(typeof text === 'string' ? Buffer.from(text) : text, name);
const first = (text: string | Uint8Array, name?: string) => load(text, name).diagnostics[0]!;

describe('reading case files', () => {
  it('accepts a UTF-8 BOM', () => {
    const json = JSON.stringify(baseCase());
    expect(load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), 'c.json').ok).toBe(true);
  });

  it('refuses GBK with a message that says so, never mojibake', () => {
    const gbk = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xd5, 0xc5, 0xc4, 0xb3, 0xc4, 0xb3, 0x0a]); // name: 张某某 in GBK
    const d = first(gbk);
    expect(d.code).toBe('PARSE_ENCODING');
    expect(d.message).toContain('GBK');
    expect(d.message).toContain('UTF-8');
  });

  it('reports malformed YAML and JSON with line and column', () => {
    const y = first('report:\n  kind: judicial\n  date: "2026-01-01\n');
    expect(y.code).toBe('PARSE_SYNTAX');
    expect(y.line).toBeGreaterThan(1);
    const j = first('{\n  "report": {\n    "kind": "judicial",\n  }\n}', 'c.json');
    expect(j.code).toBe('PARSE_SYNTAX');
    expect(j.line).toBe(4);
    expect(j.message).toMatch(/第4行/);
  });

  it('names the line of a field without a name (a stray 「? 」 or 「: x」), in YAML and JSON', () => {
    for (const [text, file, line] of [['report: 1\n? \nb: 2\n', 'c.yaml', 2], ['a: 1\n: x\n', 'c.yaml', 2], ['{\n  "": 1\n}', 'c.json', 2]] as const) {
      const d = load(text, file).diagnostics.find((x) => x.code === 'PARSE_EMPTY_KEY');
      expect(d?.line, text).toBe(line);
      expect(d?.message).toContain('字段名是空的');
    }
  });

  it('refuses duplicate keys, empty files and prototype keys', () => {
    expect(first('report: 1\nreport: 2\n').code).toBe('PARSE_DUPLICATE_KEY');
    expect(first('{"a": 1, "a": 2}', 'c.json').code).toBe('PARSE_DUPLICATE_KEY');
    expect(first('  \n').code).toBe('PARSE_EMPTY');
    expect(first('{"__proto__": {"polluted": true}}', 'c.json').code).toBe('PARSE_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds duplicate keys in JSON whatever the strings hold, and only where there are some', () => {
    // Keys and values full of quotes, colons, backslashes and braces: nothing a key count may trip on.
    const text = fc.string({ unit: fc.constantFrom('a', '"', ':', '\\', ' ', '{', '}', ',', '键', '\n'), maxLength: 6 });
    // An empty key is a diagnostic of its own (PARSE_EMPTY_KEY, tested above).
    const key = text.filter((k) => k !== '');
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, node, { minKeys: 1, maxKeys: 5 }), (data) => {
        const json = JSON.stringify(data, null, 1);
        const clean = parseText(json, 'c.json');
        expect(clean.diagnostics).toEqual([]);
        expect(clean.data).toEqual(data);
        const [key, value] = Object.entries(data)[0]!;
        const twice = json.replace(/^\{/, `{${JSON.stringify(key)}: ${JSON.stringify(value)},`);
        expect(parseText(twice, 'c.json').diagnostics.map((d) => d.code)).toEqual(['PARSE_DUPLICATE_KEY']);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('suggests the field meant by a typo, and locates it', () => {
    const c = baseCase() as unknown as Record<string, Record<string, unknown>>;
    const item = (c.causationAnalysis!.items as Record<string, unknown>[])[0]!;
    item.causaton = item.causation;
    delete item.causation;
    const ds = load(JSON.stringify(c, null, 2), 'c.json').diagnostics;
    const unknown = ds.find((d) => d.code === 'SCHEMA_UNKNOWN_FIELD')!;
    expect(unknown.message).toBe('第 1 项因果关系分析（causationAnalysis.items[0]）下有未知字段 causaton，是否为 causation（原因力）？');
    expect(unknown.line).toBeGreaterThan(1);
    expect(ds.map((d) => d.code)).toContain('SCHEMA_REQUIRED');
  });

  it('explains wrong values in Chinese', () => {
    const c = baseCase();
    c.causationAnalysis.items[0]!.causation = '很大因素';
    const d = load(JSON.stringify(c), 'c.json').diagnostics[0]!;
    expect(d.code).toBe('SCHEMA_INVALID_VALUE');
    expect(d.path).toBe('causationAnalysis.items[0].causation');
    expect(d.message).toContain('次要因素');
  });
});
