/** The line a template error shows: the text as written, a caret under the column, long lines cut around it. */
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/templates/excerpt.js';

describe('excerpt', () => {
  it('shows the line with its number and a caret under the column', () => {
    expect(excerpt('a\n  {{foo bar=}}\n', 2, 3)).toBe('  2 |   {{foo bar=}}\n    |   ^');
  });

  it('pads Chinese characters two cells wide, so the caret stands under the column in a terminal', () => {
    expect(excerpt('<p>陈述{{x}}</p>', 1, 6)).toBe('  1 | <p>陈述{{x}}</p>\n    |        ^');
  });

  it('keeps tabs, so the caret lines up whatever the tab width', () => {
    expect(excerpt('\t{{x}}', 1, 2)).toBe('  1 | \t{{x}}\n    | \t^');
  });

  it('cuts a long line around the column, marking the cuts', () => {
    const line = `${'a'.repeat(100)}{{bad}}${'b'.repeat(100)}`;
    const [text, caret] = excerpt(line, 1, 101).split('\n');
    expect(text).toMatch(/^ {2}1 \| …a+\{\{bad\}\}b+…$/);
    expect(caret!.indexOf('^')).toBe(text!.indexOf('{{bad}}'));
  });

  it('without a column: the line alone', () => {
    expect(excerpt('x\ny', 2, null)).toBe('  2 | y');
  });
});
