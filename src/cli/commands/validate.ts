/** jianding validate <file…> [--json] */
import { loadCase } from '../../parse/loadCase.js';
import type { Config } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import { readCaseBytes } from '../files.js';
import { t, type Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';

export function validateCommand(files: string[], opts: { json?: boolean; lang: Lang }, config: Config): number {
  let exit: number = EXIT.ok;
  const results = files.map((file) => {
    try {
      const loaded = loadCase(readCaseBytes(file), file, { institution: config.institution, rules: config.rules });
      if (!loaded.ok) exit = Math.max(exit, EXIT.invalid);
      return { file, ok: loaded.ok, sha256: loaded.sha256, diagnostics: loaded.diagnostics };
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      exit = EXIT.usage;
      return { file, ok: false, sha256: null, diagnostics: [], failure: opts.lang === 'en' ? e.messageEn : e.message };
    }
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return exit;
  }
  for (const r of results) {
    if (r.failure) process.stderr.write(`${r.file}  ${t('error', opts.lang)}  ${r.failure}\n`);
    if (r.diagnostics.length) process.stderr.write(`${formatDiagnostics(r.file, r.diagnostics, opts.lang)}\n`);
    if (!r.failure) process.stdout.write(`${r.file}: ${t(r.ok ? 'valid' : 'invalid', opts.lang)}\n`);
  }
  return exit;
}
