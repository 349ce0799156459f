/**
 * Writes edited case data back into the text it came from, keeping what a person wrote there:
 * comments, key order, quoting and block style of untouched values. The workbench's form edits
 * data; this turns the new data into the smallest change of the YAML document (the `yaml`
 * package's document API). JSON files are rewritten whole, in the data's key order.
 */
import { Composer, CST, Document, isMap, isScalar, isSeq, parse, parseDocument, Parser, Scalar, type Node, YAMLMap, YAMLSeq } from 'yaml';

type Data = unknown;

/** Deep equality of plain data (the browser bundles this file too, so no node:util). */
function same(a: Data, b: Data): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k]));
  }
  return false;
}

const isRecord = (v: Data): v is Record<string, Data> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A new node for a value the document did not have; multi-line text as a `|` block, as people write it. */
function create(doc: Document, value: Data): Node {
  const node = doc.createNode(value) as Node;
  styleBlocks(node);
  return node;
}

function styleBlocks(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  if (isMap(node) || isSeq(node)) for (const item of node.items) styleBlocks(isMap(node) ? (item as { value: unknown }).value : item);
}

function updateScalar(doc: Document, node: Scalar, value: Data): Node {
  if (node.value === value) return node;
  if (value !== null && typeof value === 'object') return create(doc, value);
  node.value = value;
  if (typeof value === 'string' && value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = Scalar.PLAIN;
  return node;
}

function updateMap(doc: Document, node: YAMLMap, value: Record<string, Data>): Node {
  const keys = new Set(Object.keys(value));
  node.items = node.items.filter((pair) => keys.has(String(isScalar(pair.key) ? pair.key.value : pair.key)));
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === key);
    if (pair) pair.value = update(doc, pair.value as Node | null, v);
    else node.add(doc.createPair(key, create(doc, v)));
  }
  return node;
}

function updateSeq(doc: Document, node: YAMLSeq, value: Data[]): Node {
  node.items = node.items.slice(0, value.length).map((item, i) => update(doc, item as Node | null, value[i]));
  for (const v of value.slice(node.items.length)) node.items.push(create(doc, v));
  return node;
}

function update(doc: Document, node: Node | null, value: Data): Node {
  if (isMap(node) && isRecord(value)) return updateMap(doc, node, value);
  if (isSeq(node) && Array.isArray(value)) return updateSeq(doc, node, value);
  if (isScalar(node)) return updateScalar(doc, node, value);
  return create(doc, value);
}

function fresh(data: Data): string {
  const doc = new Document();
  doc.contents = create(doc, data) as typeof doc.contents;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

type Path = (string | number)[];

/** Paths of scalars whose value changed, or undefined when the shape changed (keys or items added or removed). */
function scalarChanges(before: Data, after: Data, path: Path = []): Path[] | undefined {
  if (isRecord(before) && isRecord(after)) {
    const keys = Object.keys(after);
    if (keys.length !== Object.keys(before).length || keys.some((k) => !(k in before))) return undefined;
    return collect(keys.map((k) => scalarChanges(before[k], after[k], [...path, k])));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return undefined;
    return collect(after.map((v, i) => scalarChanges(before[i], v, [...path, i])));
  }
  const scalar = (v: Data) => v === null || typeof v !== 'object';
  if (!scalar(before) || !scalar(after)) return undefined;
  return before === after ? [] : [path];
}

const collect = (parts: (Path[] | undefined)[]) => (parts.some((p) => p === undefined) ? undefined : (parts as Path[][]).flat());

/**
 * Only scalar values changed: each is rewritten in its own source token, so every other byte of
 * the file — comment alignment included — stays as it was. Undefined when that cannot be done.
 */
function editTokens(text: string, data: Data, changes: Path[]): string | undefined {
  const tokens = [...new Parser().parse(text)];
  const doc = [...new Composer({ keepSourceTokens: true }).compose(tokens)][0];
  if (!doc) return undefined;
  for (const path of changes) {
    const node = doc.getIn(path, true);
    const value = (path as Path).reduce<Data>((v, k) => (v as Record<string | number, Data>)[k], data);
    if (!isScalar(node) || !node.srcToken) return undefined;
    const multiline = typeof value === 'string' && value.includes('\n');
    const token = node.srcToken as CST.FlowScalar | CST.BlockScalar;
    CST.setScalarValue(token, value === null ? 'null' : String(value), multiline ? { type: 'BLOCK_LITERAL', afterKey: true } : {});
  }
  const out = tokens.map((t) => CST.stringify(t)).join('');
  return same(parse(out), data) ? out : undefined;
}

/** The file's text with `data` written into it; the text is returned as is when nothing changed. */
export function updateCaseText(text: string, data: Data, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const doc = parseDocument(text);
  // A file that does not parse has no structure to keep: the data is written fresh.
  if (doc.errors.length) return fresh(data);
  const changes = scalarChanges(doc.toJS(), data);
  if (changes?.length === 0) return text;
  const edited = changes && editTokens(text, data, changes);
  if (edited !== undefined) return edited;
  doc.contents = update(doc, doc.contents as Node | null, data) as typeof doc.contents;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
