/**
 * Issue 13: an institution sets a rule's severity in its config, with a reason; the diagnostic
 * says so, and the manifest names the setting. Syntax and schema checks cannot be changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { baseCase } from '../support/baseCase.js';
import { jianding, tmpDir } from '../support/cli.js';

const lateCase = () => {
  const c = baseCase();
  c.report.date = '2026-06-30';
  c.process.delayReason = '专家因病不能参加合议，重新抽取专家。';
  return c;
};

describe('severity overrides (config `rules`)', () => {
  it('raise or lower a rule, the reason printed with it', () => {
    const bytes = Buffer.from(JSON.stringify(lateCase()));
    const rules = { DATE_REPORT_DEADLINE: { severity: 'error' as const, reason: '本会规定逾期须经会长批准后另行出具' } };
    const r = loadCase(bytes, 'c.json', { rules });
    const d = r.diagnostics.find((x) => x.code === 'DATE_REPORT_DEADLINE')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('（本机构设定为错误：本会规定逾期须经会长批准后另行出具）');
    expect(r.ok).toBe(false);
    expect(loadCase(bytes, 'c.json').ok).toBe(true);
  });

  it('the config refuses to change syntax or schema checks, and the manifest names the setting', () => {
    const dir = tmpDir('jd-sev-');
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify(lateCase()));
    const config = path.join(dir, 'jianding.config.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { SCHEMA_REQUIRED: { severity: 'warning', reason: '想跳过' } } }));
    const refused = jianding(['validate', file, '--config', config]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SCHEMA_REQUIRED 是语法、模式与文字检查，其级别不能改变');

    fs.writeFileSync(config, JSON.stringify({ rules: { DATE_REPORT_DEADLINE: { severity: 'error', reason: '本会从严' }, GRADE_BASIS_MISSING: { severity: 'error', reason: '本会要求写明条款' } } }));
    const strict = jianding(['render', file, '--config', config, '--out', path.join(dir, 'out'), '--format', 'pdf']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('本机构设定为错误：本会从严');

    fs.writeFileSync(config, JSON.stringify({ rules: { GRADE_BASIS_MISSING: { severity: 'error', reason: '本会要求写明条款' } } }));
    const ok = jianding(['render', file, '--config', config, '--out', path.join(dir, 'out'), '--format', 'pdf']);
    expect(ok.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'c.manifest.json'), 'utf8'));
    expect(manifest.ruleSeverities).toEqual({ GRADE_BASIS_MISSING: { severity: 'error', reason: '本会要求写明条款' } });
  });
});
