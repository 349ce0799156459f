/**
 * Completion and hover help in the source view, from the same JSON Schema the form uses: the
 * field names that fit where the cursor is (with their Chinese titles), the Chinese choices of an
 * enumeration, and a field's title and description on hover. The YAML path of a line is found
 * from indentation, which is how a person reads it too; a wrong guess only costs a suggestion.
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Text } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { labelOf, nodeAt, type JsonSchema, type Path } from './form/schema';

const KEY = /^(\s*)(-\s+)?([A-Za-z_$][\w$]*)\s*:(.*)$/;
const ITEM = /^(\s*)-(\s|$)/;
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/** The path of the mapping that holds a key written at `indent` on line `lineNo` (1-based). */
export function containerPath(doc: Text, lineNo: number, indent: number): Path {
  const path: Path = [];
  let limit = indent;
  for (let n = lineNo - 1; n >= 1 && limit > 0; n--) {
    const text = doc.line(n).text;
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const key = KEY.exec(text);
    const item = ITEM.exec(text);
    const ind = indentOf(text);
    // "- key: …": the key sits inside an item of a list; both the item and its list count.
    const keyIndent = key ? ind + (key[2]?.length ?? 0) : ind;
    if (key && keyIndent < limit && !key[4]!.trim()) {
      path.unshift(key[3]!);
      limit = keyIndent;
    } else if (item && ind < limit) {
      path.unshift(0);
      limit = ind;
    }
  }
  return path;
}

function keysAt(schema: JsonSchema, path: Path): [string, JsonSchema][] {
  const node = nodeAt(schema, path);
  return Object.entries(node?.properties ?? {}).filter(([k]) => k !== '$schema');
}

export function schemaCompletion(schema: () => JsonSchema | undefined) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const s = schema();
    if (!s) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const valueMatch = /^(\s*)(-\s+)?([A-Za-z_$][\w$]*):\s*(\S*)$/.exec(before);
    if (valueMatch) {
      const indent = valueMatch[1]!.length + (valueMatch[2]?.length ?? 0);
      const node = nodeAt(s, [...containerPath(ctx.state.doc, line.number, indent), valueMatch[3]!]);
      const labels = node?.['x-labels'];
      if (!labels) return null;
      return { from: ctx.pos - valueMatch[4]!.length, options: Object.entries(labels).map(([code, label]) => ({ label, detail: code, type: 'enum' })) };
    }
    const keyMatch = /^(\s*)(-\s+)?([A-Za-z_$][\w$]*)?$/.exec(before);
    if (!keyMatch || (!ctx.explicit && !keyMatch[3])) return null;
    const indent = keyMatch[1]!.length + (keyMatch[2]?.length ?? 0);
    const options = keysAt(s, containerPath(ctx.state.doc, line.number, indent)).map(([k, n]) => ({
      label: k, apply: `${k}: `, detail: labelOf(n, k), info: n.description, type: 'property',
    }));
    return options.length ? { from: ctx.pos - (keyMatch[3]?.length ?? 0), options, validFor: /^[\w$]*$/ } : null;
  };
}

export function schemaHover(schema: () => JsonSchema | undefined) {
  return hoverTooltip((view, pos) => {
    const s = schema();
    const line = view.state.doc.lineAt(pos);
    const m = KEY.exec(line.text);
    if (!s || !m) return null;
    const start = line.from + m[1]!.length + (m[2]?.length ?? 0);
    const end = start + m[3]!.length;
    if (pos < start || pos > end) return null;
    const node = nodeAt(s, [...containerPath(view.state.doc, line.number, start - line.from), m[3]!]);
    if (!node) return null;
    return {
      pos: start, end, above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'schema-hover';
        const title = document.createElement('strong');
        title.textContent = labelOf(node, m[3]!);
        dom.append(title);
        if (node.description) dom.append(document.createElement('br'), node.description);
        return { dom };
      },
    };
  });
}
