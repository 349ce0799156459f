#!/usr/bin/env node
/** jianding: exit 0 done, 1 invalid input (case or template), 2 usage or I/O error — never a stack trace unless --debug. */
import { CommanderError } from 'commander';
import { RegisterError } from '../register/errors.js';
import { EXIT, UsageError } from './errors.js';
import { t, type Lang } from './i18n.js';
import { program } from './program.js';
import { isShortLived } from './startup.js';
import { readOutlinesOnDemand } from '../render/pdf/fontReads.js';

/** Read before commander parses, so that commander's own usage errors can be worded too. */
function langFromArgv(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (i >= 0 && argv[i + 1] === 'en') ? 'en' : 'zh';
}

async function main(argv: string[]): Promise<void> {
  const lang = langFromArgv(argv);
  try {
    await program(lang).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (e instanceof UsageError || e instanceof RegisterError) {
      process.stderr.write(`${t('error', lang)}：${lang === 'en' ? e.messageEn : e.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`${t('internal', lang)}：${(e as Error).message}\n`);
    if (argv.includes('--debug')) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = EXIT.usage;
  }
}

// A one-document command reads font outlines as it sets them (render/pdf/fontReads.ts).
if (isShortLived(process.argv.slice(2))) readOutlinesOnDemand();
void main(process.argv);
