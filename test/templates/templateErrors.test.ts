/** Finding 16: every template failure is a TemplateError with file, line where known, and Chinese — no JavaScript internals, no blanks. */
import { describe, expect, it } from 'vitest';
import { JS_INTERNALS, partialError } from './support.js';

const expectField = (body: string, field: string, line: number | null = 1) => {
  const e = partialError(body);
  expect(e.message).toContain(`引用了报告模型中不存在的字段「${field}」`);
  expect(e.message).toContain('statements.hbs');
  expect(e.message).not.toMatch(JS_INTERNALS);
  if (line !== null) expect(e.line).toBe(line);
  return e;
};

describe('fields the report model does not have are errors, never blanks', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('{{%s}}', (name) => {
    expectField(`{{${name}}}`, name);
  });

  it('a prototype property under a real field', () => expectField('{{statements.toString}}', 'toString'));
  it('{{lookup this "x"}}', () => expectField('{{lookup this "x"}}', 'x'));
  it('{{lookup statements "doctorSide"}}', () => expectField('\n{{lookup statements "doctorSide"}}', 'doctorSide', 2));
  it('a field under a text (Cannot use \'in\' operator…)', () => expectField('{{#each statements}}{{this.x}}{{/each}}', 'x'));
  it('a field under a missing field names the missing one', () => {
    const e = expectField('\n{{statements.x.y}}', 'x', 2);
    expect(e.message).toContain('statements.x.y');
  });
  it('a missing field at the start of a long path (reading \'b\')', () => expectField('{{a.b.c}}', 'a'));
  it('a missing field in a condition', () => expectField('\n\n{{#if nosuch}}x{{/if}}', 'nosuch', 3));
});

describe('helpers', () => {
  it.each([
    ['{{log "hi"}}', '使用了未知的 helper「log」'],
    ['{{log}}', '使用了未知的 helper「log」'],
    ['{{helperMissing}}', '使用了未知的 helper「helperMissing」'],
    ['{{upper statements.patientSide}}', '使用了未知的 helper「upper」'],
    ['{{paras}}', 'helper「paras」的参数无效'],
    ['{{cnum}}', 'helper「cnum」的参数无效'],
    ['{{cnum "abc"}}', 'helper「cnum」的参数无效'],
    ['{{accidentGrade "zz"}}', '「zz」不是已知的代码'],
    ['{{participationRange "constructor"}}', '「constructor」不是已知的代码'],
    ['{{chineseDate 5}}', 'helper「chineseDate」的参数无效'],
    ['{{disabilityGrade 11}}', '1–10'],
    ['{{*foo}}', '未知的装饰器「foo」'],
    ['{{#each}}x{{/each}}', '{{#each}} 缺少要循环的列表'],
    ['{{#if}}x{{/if}}', '{{#if}} 需要恰好一个参数'],
    ['{{lookup}}', '{{lookup}} 需要两个参数'],
    ['{{cnum 6}}', '段落标记之外出现了文字「六」'],
  ])('%s', (body, message) => {
    const e = partialError(body);
    expect(e.message).toContain(message);
    expect(e.message).toContain('statements.hbs');
    expect(e.message).not.toMatch(JS_INTERNALS);
  });
});

describe('partials', () => {
  it('a partial that calls itself: 子模板递归调用过深', () => {
    const e = partialError('{{> statements}}');
    expect(e.message).toContain('子模板递归调用过深');
    expect(e.message).toContain('statements.hbs');
  });

  it('an inline partial that calls itself', () => {
    expect(partialError('{{#*inline "x"}}{{> x}}{{/inline}}{{> x}}').message).toContain('子模板递归调用过深');
  });

  it('a partial block that calls itself', () => {
    expect(partialError('{{#> statements}}x{{/statements}}').message).toContain('子模板递归调用过深');
  });

  it('a missing partial names it and its line', () => {
    const e = partialError('<h2>x</h2>\n{{> nosuch}}');
    expect(e.message).toContain('找不到子模板（partial）「nosuch」');
    expect(e.line).toBe(2);
  });
});

describe('syntax errors', () => {
  it('a file that ends inside a block names the block left open, where it opens', () => {
    const e = partialError('<h2>陈述</h2>\n{{#if statements}}\n');
    expect(e.line).toBe(2);
    expect(e.column).toBe(1);
    expect(e.message).toContain('{{#if}} 没有对应的 {{/if}}');
    expect(e.message).toContain('  2 | {{#if statements}}');
    expect(e.message).toContain('^');
  });

  it('mismatched blocks are named', () => {
    const e = partialError('{{#if statements}}\n{{/each}}');
    expect(e.message).toContain('{{#if}} 与 {{/each}} 不配对');
    expect(e.line).toBe(1);
  });
});
