/** Shared by the template tests: a case built with an institution's template folder, and its TemplateError. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';
import { TemplateError } from '../../src/templates/engine.js';
import type { CaseInput } from '../../src/schema/case.js';
import { baseCase } from '../support/baseCase.js';

export function build(templatesDir?: string, edit: (c: CaseInput) => void = () => {}) {
  const c = baseCase();
  edit(c);
  const r = loadCase(Buffer.from(JSON.stringify(c)), 'c.json');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return buildTree(r.case!, { caseSha256: r.sha256, generator: 'test', templatesDir });
}

/** A fresh institution folder holding `files` (relative path → text). */
export function templatesDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-tpl-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The TemplateError `fn` throws; anything else (a TypeError, a RangeError) fails the test. */
export function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no TemplateError');
}

/** The error a statements partial with this body gives. */
export const partialError = (body: string, edit?: (c: CaseInput) => void) =>
  templateError(() => build(templatesDir({ 'partials/statements.hbs': body }), edit));

/** No JavaScript internals in a message meant for people. */
export const JS_INTERNALS = /TypeError|RangeError|Cannot (read|use)|undefined \(reading|call stack|is not a function|\bat .+:\d+:\d+/;
