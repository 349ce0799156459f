/** jianding init [--kind …] [--out FILE]: a complete, commented example case to start from. */
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLED_TEMPLATES } from '../../paths.js';
import { EXIT, UsageError } from '../errors.js';
import { writeAtomic } from '../files.js';

export const INIT_KINDS = ['association', 'judicial', 'accident'] as const;

export function initCommand(kind: string, out: string, force: boolean): number {
  if (!(INIT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind 应为 ${INIT_KINDS.join('、')} 之一`, `--kind must be one of ${INIT_KINDS.join(', ')}`);
  }
  if (fs.existsSync(out) && !force) throw new UsageError(`文件已存在：${out}（覆盖请加 --force）`, `File exists: ${out} (use --force)`);
  const example = fs.readFileSync(path.join(BUNDLED_TEMPLATES, 'init', `${kind}.yaml`), 'utf8');
  writeAtomic(out, example);
  process.stdout.write(`已写入示例案件 ${out}；编辑后运行 jianding validate ${out}\n`);
  return EXIT.ok;
}
