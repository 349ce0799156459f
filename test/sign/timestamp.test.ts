/**
 * PAdES B-T: with a timestamp authority configured, each signature carries an RFC 3161 token
 * over its value; pdfsig still finds every signature valid, and verify names the time. Without
 * a reachable authority nothing is signed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../support/cli.js';
import { hasPoppler } from '../pdf/support.js';
import { makeP12, PASSWORD } from './support.js';
import { startTsa, type TestTsa } from './tsa.js';

const FIXTURE = path.resolve('fixtures/02_association_obstetrics_pph_mediation.yaml');
/** Asynchronous: the test's timestamp authority answers from this same process while the CLI waits on it. */
function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.resolve('dist/jianding.mjs'), ...args], { cwd, env: { ...process.env, JIANDING_P12_PASSWORD: PASSWORD } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let tsa: TestTsa;
let dir: string;
beforeAll(async () => {
  tsa = await startTsa();
  dir = tmpDir('jd-tsa-');
  fs.copyFileSync(FIXTURE, path.join(dir, 'case.yaml'));
  fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ tsaUrl: tsa.url }));
  expect((await run(['render', 'case.yaml', '--final', '--out', 'output'], dir)).code).toBe(0);
}, 120_000);
afterAll(() => tsa.close());

describe.skipIf(!hasPoppler)('timestamped signatures (PAdES B-T)', () => {
  it('the configured authority timestamps each signature; verify reports B-T with the time, pdfsig finds them valid', async () => {
    const p12 = makeP12(dir, '何某某');
    const r = await run(['sign', 'output/case.pdf', '--p12', p12, '--signer', '何某某'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('PAdES B-T');
    expect(tsa.requests).toBe(1);
    const v = await run(['verify', 'output/case.signed.pdf'], dir);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/PAdES B-T，时间戳 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    const sig = spawnSync('pdfsig', ['output/case.signed.pdf'], { cwd: dir, encoding: 'utf8' });
    if (sig.status !== null) expect(sig.stdout).toContain('Signature is Valid');
  });

  it('an authority that cannot be reached stops the signing with a Chinese message, and nothing is written', async () => {
    const p12 = makeP12(dir, '许某');
    const out = path.join(dir, 'output', 'unreachable.pdf');
    const r = await run(['sign', 'output/case.signed.pdf', '--p12', p12, '--signer', '许某', '--tsa', 'http://127.0.0.1:9/tsa', '--out', out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法连接时间戳服务器');
    expect(fs.existsSync(out)).toBe(false);
  });
});
