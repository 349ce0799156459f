/** jianding register [--out DIR] [--json] [case…]: what the register of an output folder holds. */
import fs from 'node:fs';
import path from 'node:path';
import { committedVersions, listCases, manifestOf, registerFor, registerPath, versionTitle, type VersionRow } from '../../register/index.js';
import { EXIT, UsageError } from '../errors.js';
import type { Lang } from '../i18n.js';

function line(v: VersionRow, lang: Lang): string {
  const when = v.committedAt?.replace('T', ' ').slice(0, 16) ?? '';
  const reason = v.reason ? `（${v.reasonKind}：${v.reason}）` : '';
  return `  ${v.seq}\t${versionTitle(v.stream, v.number, lang)}${reason}\t${v.documentNumber}\t${when}\t${v.files.map((f) => f.file).join('、')}`;
}

export function registerCommand(names: string[], o: { out: string; register?: string; json?: boolean }, lang: Lang): number {
  const file = registerPath(o.out, o.register);
  if (!fs.existsSync(file)) throw new UsageError(`${o.out} 中还没有登记簿（${path.basename(file)}）：尚未生成过文书`, `No register in ${o.out} yet: nothing has been rendered there`);
  const reg = registerFor(o.out, o.register);
  const cases = listCases(reg.db).filter((c) => names.length === 0 || names.includes(c.name));
  if (o.json) {
    process.stdout.write(`${JSON.stringify(cases.map((c) => ({ folder: c.folder, ...manifestOf(reg.db, c.folder, c.name, reg.file) })), null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [`${lang === 'en' ? 'register' : '登记簿'}：${file}`];
  for (const c of cases) {
    const versions = committedVersions(reg.db, c.id);
    if (versions.length) lines.push(`${c.folder ? `${c.folder}/` : ''}${c.name}`, ...versions.map((v) => line(v, lang)));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
