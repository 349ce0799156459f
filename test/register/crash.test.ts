/**
 * A crash at any moment leaves the committed state or the new one (issue 11, finding 12 and the
 * crash-consistency test): `render` and `batch` are killed with SIGKILL (105 times in `npm run test:long`) —
 * at random moments and exactly between renames and before the commit, in a build whose rename
 * window is widened (JIANDING_TEST_PAUSE_MS). After each kill every committed version's files
 * match their SHA-256 and no final was replaced; after each rerun no temporary file and no
 * pending reservation remains.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, jianding, tmpDir } from '../support/cli.js';
import { expectConsistent, pendingRows, sha, variant } from './support.js';

/** 36 kills in `npm test`; `npm run test:long` sets 105 (70 of `render`, 35 of `batch`). */
const KILLS = Number(process.env.JIANDING_CRASH_KILLS ?? 36);
const RENDER_KILLS = Math.round((KILLS * 2) / 3);
const BATCH_KILLS = KILLS - RENDER_KILLS;

type KillAt = { kind: 'random'; ms: number } | { kind: 'marker'; marker: string };

/** Runs the CLI and kills it with SIGKILL at the moment asked for; resolves when it is gone. */
function runAndKill(args: string[], at: KillAt): Promise<{ killed: boolean; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JIANDING_TEST_PAUSE_MS: '40' } });
    let stderr = '';
    let killed = false;
    const kill = () => { killed = child.kill('SIGKILL'); };
    const timer = at.kind === 'random' ? setTimeout(kill, at.ms) : setTimeout(kill, 20_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (at.kind === 'marker' && stderr.includes(`JIANDING_TEST_PAUSE ${at.marker}`)) kill();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed, stderr, code });
    });
  });
}

/** Finals ever committed, by file: none may change or vanish. */
function checkFinals(out: string, seen: Map<string, string>): void {
  for (const f of expectConsistent(out, { temps: false })) {
    if (f.stream === 'final' && !seen.has(f.file)) seen.set(f.file, f.sha256);
  }
  for (const [file, hash] of seen) expect(sha(path.join(out, file)), `final ${file}`).toBe(hash);
}

function killPoint(i: number, seed: number): KillAt {
  const markers = ['renamed', 'commit'];
  if (i % 3 === 0) return { kind: 'marker', marker: markers[(i / 3) % 2]! };
  return { kind: 'random', ms: 250 + ((seed * 7919 + i * 104729) % 900) };
}

/** A case edited between runs, so each run has something new to write. */
function edit(file: string, i: number): void {
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/患者(张某某|张某\d+)/, `患者张某${i}`));
}

describe('crash consistency', () => {
  it(`render killed ${RENDER_KILLS} times (random moments, between renames, before the commit): finals survive, reruns clean up`, async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const files = [variant(dir, 'a.yaml', 11), variant(dir, 'b.yaml', 12, 'final'), variant(dir, 'c.yaml', 13)];
    const finals = new Map<string, string>();
    let hitWindow = 0;
    for (let i = 0; i < RENDER_KILLS; i++) {
      const file = files[i % 3]!;
      if (i % 3 !== 1) edit(file, i);
      const args = ['render', file, '--out', out, ...(i % 7 === 6 ? ['--final'] : [])];
      const at = killPoint(i, 1);
      const r = await runAndKill(args, at);
      if (/JIANDING_TEST_PAUSE/.test(r.stderr) && r.killed) hitWindow++;
      // A run told to die at a pause point either died there or had nothing to write (a refused final).
      if (at.kind === 'marker') expect(r.killed || r.code === 2, r.stderr).toBe(true);
      checkFinals(out, finals);
      const rerun = jianding(args);
      expect([0, 2], rerun.stderr).toContain(rerun.code);
      expect(rerun.stderr).not.toContain('内部错误');
      checkFinals(out, finals);
      expectConsistent(out);
      expect(pendingRows(out)).toBe(0);
    }
    // Every third kill waits for a pause marker; all but the refused finals among them land inside the window.
    expect(hitWindow).toBeGreaterThanOrEqual(Math.floor(RENDER_KILLS / 4));
    expect(finals.size).toBeGreaterThan(0);
  }, 600_000);

  it(`batch killed ${BATCH_KILLS} times: committed versions stay whole, a rerun finishes the rest`, async () => {
    const dir = tmpDir();
    const cases = path.join(dir, 'cases');
    fs.mkdirSync(cases);
    const out = path.join(dir, 'out');
    const files = [1, 2, 3, 4].map((n) => variant(cases, `case${n}.yaml`, 20 + n, n === 2 ? 'final' : 'draft'));
    const finals = new Map<string, string>();
    for (let i = 0; i < BATCH_KILLS; i++) {
      edit(files[i % 4 === 1 ? 0 : i % 4]!, i);
      const r = await runAndKill(['batch', cases, '--out', out, '--jobs', '2'], killPoint(i, 2));
      expect(r.stderr).not.toContain('内部错误');
      checkFinals(out, finals);
      const rerun = jianding(['batch', cases, '--out', out, '--jobs', '2']);
      expect(rerun.code, rerun.stdout).toBe(0);
      checkFinals(out, finals);
      expectConsistent(out);
      expect(pendingRows(out)).toBe(0);
    }
  }, 600_000);
});
