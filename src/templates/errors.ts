/** The errors a template can cause, each explained in Chinese (and English) with the file, line, column and the line itself. */

/** Where in a template file, 1-based line and column as editors count them; column null when only the line is known. */
export interface Position { line: number; column: number | null }

/** What goes with a template error besides its Chinese detail; all optional. */
export interface ErrorExtras {
  column?: number | null;
  /** The offending line with a caret under the column (see excerpt.ts). */
  excerpt?: string;
  /** What is allowed instead: the known names, the nearest one. */
  hint?: string;
  detailEn?: string;
  hintEn?: string;
}

const where = (file: string, line: number | null, column: number | null | undefined) =>
  `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`;

function compose(head: string, file: string, line: number | null, column: number | null | undefined, detail: string, hint?: string, excerpt?: string): string {
  const place = file ? `${where(file, line, column)}：` : '';
  return `${head}${place}${detail}${hint ? `；${hint}` : ''}${excerpt ? `\n${excerpt}` : ''}`;
}

export class TemplateError extends Error {
  readonly column: number | null;
  readonly messageEn: string;
  /** `file` empty: a problem with the templates folder itself, not with one file in it. */
  constructor(readonly file: string, readonly line: number | null, readonly detail: string, readonly extras: ErrorExtras = {}) {
    super(compose('模板错误：', file, line, extras.column, detail, extras.hint, extras.excerpt));
    this.column = extras.column ?? null;
    const en = compose('template error: ', file, line, extras.column, extras.detailEn ?? detail, extras.hintEn ?? extras.hint, extras.excerpt);
    this.messageEn = en.replace(/：/g, ': ').replace(/；/g, '; ');
  }
}

/**
 * A problem found while parsing or rendering whose explanation is already written (a limit, a
 * bad helper argument, a missing field); the file wrapper adds which template it was.
 * `line` and `column` may be filled in later by whoever knows where the call was.
 */
export class ExplainedError extends Error {
  /** The partial being called when it happened (a limit): the call's line is looked up in the caller. */
  partialCall?: string;

  constructor(
    readonly detail: string,
    public line: number | null = null,
    public column: number | null = null,
    readonly extras: Pick<ErrorExtras, 'hint' | 'detailEn' | 'hintEn'> = {},
  ) {
    super(detail);
  }
}

/**
 * A field the report model does not have: the name, the line when Handlebars knows it, and
 * whether it was the field before this one in the path (`a.b.c` with `b` missing) that is absent.
 */
export class MissingFieldError extends ExplainedError {
  /** The fields the object does have, for "did you mean"; empty when it was not an object. */
  fields: string[] = [];

  constructor(readonly field: string, line: number | null, readonly parentMissing = false, column: number | null = null) {
    super(`引用了报告模型中不存在的字段「${field}」`, line, column, { detailEn: `the report model has no field "${field}"` });
  }
}
