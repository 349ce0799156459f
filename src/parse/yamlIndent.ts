/**
 * A line indented unlike its neighbours: the parser reports it as a multi-line key, a nested
 * mapping in a compact one, or a bad indent, often on the line before. Here the indentation of
 * each line is compared with the levels the lines above have opened.
 */
export interface IndentSlip { line: number; indent: number; expected: number[] }

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const blank = (line: string) => /^\s*(#.*)?$/.test(line);
/** The text of a line without a trailing comment (a # after a space). */
const code = (line: string) => line.replace(/\s#.*$/, '').trimEnd();

/** Indentation levels open after each line: a stack, as the parser keeps it. */
function levelsBefore(lines: string[], target: number): { levels: number[]; opens: boolean } {
  const levels: number[] = [];
  let opens = true; // the start of the file opens the top level
  let blockAt = -1; // indentation of a `key: |` whose text lines are skipped
  for (let i = 0; i < target; i++) {
    const line = lines[i]!;
    if (blank(line)) continue;
    const n = indentOf(line);
    if (blockAt >= 0 && n > blockAt) continue;
    blockAt = -1;
    while (levels.length > 0 && levels.at(-1)! > n) levels.pop();
    if (levels.at(-1) !== n) levels.push(n);
    const text = code(line);
    const dash = /^(\s*-\s+)\S/.exec(text);
    if (dash) levels.push(dash[1]!.length); // `- id: H1`: the item's fields align with `id`
    if (/[|>][-+0-9]*$/.test(text) && /:\s+[|>]/.test(text)) blockAt = n;
    opens = text.endsWith(':') || /^\s*-$/.test(text);
  }
  return { levels, opens };
}

/** The first of the given lines (0-based) that is indented to no open level, with the levels it could mean. */
export function indentSlip(lines: string[], candidates: number[]): IndentSlip | undefined {
  for (const i of candidates) {
    const line = lines[i];
    if (line === undefined || blank(line)) continue;
    const n = indentOf(line);
    const { levels, opens } = levelsBefore(lines, i);
    if (levels.includes(n) || (opens && n > (levels.at(-1) ?? -1))) continue;
    const below = levels.filter((l) => l < n).at(-1);
    const above = levels.find((l) => l > n);
    const expected = [above, below].filter((l): l is number => l !== undefined);
    return { line: i + 1, indent: n, expected };
  }
  return undefined;
}

/**
 * A field written at the indentation of the list items above it (`- id: H1` then `name: x` under
 * the dash): the parser sees a mapping and a list at one level. The field most likely belongs to
 * the item, aligned with the item's first field.
 */
export function listMixSlip(lines: string[], index: number): { line: number; item: string; expected: number } | undefined {
  const line = lines[index];
  if (line === undefined || blank(line) || /^\s*-(\s|$)/.test(line)) return undefined;
  const n = indentOf(line);
  for (let i = index - 1; i >= 0; i--) {
    const above = lines[i]!;
    if (blank(above) || indentOf(above) > n) continue;
    const dash = /^( *-\s+)\S/.exec(above);
    return indentOf(above) === n && dash ? { line: index + 1, item: above, expected: dash[1]!.length } : undefined;
  }
  return undefined;
}
