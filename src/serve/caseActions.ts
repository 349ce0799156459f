/**
 * The case list's actions: a new case of a kind (blank, or the `jianding init` example), a duplicate, an
 * archive (moved into the folder's 归档 subfolder, never deleted), and a save from the form that
 * keeps the file's comments and order. Names are checked before any path is built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_KINDS } from '../domain/reportKinds.js';
import { updateCaseText } from '../parse/updateYaml.js';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { sha256 } from '../register/index.js';
import { casePath } from './caseFiles.js';
import type { Reply } from './http.js';

export const KINDS = ['association', 'judicial', 'accident'] as const;
export const ARCHIVE_FOLDER = '归档';

const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const badName = (name: unknown) => json(400, { message: `文件名「${String(name)}」不可用：须以 .yaml 或 .json 结尾，不含 / 或 \\，不以 . 开头` });

/** Creates a file that must not exist yet (the flag 'wx' makes the check and the creation one step). */
function createNew(file: string, text: string): Reply | undefined {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return json(409, { message: `${path.basename(file)} 已存在` });
    throw e;
  }
}

/** A case with nothing but its kind: the form shows every part still to fill, each with its message. */
function blankCase(kind: (typeof KINDS)[number]): string {
  return `# 新案件：请在 jianding 工作台的表单中逐项填写（或在此按 YAML 书写）\nreport:\n  kind: ${REPORT_KINDS[kind].name}\n  status: 征求意见稿\n`;
}

export function newCase(folder: string, body: unknown): Reply {
  const { name, kind, blank } = (body ?? {}) as { name?: unknown; kind?: unknown; blank?: unknown };
  const file = typeof name === 'string' ? casePath(folder, name) : undefined;
  if (!file) return badName(name);
  if (!KINDS.includes(kind as (typeof KINDS)[number])) return json(400, { message: `文书种类应为 ${KINDS.join('、')} 之一` });
  const text = blank === true ? blankCase(kind as (typeof KINDS)[number]) : fs.readFileSync(path.join(BUNDLED_TEMPLATES, 'init', `${String(kind)}.yaml`), 'utf8');
  return createNew(file, text) ?? json(201, { name, sha256: sha256(text) });
}

export function duplicateCase(folder: string, name: string, body: unknown): Reply {
  const from = casePath(folder, name);
  const to = (body as { name?: unknown } | undefined)?.name;
  const target = typeof to === 'string' ? casePath(folder, to) : undefined;
  if (!from || !fs.existsSync(from)) return json(404, { message: `找不到：${name}` });
  if (!target) return badName(to);
  const text = fs.readFileSync(from);
  return createNew(target, text.toString('utf8')) ?? json(201, { name: to, sha256: sha256(text) });
}

export function archiveCase(folder: string, name: string): Reply {
  const from = casePath(folder, name);
  if (!from || !fs.existsSync(from)) return json(404, { message: `找不到：${name}` });
  const dir = path.join(folder, ARCHIVE_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const to = path.join(dir, name);
  if (fs.existsSync(to)) return json(409, { message: `${ARCHIVE_FOLDER}/${name} 已存在` });
  fs.renameSync(from, to);
  return json(200, { archived: `${ARCHIVE_FOLDER}/${name}` });
}

/** The new text of a save: as sent (source view), or the form's data written into the file on disk. */
export function savedText(file: string, current: string, body: { text?: unknown; data?: unknown }): string | undefined {
  if (typeof body.text === 'string') return body.text;
  if (body.data === undefined || body.data === null || typeof body.data !== 'object') return undefined;
  return updateCaseText(current, body.data, /\.json$/i.test(file) ? 'json' : 'yaml');
}
