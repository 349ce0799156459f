/** A batch rerun survives cases that changed underneath it (issue 11, finding 5). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';
import { expectConsistent, variant } from './support.js';

describe('batch rerun', () => {
  it('finding 5: a case that became a dangling link or a folder, and a manifest without input, fail that case only', () => {
    const dir = tmpDir();
    const cases = path.join(dir, 'cases');
    fs.mkdirSync(cases);
    const out = path.join(dir, 'out');
    for (const n of [1, 2, 3]) variant(cases, `case${n}.yaml`, 50 + n);
    const first = jianding(['batch', cases, '--out', out]);
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    fs.rmSync(path.join(cases, 'case1.yaml'));
    fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(cases, 'case1.yaml'));
    fs.rmSync(path.join(cases, 'case2.yaml'));
    fs.mkdirSync(path.join(cases, 'case2.yaml'));
    fs.writeFileSync(path.join(out, 'case3.manifest.json'), '{"outputs":[{"file":"case3.draft-1.pdf"}]}');
    const r = jianding(['batch', cases, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.stdout).toMatch(/case1\.yaml\t失败\t\t0\t找不到案件文件/);
    expect(r.stdout).toMatch(/case2\.yaml\t失败\t\t0\t.*是文件夹/);
    expect(r.stdout).toMatch(/case3\.yaml\t已是最新/);
    expect(r.stdout).toContain('共 3 件：已生成 0，已是最新 1，失败 2');
    expectConsistent(out);
  });
});
