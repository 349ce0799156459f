/**
 * Issue 15: every template failure names the file as the user wrote it (a partial's own file,
 * not the template that includes it), the line and column, shows the line with a caret, and
 * says what is allowed — in Chinese, and in English for --lang en.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateShown } from '../../src/templates/folder.js';
import { BLOCK_TAGS, INLINE_TAGS, markupToTree } from '../../src/templates/markup.js';
import { build, JS_INTERNALS, templateError, templatesDir } from './support.js';

/** The error of an institution folder with these files, and the name the folder's statements partial goes by. */
function failure(files: Record<string, string>) {
  const dir = templatesDir(files);
  const e = templateError(() => build(dir));
  expect(e.message).not.toMatch(JS_INTERNALS);
  expect(e.messageEn).not.toMatch(JS_INTERNALS);
  return { e, dir, file: (rel: string) => path.join(dir, rel) };
}

const statements = (body: string) => failure({ 'partials/statements.hbs': body });

/** file:line:column at the head, the line itself with the caret under the column. */
function expectAt(e: ReturnType<typeof statements>['e'], file: string, line: number, column: number, text: string) {
  expect(e.message).toContain(`模板错误：${file}:${line}:${column}：`);
  expect(e.messageEn).toContain(`template error: ${file}:${line}:${column}: `);
  expect(e.line).toBe(line);
  expect(e.column).toBe(column);
  const lines = e.message.split('\n');
  const shown = lines.findIndex((l) => l === `  ${line} | ${text}`);
  expect(shown, e.message).toBeGreaterThan(0);
  expect(lines[shown + 1]!.indexOf('^')).toBe(lines[shown]!.indexOf(text) + column - 1);
}

describe('Handlebars syntax errors: whole, at the token', () => {
  it('what was expected and what was found, in words, at the column', () => {
    const { e, file } = statements('<h2>陈述</h2>\n  {{paras statements.patientSide keepLast=}}\n');
    expectAt(e, file('partials/statements.hbs'), 2, 43, '  {{paras statements.patientSide keepLast=}}');
    expect(e.message).toContain('语法错误：此处应为 (、名称、字符串、数字、true/false、undefined、null、@变量，实际为 }}');
    expect(e.messageEn).toContain('syntax error: expected (, a name, a string, a number');
  });

  it('on a long line the message is not cut: the whole expectation, and the line around the column', () => {
    const long = `<p>${'很长的一段文字'.repeat(30)}{{#if statements}}x{{else}}y{{else}}z{{/if}}</p>`;
    const { e } = statements(long);
    expect(e.line).toBe(1);
    expect(e.message).toContain('语法错误：此处应为');
    expect(e.message).toContain('{{else}}y{{else}}z{{/if}}</p>');
    expect(e.message).not.toContain('...');
  });

  it('a block left open is named where it opens', () => {
    const { e, file } = statements('<h2>陈述</h2>\n{{#each statements.patientSide}}\n<p>{{this}}</p>\n');
    expectAt(e, file('partials/statements.hbs'), 2, 1, '{{#each statements.patientSide}}');
    expect(e.message).toContain('{{#each}} 没有对应的 {{/each}}');
  });

  it('blocks that do not pair', () => {
    const { e } = statements('<h2>陈述</h2>\n{{#if statements}}\n{{/each}}');
    expect(e.message).toContain('{{#if}} 与 {{/each}} 不配对');
    expect(e.line).toBe(2);
  });
});

describe('unknown names: what is allowed and the nearest', () => {
  it('an unknown helper lists the helpers and suggests the nearest', () => {
    const { e, file } = statements('<h2>陈述</h2>\n<p>{{cnm 3}}</p>');
    expectAt(e, file('partials/statements.hbs'), 2, 4, '<p>{{cnm 3}}</p>');
    expect(e.message).toContain('使用了未知的 helper「cnm」；是否应为「cnum」？可用的 helper：accidentGrade、and、causationTerm');
    expect(e.messageEn).toContain('unknown helper "cnm"; did you mean "cnum"? known helpers: accidentGrade, and');
  });

  it('an unknown partial lists the partials, suggests the nearest, and names the file it looked for', () => {
    const { e, file } = statements('<h2>陈述</h2>\n\n   {{> statement}}');
    expectAt(e, file('partials/statements.hbs'), 3, 4, '   {{> statement}}');
    expect(e.message).toContain('找不到子模板（partial）「statement」（没有 partials/statement.hbs 文件）；是否应为「statements」？可用的子模板：');
  });

  it('an unknown block tag lists the tags', () => {
    const { e, file } = statements('<h2>陈述</h2>\n\n  <para>{{statements.patientSide}}</para>');
    expectAt(e, file('partials/statements.hbs'), 3, 3, '  <para>{{statements.patientSide}}</para>');
    expect(e.message).toContain('未知的块级标记 <para>；可用的标记：<h1>、<h2>、<h3>、<img>、<ol>、<p>');
    expect(e.messageEn).toContain('known tags: <h1>, <h2>, <h3>, <img>, <ol>, <p>');
  });

  it('an unknown inline tag lists the inline tags and suggests the nearest', () => {
    const { e } = statements('<h2>陈述</h2>\n<p>甲<strog>乙</strog></p>');
    expect(e.line).toBe(2);
    expect(e.column).toBe(5);
    expect(e.message).toContain('段落中不允许使用标记 <strog>；是否应为「<strong>」？');
  });
});

