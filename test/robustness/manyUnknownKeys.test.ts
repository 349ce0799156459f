/**
 * Locating diagnostics must stay linear: a case with tens of thousands of unknown keys used to take
 * minutes (each diagnostic searched the YAML document from the top). No timing assertion beyond the
 * test's timeout; the point is that it finishes and every diagnostic still carries its line.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadCase } from '../../src/parse/loadCase.js';
import { baseCase } from '../support/baseCase.js';

const KEYS = 20_000;

function withUnknownKeys(): Record<string, unknown> {
  const c = baseCase() as unknown as Record<string, unknown>;
  const patient = (c.basicInfo as Record<string, Record<string, unknown>>).patient!;
  for (let i = 0; i < KEYS; i++) patient[`extra${i}`] = i;
  return c;
}

describe(`${KEYS} unknown keys`, () => {
  it.each(['yaml', 'json'] as const)('as %s: every one reported with its line', (format) => {
    const data = withUnknownKeys();
    const text = format === 'yaml' ? YAML.stringify(data) : JSON.stringify(data, null, 2);
    const r = loadCase(Buffer.from(text), `case.${format}`);
    const unknown = r.diagnostics.filter((d) => d.code === 'SCHEMA_UNKNOWN_FIELD');
    expect(unknown).toHaveLength(KEYS);
    expect(unknown.every((d) => d.line !== undefined && d.column !== undefined)).toBe(true);
    // The last key is on the line the text puts it on.
    const last = unknown.at(-1)!;
    const lines = text.split('\n');
    expect(lines[last.line! - 1]).toContain(`extra${KEYS - 1}`);
  }, 60_000);
});
