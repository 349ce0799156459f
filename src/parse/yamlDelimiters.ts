/**
 * Where an unclosed quote or bracket was opened. The parser notices only where it runs out —
 * often the end of the file — so the text is scanned from the start to the error for the quote
 * or flow bracket still open there: that is where the user has to look.
 */
export interface OpenDelimiter { offset: number; char: string }

/** A quote or bracket starts a value only after a separator or at the start of a line (`a"b` is plain text). */
function atValueStart(text: string, i: number, inFlow: boolean): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0 || text[j] === '\n') return true;
  const prev = text[j]!;
  if (prev === ':') return j < i - 1; // `key: "…"`, not `key:"…"`
  return prev === '-' || prev === '?' || (inFlow && (prev === '[' || prev === '{' || prev === ','));
}

/** Skips a comment: from a # at a line start or after a space to the end of the line. */
function commentEnd(text: string, i: number): number {
  if (text[i] !== '#' || (i > 0 && !/\s/.test(text[i - 1]!))) return i;
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** The quote or innermost flow bracket still open at `end`, if any. */
export function openDelimiterAt(text: string, end: number): OpenDelimiter | undefined {
  const flow: OpenDelimiter[] = [];
  let quote: OpenDelimiter | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (quote.char === '"' && ch === '\\') i++;
      else if (quote.char === "'" && ch === "'" && text[i + 1] === "'") i++;
      else if (ch === quote.char) quote = undefined;
      continue;
    }
    const skip = commentEnd(text, i);
    if (skip !== i) {
      i = skip;
      continue;
    }
    const inFlow = flow.length > 0;
    if ((ch === '"' || ch === "'") && atValueStart(text, i, inFlow)) quote = { offset: i, char: ch };
    else if ((ch === '[' || ch === '{') && (inFlow || atValueStart(text, i, false))) flow.push({ offset: i, char: ch });
    else if (inFlow && (ch === ']' || ch === '}')) flow.pop();
  }
  return quote ?? flow.at(-1);
}

const CLOSING: Record<string, string> = { '"': '"', "'": "'", '[': ']', '{': '}' };

export function closingOf(open: string): string {
  return CLOSING[open] ?? open;
}
