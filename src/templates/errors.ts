/** The errors a template can cause, each explained in Chinese with the file and line. */

export class TemplateError extends Error {
  /** `file` empty: a problem with the templates folder itself, not with one file in it. */
  constructor(readonly file: string, readonly line: number | null, readonly detail: string) {
    super(file ? `模板错误：${file}${line ? ` 第${line}行` : ''}：${detail}` : `模板错误：${detail}`);
  }
}

/**
 * A problem found while rendering whose Chinese explanation is already written (a limit, a
 * bad helper argument, a missing field); the file wrapper adds which template it was.
 */
export class ExplainedError extends Error {
  constructor(readonly detail: string, readonly line: number | null = null) {
    super(detail);
  }
}

/**
 * A field the report model does not have: the name, the line when Handlebars knows it, and
 * whether it was the field before this one in the path (`a.b.c` with `b` missing) that is absent.
 */
export class MissingFieldError extends ExplainedError {
  constructor(readonly field: string, line: number | null, readonly parentMissing = false) {
    super(`引用了报告模型中不存在的字段「${field}」`, line);
  }
}
