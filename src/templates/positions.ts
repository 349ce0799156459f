/**
 * Source positions in the block markup, for errors found only after rendering (an unknown tag,
 * a bad attribute): the markup is the output of the templates, so its lines are not theirs.
 *
 * How: only when a markup error has already happened, the templates are rendered a second time
 * from a copy of their syntax trees into which invisible HTML comments `<!--jd-at:F:L:C-->`
 * (file index, line, column) were put — before each tag written in the template text, before
 * each stretch of text, and before each `{{…}}` whose output may hold tags (helpers, partials).
 * The markup parser keeps the last comment it saw, so each element knows the template position
 * that wrote it. Comments are never put inside a tag (an attribute value would change) nor inside
 * an HTML comment; the normal render never sees them, so its bytes are unchanged.
 */
type Statement = hbs.AST.Statement & { loc: hbs.AST.SourceLocation };
type Program = hbs.AST.Program & { chained?: boolean };

export const POSITION_MARK = /^jd-at:(\d+):(\d+):(\d+)$/;

const mark = (file: number, line: number, column: number) => `<!--jd-at:${file}:${line}:${column}-->`;

/** Where the scan is in the template's HTML: in text, inside a tag (and in which quote), or in a comment. */
interface Scan { state: 'text' | 'tag' | 'comment'; quote: string | null; file: number }

/** `original[offset]` as a 1-based line and column, from the statement's own start. */
function positionIn(loc: hbs.AST.SourceLocation, original: string, offset: number): [number, number] {
  const before = original.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return [loc.start.line + lines, nl < 0 ? loc.start.column + offset + 1 : offset - nl];
}

/** The text of a content statement with marks before each tag and each stretch of text. */
function markContent(node: hbs.AST.ContentStatement & { loc: hbs.AST.SourceLocation }, scan: Scan): string {
  const value = node.value;
  // Handlebars' types call `original` strip flags; on a content statement it is the text as written.
  const original = (node as unknown as { original: string }).original;
  // Whitespace control may have trimmed `value`; it is still a part of `original`.
  const base = Math.max(0, original.indexOf(value));
  let out = '';
  let textStarted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (scan.state === 'text') {
      const startsTag = ch === '<' && /[A-Za-z/!]/.test(value[i + 1] ?? '');
      if (startsTag && value.startsWith('<!--', i)) {
        scan.state = 'comment';
      } else if (startsTag || (!textStarted && /\S/.test(ch))) {
        out += mark(scan.file, ...positionIn(node.loc, original, base + i));
        if (startsTag) scan.state = 'tag';
        else textStarted = true;
      }
    } else if (scan.state === 'tag') {
      if (scan.quote) {
        if (ch === scan.quote) scan.quote = null;
      } else if (ch === '"' || ch === "'") {
        scan.quote = ch;
      } else if (ch === '>') {
        scan.state = 'text';
        textStarted = false;
      }
    } else if (value.startsWith('-->', i - 2) && i >= 2) {
      scan.state = 'text';
      textStarted = false;
    }
    out += ch;
  }
  return out;
}

function markProgram(program: Program | undefined, scan: Scan): void {
  if (!program) return;
  const body: hbs.AST.Statement[] = [];
  for (const [i, s] of (program.body as Statement[]).entries()) {
    if (s.type === 'ContentStatement') {
      const c = s as hbs.AST.ContentStatement & { loc: hbs.AST.SourceLocation };
      c.value = markContent(c, scan);
      body.push(c);
      continue;
    }
    // Not before the block of an `{{else if}}` chain: Handlebars expects it first in its program.
    const calls = ['MustacheStatement', 'BlockStatement', 'PartialStatement', 'PartialBlockStatement'].includes(s.type);
    if (calls && scan.state === 'text' && !(program.chained && i === 0)) {
      const m = mark(scan.file, s.loc.start.line, s.loc.start.column + 1);
      body.push({ type: 'ContentStatement', value: m, original: m, loc: s.loc } as unknown as hbs.AST.ContentStatement);
    }
    body.push(s);
    const block = s as Partial<hbs.AST.BlockStatement>;
    markProgram(block.program as Program | undefined, scan);
    markProgram(block.inverse as Program | undefined, scan);
  }
  program.body = body;
}

/** A copy of `ast` with position marks; `file` is the index the marks name. */
export function withPositions(ast: hbs.AST.Program, file: number): hbs.AST.Program {
  const copy = structuredClone(ast) as Program;
  markProgram(copy, { state: 'text', quote: null, file });
  return copy;
}
