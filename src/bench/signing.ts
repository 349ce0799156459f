/**
 * Signing benchmark (a measurement, not a test): what a signer waits for at the command line.
 * Renders a 12-page judicial final, then times, as whole `jianding` processes (cold, as used):
 * three `sign` calls (two appraisers, then the seal: each an incremental update), `verify` of
 * the signed PDF (which renders the document again from its embedded case), `verify` of the
 * DOCX against the register, and `verify --code`. Prints the median and range of N rounds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../paths.js';
import { TEST_PASSWORD, testP12 } from './testCredentials.js';

const CASE = path.join(PACKAGE_ROOT, 'fixtures', '01_judicial_surgery_fundoplication_two_grades.yaml');
const CLI = path.join(PACKAGE_ROOT, 'dist', 'jianding.mjs');

function timed(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, JIANDING_P12_PASSWORD: TEST_PASSWORD } });
  if (r.status !== 0) throw new Error(`jianding ${args.join(' ')} → ${r.status}\n${r.stdout}${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function oneRound(dir: string, p12: Record<string, string>): Record<string, number> {
  fs.rmSync(path.join(dir, 'output'), { recursive: true, force: true });
  const t: Record<string, number> = {};
  t['render --final (for scale)'] = timed(['render', 'case.yaml', '--final', '--out', 'output'], dir);
  t['sign (1st appraiser)'] = timed(['sign', 'output/case.pdf', '--p12', p12.a!, '--signer', '刘某某'], dir);
  t['sign (2nd appraiser)'] = timed(['sign', 'output/case.signed.pdf', '--p12', p12.b!, '--signer', '周某'], dir);
  t['sign (seal, 3rd signature)'] = timed(['sign', 'output/case.signed.pdf', '--p12', p12.seal!, '--seal'], dir);
  t['verify signed PDF'] = timed(['verify', 'output/case.signed.pdf'], dir);
  t['verify DOCX (register)'] = timed(['verify', 'output/case.docx'], dir);
  const code = /查询校验码：(\S+)/.exec(spawnSync(process.execPath, [CLI, 'verify', 'output/case.pdf'], { cwd: dir, encoding: 'utf8' }).stdout)?.[1] ?? '';
  t['verify --code'] = timed(['verify', '--code', code, '--out', 'output'], dir);
  return t;
}

function main(): void {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '5' } } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-sign-bench-'));
  fs.copyFileSync(CASE, path.join(dir, 'case.yaml'));
  const p12: Record<string, string> = {};
  for (const [key, name] of [['a', '刘某某'], ['b', '周某'], ['seal', '江苏某某司法鉴定所']] as const) {
    p12[key] = path.join(dir, `${key}.p12`);
    fs.writeFileSync(p12[key], testP12(name));
  }
  const rounds = Array.from({ length: Number(values.n) }, () => oneRound(dir, p12));
  console.log(`jianding signing benchmark — ${os.cpus()[0]?.model ?? 'CPU'} ×${os.cpus().length}, Node ${process.version}, ${rounds.length} rounds, whole processes`);
  for (const step of Object.keys(rounds[0]!)) {
    const xs = rounds.map((r) => r[step]!).sort((a, b) => a - b);
    console.log(`  ${step.padEnd(28)} median ${xs[Math.floor(xs.length / 2)]!.toFixed(0).padStart(5)} ms   range ${xs[0]!.toFixed(0)}–${xs[xs.length - 1]!.toFixed(0)} ms`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
