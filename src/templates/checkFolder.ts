/**
 * Every problem of an institution's template folder that shows without rendering: each `.hbs`
 * file in it (the folder itself and one level down: `partials/`, `judicial/`, …) is read,
 * parsed and checked — syntax, helpers, partials, decorators, nesting, links and size — and
 * all errors are returned, not only the first. Rendering (missing fields, bad markup) is
 * the caller's part, see cli/commands/checkTemplates.ts.
 */
import { checkSource, knownPartials } from './engine.js';
import { TemplateError } from './errors.js';
import { checkTemplatesDir, locateShown, readTemplate, templateFiles } from './folder.js';

export interface FolderCheck {
  files: string[];
  errors: TemplateError[];
  /** The text of each file without errors (relative name → text), to render with. */
  sound: Map<string, string>;
}

/** All errors of every template file in `dir`, file by file, each in line order. */
export function checkFolder(dir: string): FolderCheck {
  checkTemplatesDir(dir);
  const partials = knownPartials(dir);
  const files = templateFiles(dir);
  const sound = new Map<string, string>();
  const errors = files.flatMap((rel) => {
    try {
      const { file, shown } = locateShown(rel, dir);
      const { text } = readTemplate(file, shown);
      const found = checkSource({ shown, text }, { partials }, partials).errors;
      if (found.length === 0) sound.set(rel, text);
      return found;
    } catch (e) {
      if (e instanceof TemplateError) return [e];
      throw e;
    }
  });
  return { files, errors, sound };
}

/** The same error found twice (by the check and again by a render) is reported once. */
export const errorKey = (e: TemplateError): string => `${e.file}:${e.line}:${e.column}:${e.detail}`;
