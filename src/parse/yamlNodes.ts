/**
 * One pass over a parsed YAML document, in source order: where each JSON path starts (so that
 * any number of diagnostics is located in linear time), and the YAML features a case file must
 * not use — repeated keys, tags other than the JSON-compatible core ones, aliases without an anchor, and
 * anchors that contain an alias to themselves.
 */
import YAML from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface Position { line: number; column: number }

export interface YamlScan {
  /** Start of each node, keyed by formatted JSON path (a.b[0].c); map entries start at their key. */
  positions: Map<string, Position>;
  problems: Diagnostic[];
  /** The scalar that ends last in the text: where a truncated file was cut. */
  lastScalar?: YAML.Scalar;
  /** Where the last scalar or flow collection ends (its closing bracket included). */
  lastEnd: number;
  /**
   * Keys that begin or end with a full-width space: a line indented with 「　」 parses, but as a
   * key of the wrong mapping with the space in its name (yamlSlips.ts words it).
   */
  spacedKeys: Position[];
}

const CORE = 'tag:yaml.org,2002:';
/**
 * Tags that only restate what a plain JSON value already is. Everything else is refused: custom
 * tags (`!foo`, `!!js/function`) would silently become strings, and YAML 1.1 tags (`!!binary`,
 * `!!timestamp`, `!!set`, `!!omap`) become Buffers, Dates and Sets no case field expects.
 */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

const childPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** How the user wrote a tag: !!name for the YAML namespace, as written otherwise. */
const shownTag = (tag: string) => (tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag);

function located(code: string, pos: Position, zh: string, en: string): Diagnostic {
  return {
    severity: 'error', code, path: '', line: pos.line, column: pos.column,
    message: `第${pos.line}行第${pos.column}列：${zh}`, messageEn: `Line ${pos.line}, column ${pos.column}: ${en}`,
  };
}

function tagProblem(tag: string, pos: Position): Diagnostic {
  const t = shownTag(tag);
  return located('PARSE_UNKNOWN_TAG', pos,
    `不支持的 YAML 标签 ${t}：案件文件只能写普通的文字、数字、列表和字段，请删除该标签`,
    `Unsupported YAML tag ${t}: a case file holds plain text, numbers, lists and fields only; remove the tag`);
}

type Entry = { node: unknown; path: string | undefined; isKey?: boolean };

const SPACED = /^\u3000|\u3000$/;

export function scanYaml(doc: YAML.Document, counter: YAML.LineCounter): YamlScan {
  const positions = new Map<string, Position>();
  const problems: Diagnostic[] = [];
  const spacedKeys: Position[] = [];
  const anchors = new Map<string, YAML.Node>();
  let lastScalar: YAML.Scalar | undefined;
  let lastEnd = 0;
  const at = (offset: number): Position => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  // An explicit stack, children pushed in reverse: source order without recursion, whatever the depth.
  const stack: Entry[] = [{ node: doc.contents, path: '' }];
  while (stack.length > 0) {
    const { node, path, isKey } = stack.pop()!;
    if (YAML.isAlias(node)) {
      checkAlias(node, anchors, at, problems);
      continue;
    }
    if (!YAML.isNode(node)) continue;
    const start = node.range?.[0];
    if (node.tag && !ALLOWED_TAGS.has(node.tag)) problems.push(tagProblem(node.tag, at(start ?? 0)));
    if (node.anchor) anchors.set(node.anchor, node);
    if (isKey && YAML.isScalar(node) && typeof node.value === 'string' && SPACED.test(node.value)) spacedKeys.push(at(start ?? 0));
    if (YAML.isScalar(node) && (node.range?.[1] ?? -1) > (lastScalar?.range?.[1] ?? -1)) lastScalar = node;
    // Block collections' ranges run over trailing comments; only values that end in text count.
    if (YAML.isScalar(node) || (YAML.isCollection(node) && node.flow)) lastEnd = Math.max(lastEnd, node.range?.[1] ?? 0);
    if (path !== undefined && start !== undefined && !positions.has(path)) positions.set(path, at(start));
    if (YAML.isMap(node)) problems.push(...duplicateKeys(node, at), ...emptyKeys(node, at));
    const children = childrenOf(node, path);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { positions, problems, lastScalar, lastEnd, spacedKeys };
}

function childrenOf(node: YAML.Node, path: string | undefined): Entry[] {
  if (YAML.isSeq(node)) return node.items.map((item, i) => ({ node: item, path: path === undefined ? undefined : childPath(path, i) }));
  if (!YAML.isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = pair.key;
    const name = YAML.isScalar(key) && path !== undefined ? childPath(path, String(key.value)) : undefined;
    // The key is visited first and recorded under the entry's path, so a diagnostic points at the key.
    return [{ node: key, path: name, isKey: true }, { node: pair.value, path: name }];
  });
}

/**
 * Keys repeated in one mapping. Checked here rather than by the parser's `uniqueKeys`, which
 * compares each key with every earlier one: quadratic, minutes for a file of 80,000 keys.
 */
function duplicateKeys(map: YAML.YAMLMap, at: (offset: number) => Position): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { key } of map.items) {
    if (!YAML.isScalar(key)) continue;
    const name = String(key.value);
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    const pos = at(key.range?.[0] ?? 0);
    out.push(located('PARSE_DUPLICATE_KEY', pos, `字段「${name}」重复出现，同一层级的字段名必须唯一`, `Duplicate key "${name}"`));
  }
  return out;
}

/** `? ` alone, or `: x` with nothing before the colon: a field without a name. */
function emptyKeys(map: YAML.YAMLMap, at: (offset: number) => Position): Diagnostic[] {
  return map.items.flatMap(({ key }) => {
    if (!YAML.isScalar(key) || !key.range) return [];
    const blank = key.value === '' || (key.value === null && key.range[0] === key.range[1]);
    return blank ? [located('PARSE_EMPTY_KEY', at(key.range[0]), '字段名是空的（「?」之后或冒号之前没有字段名）；请写出字段名，或删除这一行', 'Empty key: nothing after "?" or before the colon; name the field or delete the line')] : [];
  });
}

function checkAlias(alias: YAML.Alias, anchors: Map<string, YAML.Node>, at: (offset: number) => Position, problems: Diagnostic[]): void {
  const pos = at(alias.range?.[0] ?? 0);
  const target = anchors.get(alias.source);
  if (!target) {
    problems.push(located('PARSE_ALIAS_UNDEFINED', pos,
      `未定义的别名 *${alias.source}：前文没有锚点 &${alias.source}（别名只能引用在它之前定义的锚点）`,
      `Undefined alias *${alias.source}: no anchor &${alias.source} before it`));
    return;
  }
  const [from, , to] = target.range ?? [0, 0, 0];
  const offset = alias.range?.[0] ?? 0;
  if (offset >= from && offset < to) {
    problems.push(located('PARSE_ALIAS_RECURSIVE', pos,
      `锚点引用自身：别名 *${alias.source} 位于锚点 &${alias.source} 所标记的内容之中，展开将无限循环`,
      `Anchor refers to itself: alias *${alias.source} lies inside the node anchored &${alias.source}`));
  }
}
