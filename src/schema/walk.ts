/**
 * Reading the case schema as data: which fields an object has, what an array holds, a field's
 * title and whether it is a date. zod keeps these in wrappers (optional, default, pipe, union),
 * so every question first steps through them.
 */
import { z } from 'zod';
import { caseSchema } from './case.js';

export type AnySchema = z.core.$ZodType;

interface Def { type: string; innerType?: AnySchema; in?: AnySchema; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] }

const defOf = (s: AnySchema) => s._zod.def as unknown as Def;

export interface FieldMeta { title?: string; description?: string; format?: string }

function metaOf(s: AnySchema): FieldMeta | undefined {
  return z.globalRegistry.get(s) as FieldMeta | undefined;
}

/** The layers of a schema, outermost first: the field's own schema, then what it wraps. */
function layers(schema: AnySchema): AnySchema[] {
  const out: AnySchema[] = [];
  for (let s: AnySchema | undefined = schema; s; ) {
    out.push(s);
    const def = defOf(s);
    s = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return out;
}

/** The schema under its wrappers: an object, array, union or leaf. */
export function unwrap(schema: AnySchema): AnySchema {
  return layers(schema).at(-1)!;
}

/** The outermost title: `x.optional().meta({ title })` names the field, whatever the inner schema calls itself. */
export function titleOf(schema: AnySchema): string | undefined {
  return layers(schema).map(metaOf).find((m) => m?.title)?.title;
}

export function descriptionOf(schema: AnySchema): string | undefined {
  return layers(schema).map(metaOf).find((m) => m?.description)?.description;
}

export function isDateField(schema: AnySchema): boolean {
  return layers(schema).some((s) => metaOf(s)?.format === 'date');
}

/** The object or array branch of a union (paragraphs, participation), or the schema itself. */
function branch(schema: AnySchema, want: 'object' | 'array'): AnySchema | undefined {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === want) return inner;
  if (def.type === 'union') return def.options?.map(unwrap).find((o) => defOf(o).type === want);
  return undefined;
}

/** Narrative text: a string or a list of strings (primitives.ts `paragraphs`). */
export function isParagraphs(schema: AnySchema): boolean {
  const def = defOf(unwrap(schema));
  const types = def.type === 'union' ? (def.options ?? []).map((o) => defOf(unwrap(o)).type).sort().join() : '';
  return types === 'array,string';
}

/** The fields of an object schema (through wrappers and unions), in schema order. */
export function fieldsOf(schema: AnySchema): [string, AnySchema][] {
  const obj = branch(schema, 'object');
  return obj ? Object.entries(defOf(obj).shape ?? {}) : [];
}

/** The element schema of an array field. */
export function elementOf(schema: AnySchema): AnySchema | undefined {
  const arr = branch(schema, 'array');
  return arr ? defOf(arr).element : undefined;
}

export function isObjectSchema(schema: AnySchema): boolean {
  return branch(schema, 'object') !== undefined;
}

/** One step down: a field of an object, or the element of an array. */
export function childSchema(schema: AnySchema, key: PropertyKey): AnySchema | undefined {
  if (typeof key === 'number') return elementOf(schema);
  return fieldsOf(schema).find(([k]) => k === key)?.[1];
}

/** The schema of the field at a JSON path, or undefined when the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[], root: AnySchema = caseSchema): AnySchema | undefined {
  let node: AnySchema | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    node = childSchema(node, key);
  }
  return node;
}

/** An enum field's Chinese name for each code (primitives.ts `aliasedEnum`), or undefined for other fields. */
export function choiceLabelsOf(schema: AnySchema): Record<string, string> | undefined {
  const meta = layers(schema).map((s) => z.globalRegistry.get(s) as { 'x-labels'?: Record<string, string> } | undefined);
  return meta.find((m) => m?.['x-labels'])?.['x-labels'];
}