describe('errors found while rendering carry the line and column of the call', () => {
  it('a field the report model does not have', () => {
    const { e, file } = statements('<h2>陈述</h2>\n<p>{{statements.doctorSide}}</p>');
    expectAt(e, file('partials/statements.hbs'), 2, 6, '<p>{{statements.doctorSide}}</p>');
  });

  it('a misspelt field: the nearest field of that object, and its fields', () => {
    const { e } = statements('<h2>陈述</h2>\n<p>{{statements.patientSid}}</p>');
    expect(e.message).toContain('不存在的字段「patientSid」（statements.patientSid）；是否应为「patientSide」？可用的字段：medicalSide、patientSide');
    expect(e.messageEn).toContain('did you mean "patientSide"? known fields: medicalSide, patientSide');
  });

  it('a bad helper argument', () => {
    const { e, file } = statements('<h2>陈述</h2>\n<p>{{cnum "x"}}条</p>');
    expectAt(e, file('partials/statements.hbs'), 2, 4, '<p>{{cnum "x"}}条</p>');
    expect(e.message).toContain('helper「cnum」的参数无效');
  });

  it('a built-in block helper used wrongly', () => {
    const { e } = statements('<h2>陈述</h2>\n\n{{#if}}x{{/if}}');
    expect(e.message).toContain('{{#if}} 需要恰好一个参数');
    expect(e.line).toBe(3);
  });

  it('a partial that calls itself: the call', () => {
    const { e, file } = statements('<h2>陈述</h2>\n{{#if statements}}\n  {{> statements}}\n{{/if}}');
    expectAt(e, file('partials/statements.hbs'), 3, 3, '  {{> statements}}');
    expect(e.message).toContain('子模板递归调用过深');
  });

  it('an error inside a block is placed at its own line, not the block\'s', () => {
    const { e } = statements('{{#each statements.patientSide}}\n<p>{{cnum "x"}}</p>\n{{/each}}');
    expect(e.line).toBe(2);
  });
});

describe('bad block markup is traced to the template line that wrote it', () => {
  it('an attribute out of range', () => {
    const { e, file } = statements('<h2>陈述</h2>\n<p>x</p>\n\n<spacer lines="99"/>');
    expectAt(e, file('partials/statements.hbs'), 4, 1, '<spacer lines="99"/>');
    expect(e.message).toContain('lines 应为 0–50 的整数');
  });

  it('markup a helper wrote: the helper call', () => {
    const { e, file } = statements('<h2>陈述</h2>\n  {{paras statements.patientSide "nosuch"}}');
    expectAt(e, file('partials/statements.hbs'), 2, 3, '  {{paras statements.patientSide "nosuch"}}');
    expect(e.message).toContain('<p class="nosuch"> 无效');
  });

  it('text outside a paragraph', () => {
    const { e } = statements('<h2>陈述</h2>\n\n{{cnum 6}}');
    expect(e.message).toContain('段落标记之外出现了文字「六」');
    expect(e.line).toBe(3);
  });

  it('bad nesting: a block tag inside a paragraph', () => {
    const { e } = statements('<h2>陈述</h2>\n<p>甲\n  <spacer lines="1"/></p>');
    expect(e.message).toContain('段落中不允许使用标记 <spacer>');
    expect(e.line).toBe(3);
    expect(e.column).toBe(3);
  });
});

describe('a partial\'s errors name the partial\'s own file, not the template that includes it', () => {
  it.each([
    ['a syntax error', '<h2>x</h2>\n{{#if statements}}', 2],
    ['an unknown helper', '<h2>x</h2>\n{{upper statements.patientSide}}', 2],
    ['a missing field', '<h2>x</h2>\n<p>{{statements.x}}</p>', 2],
    ['an unknown block tag', '<h2>x</h2>\n<para/>', 2],
  ])('%s', (_kind, body, line) => {
    const { e, file } = failure({ 'partials/statements.hbs': '<h2>陈述</h2>\n{{> mine}}', 'partials/mine.hbs': body });
    expect(e.file).toBe(file('partials/mine.hbs'));
    expect(e.line).toBe(line);
  });

  it('a bundled template is named templates/…, an institution\'s by the folder as given', () => {
    const dir = templatesDir({ 'partials/statements.hbs': 'x' });
    expect(locateShown('partials/cover.hbs', dir).shown).toBe(path.join('templates', 'partials', 'cover.hbs'));
    expect(locateShown('partials/statements.hbs', dir).shown).toBe(path.join(dir, 'partials', 'statements.hbs'));
  });
});

describe('the tags an unknown-tag error lists are the tags the markup accepts', () => {
  const section = (inner: string) => `<document><section>${inner}</section></document>`;
  const refusal = (markup: string) => {
    try {
      markupToTree(markup);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };
  it.each(BLOCK_TAGS)('<%s> is a block tag', (tag) => {
    expect(refusal(section(`<${tag}></${tag}>`))).not.toContain('未知的块级标记');
  });
  it.each(INLINE_TAGS)('<%s> is allowed in a paragraph', (tag) => {
    expect(refusal(section(`<p><${tag}>x</${tag}></p>`))).toBe('');
  });
});
