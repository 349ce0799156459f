/** Findings 17 and 20: the templates folder must be a folder, and no file in it may be a hard link. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadTemplates } from '../../src/templates/engine.js';
import { build, templateError, templatesDir } from './support.js';

describe('--templates must name a folder', () => {
  it('a file is refused, not silently ignored', () => {
    const file = path.join(templatesDir({ 'report.hbs': 'x' }), 'report.hbs');
    const e = templateError(() => loadTemplates('association', file));
    expect(e.message).toBe(`模板错误：--templates 应为文件夹：${file} 是文件`);
  });

  it('a folder that does not exist is refused', () => {
    const e = templateError(() => loadTemplates('association', '/no/such/folder'));
    expect(e.message).toContain('模板文件夹不存在：/no/such/folder');
  });

  it('a template name that is a folder is refused', () => {
    const dir = templatesDir({});
    fs.mkdirSync(path.join(dir, 'partials', 'statements.hbs'), { recursive: true });
    expect(templateError(() => build(dir)).message).toContain('应为模板文件');
  });

  it('a partials entry that is a file is refused', () => {
    const dir = templatesDir({ partials: 'x' });
    expect(templateError(() => build(dir)).message).toContain('partials 应为文件夹');
  });
});

describe('hard links', () => {
  it('a template that is a hard link to a file elsewhere is refused', () => {
    const outside = templatesDir({ 'secret.hbs': '<h2>外部文件</h2>' });
    const dir = templatesDir({});
    fs.mkdirSync(path.join(dir, 'partials'));
    fs.linkSync(path.join(outside, 'secret.hbs'), path.join(dir, 'partials', 'statements.hbs'));
    const e = templateError(() => build(dir));
    expect(e.message).toContain('硬链接');
    expect(e.message).toContain('statements.hbs');
  });

  it('an ordinary copy is fine', () => {
    const dir = templatesDir({ 'partials/statements.hbs': '<h2>（一）双方陈述（复制）</h2>' });
    expect(JSON.stringify(build(dir).tree)).toContain('双方陈述（复制）');
  });
});

describe('{{log}} never writes to standard output', () => {
  it('is refused as an unknown helper, and nothing is printed', () => {
    const log = vi.spyOn(console, 'log');
    const info = vi.spyOn(process.stdout, 'write');
    try {
      const e = templateError(() => build(templatesDir({ 'partials/statements.hbs': '{{#if true}}{{log "leak"}}{{/if}}' })));
      expect(e.message).toContain('使用了未知的 helper「log」');
      expect(log).not.toHaveBeenCalled();
      expect(info.mock.calls.flat().join('')).not.toContain('leak');
    } finally {
      log.mockRestore();
      info.mockRestore();
    }
  });
});

describe('locate (used to decide whether earlier output is up to date)', () => {
  it('does not fall back to the bundled templates when --templates is a file', async () => {
    const { locate } = await import('../../src/templates/engine.js');
    const file = path.join(templatesDir({ 'report.hbs': 'x' }), 'report.hbs');
    expect(() => locate('partials/statements.hbs', file)).toThrow(/应为文件夹/);
  });
});
