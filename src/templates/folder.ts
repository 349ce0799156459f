/**
 * Finding template files: the institution's folder first, the bundled one as fallback.
 * An institution's folder is untrusted input: it must be a folder, and no file in it may
 * lead outside it — neither by a path, nor a symbolic link, nor a hard link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { sha256 } from '../register/hash.js';
import { TemplateError } from './errors.js';

/**
 * Far above any real template (the largest bundled one is a few KB), and small enough that
 * Handlebars parses even the densest file of that size in well under a second.
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** `--templates` (or the config's templates folder) must name an existing folder. */
export function checkTemplatesDir(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new TemplateError('', null, `模板文件夹不存在：${dir}（--templates 应为文件夹）`, { detailEn: `no templates folder ${dir} (--templates must be a folder)` });
  }
  if (!stat.isDirectory()) throw new TemplateError('', null, `--templates 应为文件夹：${dir} 是文件`, { detailEn: `--templates must be a folder: ${dir} is a file` });
}

const within = (real: string, realRoot: string) => real === realRoot || real.startsWith(realRoot + path.sep);

/** Resolves a template file inside `root`, refusing what leads outside it. `untrusted`: an institution's folder. */
function inside(root: string, rel: string, untrusted: boolean): string | null {
  const full = path.resolve(root, rel);
  // Errors name the file by the folder as the user wrote it.
  const shown = path.join(root, rel);
  if (!fs.existsSync(full)) return null;
  const real = fs.realpathSync(full);
  if (!within(real, fs.realpathSync(root))) throw new TemplateError(shown, null, '模板路径指向模板文件夹之外，已拒绝', { detailEn: 'the template path leads outside the templates folder; refused' });
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new TemplateError(shown, null, '应为模板文件，却是文件夹或特殊文件', { detailEn: 'should be a template file, but is a folder or a special file' });
  // A hard link is the same file as one elsewhere, perhaps outside the folder: it cannot be
  // told apart from its other names, so it is refused like a link that leads outside.
  // (Not for the bundled templates: package managers such as pnpm install by hard links.)
  if (untrusted && stat.nlink > 1) {
    throw new TemplateError(shown, null, `模板文件是硬链接（共 ${stat.nlink} 个名称），可能指向模板文件夹之外的文件，已拒绝；请复制文件而不是链接`, {
      detailEn: `the template file is a hard link (${stat.nlink} names), perhaps to a file outside the templates folder; refused — copy the file instead`,
    });
  }
  return real;
}

/** The file a template name resolves to: the institution's folder first, then the bundled one. */
export function locate(rel: string, overrideDir: string | undefined): string {
  return locateShown(rel, overrideDir).file;
}

/**
 * The file and the name errors call it by: in the institution's folder, the folder as the user
 * wrote it (`--templates my-templates` → `my-templates/partials/x.hbs`); bundled, `templates/…`.
 */
export function locateShown(rel: string, overrideDir: string | undefined): { file: string; shown: string } {
  // Checked here too, not only when loading: a caller checking whether earlier output is up to
  // date must not fall back to the bundled templates when the folder is not a folder.
  if (overrideDir) checkTemplatesDir(overrideDir);
  const own = overrideDir ? inside(overrideDir, rel, true) : null;
  if (own) return { file: own, shown: path.join(overrideDir!, rel) };
  const bundled = inside(BUNDLED_TEMPLATES, rel, false);
  if (!bundled) throw new TemplateError(rel, null, '找不到模板文件', { detailEn: 'template file not found' });
  return { file: bundled, shown: path.join('templates', rel) };
}

/** A template's text and the SHA-256 of its bytes, which the manifest records and the precompiled record is keyed by. */
export interface TemplateText { text: string; sha256: string }

/** A template read once for its text and hash; too large or unreadable files are template errors, not crashes. */
export function readTemplate(file: string, shown = file): TemplateText {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_TEMPLATE_BYTES) throw new TemplateError(shown, null, `模板文件过大（${size} 字节，上限 ${MAX_TEMPLATE_BYTES} 字节）`, { detailEn: `template file too large (${size} bytes, at most ${MAX_TEMPLATE_BYTES})` });
    const bytes = fs.readFileSync(file);
    return { text: bytes.toString('utf8'), sha256: sha256(bytes) };
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new TemplateError(shown, null, `无法读取模板文件（${code}）`, { detailEn: `cannot read the template file (${code})` });
  }
}

/**
 * Template files of a folder, relative, sorted: `*.hbs` in it and in its subfolders, the only
 * places a render looks (`partials/x.hbs`, `judicial/report.hbs`).
 */
export function templateFiles(dir: string): string[] {
  const rels: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // Links too: a render follows those that stay inside the folder, and locateShown refuses the others.
    if (!entry.isDirectory() && entry.name.endsWith('.hbs')) rels.push(entry.name);
    if (!entry.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(dir, entry.name))) if (f.endsWith('.hbs')) rels.push(`${entry.name}/${f}`);
  }
  return rels.sort();
}

/** Partial names from every folder's `partials/`; a `partials` that is not a folder is an error. */
export function partialNames(dirs: string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    const p = path.join(dir, 'partials');
    if (!fs.existsSync(p)) continue;
    if (!fs.statSync(p).isDirectory()) throw new TemplateError(p, null, 'partials 应为文件夹', { detailEn: 'partials must be a folder' });
    for (const f of fs.readdirSync(p)) if (f.endsWith('.hbs')) names.add(f.slice(0, -4));
  }
  return [...names].sort();
}
