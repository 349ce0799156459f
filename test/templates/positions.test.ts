/**
 * Markup errors are traced to the template line by rendering again with position marks
 * (src/templates/positions.ts). That second render must be the first one plus marks, or the
 * error found in it would not be the user's error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';
import { build, templatesDir } from './support.js';

const MARK = /<!--jd-at:\d+:\d+:\d+-->/g;
const FIXTURES = path.resolve('fixtures');

describe('the render with position marks is the normal render plus marks', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f));
  it.each(files)('%s', (name) => {
    const r = loadCase(fs.readFileSync(path.join(FIXTURES, name)), name);
    expect(r.ok).toBe(true);
    const built = buildTree(r.case!, { caseSha256: r.sha256, generator: 'test' });
    const marked = built.templates.renderMarked(built.model);
    expect(marked).toMatch(MARK);
    expect(marked.replace(MARK, '')).toBe(built.markup);
  });

  it('marks stay out of tags, attribute values and comments an institution writes', () => {
    const dir = templatesDir({
      'partials/statements.hbs': '<h2 class="x">{{#if statements}}陈述{{/if}}</h2>\n<!-- 注释 <b>{{statements.patientSide}}</b> -->\n<p class="{{#if statements}}body{{/if}}" align=\'{{#if statements}}left{{/if}}\'>{{statements.patientSide}}</p>',
    });
    const built = build(dir);
    const marked = built.templates.renderMarked(built.model);
    expect(marked.replace(MARK, '')).toBe(built.markup);
  });
});
