/** Finding 10: hostile template markup ends in a clear 模板错误, never an internal error or an out-of-memory abort. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markupToTree, MarkupError } from '../../src/templates/markup.js';
import { build, JS_INTERNALS, partialError, templateError, templatesDir } from './support.js';

const expectClear = (body: string, ...fragments: (string | RegExp)[]) => {
  const e = partialError(body);
  expect(e.message).toMatch(/^模板错误：/);
  for (const f of fragments) expect(e.message).toMatch(f);
  expect(e.message).not.toMatch(JS_INTERNALS);
  return e;
};

describe('attribute ranges', () => {
  it.each([
    ['<spacer lines="Infinity"/>', '<spacer lines="Infinity">', '0–50'],
    ['<spacer lines="1e9"/>', '<spacer lines="1e9">', '0–50'],
    ['<spacer lines="-1"/>', 'lines', '0–50'],
    ['<spacer lines="two"/>', 'lines', '0–50'],
    ['<table><tbody><tr><td colspan="1e9">x</td></tr></tbody></table>', 'colspan="1e9"', '1–20'],
    ['<table cols="1 2"><tbody><tr><td colspan="3">x</td></tr></tbody></table>', 'colspan="3"', '1–2'],
    ['<table cols="1 Infinity"><tbody><tr><td>x</td><td>y</td></tr></tbody></table>', 'cols="1 Infinity"', 'Infinity'],
    [`<table cols="${'1 '.repeat(21)}"><tbody><tr><td>x</td></tr></tbody></table>`, '<table cols=', '最多 20 列'],
    [`<table><tbody><tr>${'<td>x</td>'.repeat(21)}</tr></tbody></table>`, '<table>', '最多 20 列'],
  ])('%s', (markup, where, limit) => {
    const e = expectClear(`<h2>陈述</h2>${markup}`, /模板输出的标记有误/);
    expect(e.message).toContain(where);
    expect(e.message).toContain(limit);
    expect(e.file).toMatch(/statements\.hbs$/);
  });

  it('bad markup in the report template itself names that file', () => {
    const main = fs.readFileSync('templates/association/report.hbs', 'utf8').replace(/(<section[^>]*>)/, '$1<spacer lines="99"/>');
    const e = templateError(() => build(templatesDir({ 'association/report.hbs': main })));
    expect(e.file).toMatch(/association\/report\.hbs$/);
    expect(e.message).toContain('lines 应为 0–50 的整数');
  });

  it('an unknown preset or section kind is named, not silently replaced', () => {
    expect(() => markupToTree('<document preset="a4"></document>')).toThrow(/preset="a4"/);
    expect(() => markupToTree('<document><section kind="back"></section></document>')).toThrow(/kind="back"/);
  });

  it('valid attributes still mean what they meant', () => {
    const tree = markupToTree('<document><section><spacer/><spacer lines="3"/><table cols="1 2"><tbody><tr><td colspan="2">x</td></tr></tbody></table></section></document>');
    expect(tree.sections[0]!.blocks.slice(0, 2)).toEqual([{ kind: 'spacer', lines: 1 }, { kind: 'spacer', lines: 3 }]);
    expect(tree.sections[0]!.blocks[2]).toMatchObject({ columns: [1, 2], rows: [{ cells: [{ colSpan: 2 }] }] });
  });
});

describe('nesting and size', () => {
  it('20,000 nested <b> stop at the nesting limit', () => {
    expectClear(`<p>${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}</p>`, '嵌套超过 64 层', '<b>', 'statements.hbs');
  });

  it('a hundred thousand table rows do not overflow the stack', () => {
    expect(() => markupToTree(`<document><section><table>${'<tr><td>x</td></tr>'.repeat(150_000)}</table></section></document>`)).not.toThrow();
  });

  it('three nested {{#each}} over 60 entries end in a clear error', () => {
    const each = (body: string) => `{{#each @root.treatment}}${body}{{/each}}`;
    const e = partialError(each(each(each('<p>{{@root.statements.patientSide}}</p>'))), (c) => {
      c.basicInfo.treatment = Array.from({ length: 60 }, () => structuredClone(c.basicInfo.treatment[0]!));
    });
    expect(e.message).toMatch(/模板(循环次数过多|输出过大)/);
    expect(e.message).toContain('statements.hbs');
  }, 30_000);

  it('inline partials fanning out tenfold at each of six levels end in a clear error', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const inline = names.slice(1).map((n, i) => `{{#*inline "${n}"}}${`{{> ${names[i]}}}`.repeat(10)}{{/inline}}`).join('');
    expectClear(`{{#*inline "a"}}<p>${'字'.repeat(500)}</p>{{/inline}}${inline}{{> g}}`, '模板输出过大', 'statements.hbs');
  }, 30_000);

  it('5,000 nested blocks are refused before Handlebars parses them', () => {
    expectClear(`${'{{#if true}}'.repeat(5000)}x${'{{/if}}'.repeat(5000)}`, '块嵌套超过 64 层', 'statements.hbs');
  });

  it('a template file over 256 KB is refused', () => {
    expectClear('x'.repeat(300 * 1024), '模板文件过大');
  });
});

describe('MarkupError stays what the CLI knows', () => {
  it('markupToTree throws MarkupError for bad markup', () => {
    expect(() => markupToTree('<document><section><spacer lines="1e9"/></section></document>')).toThrow(MarkupError);
  });
});
