/**
 * Build-time, last step: writes V8's code cache for the one-shot script (src/cli/codeCache.ts)
 * by rendering a bundled fixture with it, then verifying the PDF (the second run extends the
 * first's cache), so the cache holds the code those commands run; validate runs a part of it.
 * Without a cache (a failed run, a package folder not writable) one-document commands load
 * the ES module bundle, as before: the build says so and goes on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ONE_SHOT, WRITE_CACHE_ENV } from '../cli/codeCache.js';
import { PACKAGE_ROOT } from '../paths.js';

/** A judicial opinion with tables, two grades and a 落款 of several experts: most of what render runs. */
const WARM_UP_CASE = path.join(PACKAGE_ROOT, 'fixtures', '01_judicial_surgery_fundoplication_two_grades.yaml');

function writeCodeCache(): void {
  for (const file of [ONE_SHOT.cache, ONE_SHOT.record]) fs.rmSync(file, { force: true });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jianding-warm-up-'));
  try {
    const entry = path.join(PACKAGE_ROOT, 'dist', 'jianding.mjs');
    const pdf = path.join(out, `${path.basename(WARM_UP_CASE, '.yaml')}.pdf`);
    for (const args of [['render', WARM_UP_CASE, '--out', out], ['verify', pdf]]) {
      const run = spawnSync(process.execPath, [entry, ...args], { env: { ...process.env, [WRITE_CACHE_ENV]: '1' }, encoding: 'utf8' });
      if (run.status !== 0 || !fs.existsSync(ONE_SHOT.cache)) {
        process.stderr.write(`启动代码缓存的预热没有完成（jianding ${args[0]}；缓存之外的代码照常在运行时编译，没有缓存时单件命令从模块包启动）：${(run.stderr || run.error?.message || '').trim()}\n`);
        return;
      }
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

writeCodeCache();
