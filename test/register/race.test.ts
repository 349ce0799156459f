/**
 * Concurrent renders into one folder (issue 11, finding 4 and the race test): two final cases
 * with the same output name cannot both win, and different cases all succeed side by side.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tmpDir } from '../support/cli.js';
import { committedFiles, expectConsistent, pendingRows, sha, variant } from './support.js';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent renders', () => {
  it('finding 4: two different final cases with one output name, rendered at once, never both win (3 tries)', async () => {
    for (let t = 0; t < 3; t++) {
      const root = tmpDir();
      const out = path.join(root, 'out');
      const [a, b] = ['a', 'b'].map((d, i) => {
        fs.mkdirSync(path.join(root, d));
        return variant(path.join(root, d), 'x.yaml', 30 + i, 'final');
      });
      const results = await Promise.all([a, b, a, b].map((f) => run(['render', f!, '--out', out, '--format', 'pdf'])));
      const finals = committedFiles(out).filter((f) => f.stream === 'final');
      expect(finals.map((f) => f.file)).toEqual(['x.pdf']);
      const winner = sha(a!) === (committedCaseSha(out) ?? '') ? a! : b!;
      for (const [i, r] of results.entries()) {
        const same = [a, b, a, b][i] === winner;
        // The winner's twin finds it up to date (or waited and did); the other case is refused.
        if (same) expect(r.code, r.stderr).toBe(0);
        else {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/正式文书一经生成即不可替换|已属于登记簿中的另一件案件/);
        }
        expect(r.stderr).not.toContain('内部错误');
      }
      expectConsistent(out);
      expect(pendingRows(out)).toBe(0);
    }
  }, 300_000);

  it('different cases rendered at once into one folder all succeed, each whole', async () => {
    const root = tmpDir();
    const out = path.join(root, 'out');
    const files = [1, 2, 3, 4].map((n) => variant(root, `c${n}.yaml`, 40 + n, n % 2 ? 'final' : 'draft'));
    const results = await Promise.all(files.map((f) => run(['render', f, '--out', out])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(new Set(expectConsistent(out).map((f) => f.name))).toEqual(new Set(['c1', 'c2', 'c3', 'c4']));
  }, 120_000);
});

/** The case SHA-256 the register recorded for the committed final. */
function committedCaseSha(out: string): string | undefined {
  const m = JSON.parse(fs.readFileSync(path.join(out, 'x.manifest.json'), 'utf8')) as { versions: { status: string; input: { sha256: string } }[] };
  return m.versions.find((v) => v.status === 'final')?.input.sha256;
}
