/** YAML features a case file has no use for: unknown tags and aliases that lead nowhere or back into themselves. */
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { parseText } from '../../src/parse/parseText.js';

const diagnostics = (text: string) => parseText(text, 'case.yaml').diagnostics;

describe('aliases', () => {
  it('an alias with no anchor is named, with line and column, not called an alias bomb', () => {
    const [d, ...rest] = diagnostics('report:\n  kind: association\n  title: *missing\n');
    expect(rest).toEqual([]);
    expect(d!.code).toBe('PARSE_ALIAS_UNDEFINED');
    expect(d!.message).toContain('未定义的别名 *missing');
    expect(d!.message).not.toContain('展开过多');
    expect([d!.line, d!.column]).toEqual([3, 10]);
  });

  it('an anchor that refers to itself is named, with line and column, not called too deep', () => {
    const [d] = diagnostics('report:\n  kind: association\nloop: &a\n  inner: *a\n');
    expect(d!.code).toBe('PARSE_ALIAS_RECURSIVE');
    expect(d!.message).toContain('锚点引用自身');
    expect(d!.message).toContain('&a');
    expect(d!.message).not.toContain('嵌套层级过深');
    expect([d!.line, d!.column]).toEqual([4, 10]);
    expect(diagnostics('list: &l [1, *l]\n')[0]!.code).toBe('PARSE_ALIAS_RECURSIVE');
  });

  it('an ordinary alias still works', () => {
    const r = parseText('a: &x 合同\nb: *x\n', 'case.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ a: '合同', b: '合同' });
  });

  it('an alias bomb is still refused as one', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    expect(diagnostics(`${bomb}\n`)[0]!.message).toContain('展开过多');
  });
});

describe('tags', () => {
  it.each([
    ['!!js/function', 'title: !!js/function "function () { return 1 }"'],
    ['!foo', 'title: !foo 某某'],
    ['!!binary', 'title: !!binary aGVsbG8='],
    ['!!timestamp', 'title: !!timestamp 2026-01-01'],
    ['!!set', 'title: !!set { a }'],
  ])('refuses %s with a located diagnostic', (tag, line) => {
    const ds = diagnostics(`report:\n  kind: association\n  ${line}\n`);
    const d = ds.find((x) => x.code === 'PARSE_UNKNOWN_TAG');
    expect(d, JSON.stringify(ds)).toBeDefined();
    expect(d!.message).toContain(tag);
    expect(d!.line).toBe(3);
    expect(d!.column).toBeGreaterThan(1);
  });

  it('refuses a tag on a key too', () => {
    expect(diagnostics('!foo report: 1\n').map((d) => d.code)).toEqual(['PARSE_UNKNOWN_TAG']);
  });

  it('allows the JSON-compatible core tags, which only say what a plain value already is', () => {
    const r = parseText('a: !!str 12\nb: !!int "7"\nc: !!float 1.5\nd: !!bool true\ne: !!null ~\nf: !!map { x: 1 }\ng: !!seq [1]\n', 'case.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ a: '12', b: 7, c: 1.5, d: true, e: null, f: { x: 1 }, g: [1] });
  });

  it('a tagged value never reaches the schema as a string', () => {
    const r = loadCase(Buffer.from('report: !foo x\n'), 'case.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PARSE_UNKNOWN_TAG']);
  });
});
