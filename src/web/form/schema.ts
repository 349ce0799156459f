/**
 * Reading the case's JSON Schema (served by /api/schema, generated from the zod schema) for the
 * form: what kind of control a field needs, its Chinese label and help. No rule lives here.
 */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: string[];
  'x-labels'?: Record<string, string>;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

export type Path = (string | number)[];

export type Control = 'paragraphs' | 'enum' | 'date' | 'text' | 'number' | 'boolean' | 'object' | 'list' | 'participation' | 'strings';

/** A yes/no that also takes words (采纳/不采纳/部分采纳): offered as its words, booleans read as the first two. */
function booleanOrWords(node: JsonSchema): JsonSchema | undefined {
  if (!node.anyOf?.some((n) => n.type === 'boolean')) return undefined;
  return node.anyOf.find((n) => n.enum && n['x-labels']);
}

/** The node whose choices a select offers: itself, or the words of a yes/no-or-words field. */
export function enumNode(node: JsonSchema): JsonSchema {
  return booleanOrWords(node) ?? node;
}

export function controlOf(node: JsonSchema): Control {
  if (booleanOrWords(node)) return 'enum';
  if (node.anyOf) {
    const types = node.anyOf.map((n) => n.type);
    if (types.includes('object') && types.includes('number')) return 'participation';
    return 'paragraphs';
  }
  if (node.enum) return 'enum';
  if (node.format === 'date') return 'date';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'number' || node.type === 'integer') return 'number';
  if (node.type === 'object') return 'object';
  if (node.type === 'array') return node.items?.type === 'string' && !node.items.enum ? 'strings' : 'list';
  return 'text';
}

/** The child schema at a path (array indexes step into `items`). */
export function nodeAt(root: JsonSchema, path: Path): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    node = typeof key === 'number' ? node.items : node.properties?.[key];
  }
  return node;
}

/** Short label: the schema's title, else the description up to its first pause, else the key. */
export function labelOf(node: JsonSchema, key: string | number): string {
  if (node.title) return node.title;
  const d = node.description?.split(/[，：（(；]/)[0]?.trim();
  return d && d.length <= 16 ? d : String(key);
}

/** Longer help, shown under the control when the description says more than the label. */
export function helpOf(node: JsonSchema, label: string): string | undefined {
  return node.description && node.description !== label ? node.description : undefined;
}

/** The code a stored enumeration value stands for: the value itself, or the code whose Chinese name it is. */
export function enumCode(node: JsonSchema, value: unknown): string | undefined {
  // A boolean where words are offered: true and false are the first two codes (采纳, 不采纳).
  if (typeof value === 'boolean') return Object.keys(node['x-labels'] ?? {})[value ? 0 : 1];
  if (typeof value !== 'string') return undefined;
  const labels = node['x-labels'] ?? {};
  if (value in labels) return value;
  return Object.entries(labels).find(([, l]) => l === value)?.[0] ?? (node.enum?.includes(value) ? value : undefined);
}

export const fieldId = (path: Path): string => `f-${path.join('.')}`;

export const pathText = (path: Path): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
