/** The typed library API: `import { validateCase, renderCase } from 'jianding'` works without the CLI. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');

describe('library API', () => {
  it('the package entry (dist/index.js, built) validates and renders in memory', async () => {
    const { validateCase, renderCase } = await import('jianding');
    expect(validateCase(VALID).ok).toBe(true);
    const bad = validateCase(VALID.replace('participation: 30 ', 'participation: 45 '));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['CAUSATION_PARTICIPATION_RANGE']);
    const r = await renderCase(VALID, { formats: ['pdf'] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.outputs[0]!.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    // The 查询校验码 printed on page 1.
    if (r.ok) expect(r.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(fs.existsSync('dist/index.d.ts')).toBe(true);
  });
});
