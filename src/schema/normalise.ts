/**
 * Before validation, two things people write by hand are read as meant, each with a warning that
 * shows the canonical form: a field name written as its Chinese title (`委托人:` for `client:`),
 * accepted where exactly one field at that level answers to it; and a date written 2026/3/5,
 * 2026.3.5 or 2026年3月5日, read as 2026-03-05 when it names a real day. Anything less certain is
 * left alone for the schema to refuse with a suggestion.
 *
 * Renamed keys are remembered so that diagnostics, which speak of the English path, can still be
 * located at the Chinese key in the source (sourcePath).
 */
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { caseSchema } from './case.js';
import { looseDateToIso } from './dates.js';
import { describeField, keysNamed, keyWithTitle } from './labels.js';
import { elementOf, fieldsOf, isDateField, titleOf, type AnySchema } from './walk.js';

export interface Normalised {
  data: unknown;
  warnings: Diagnostic[];
  /** The path as written in the source, for a path of the normalised data. */
  sourcePath: (path: readonly PropertyKey[]) => PropertyKey[];
}

interface Walk { warnings: Diagnostic[]; renames: Map<string, string> }

/** Sets a property even when named __proto__ (refused earlier, but an assignment would change the prototype). */
const define = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function chineseKeyWarning(path: PropertyKey[], written: string, key: string, schema: AnySchema): Diagnostic {
  const where = formatPath(path);
  return {
    severity: 'warning', code: 'SCHEMA_CHINESE_KEY', path: where,
    message: `字段名「${written}」已按 ${keyWithTitle(key, titleOf(schema))} 理解（${where}）；请改写为 ${key}，以便编辑器提示和与其他文件一致`,
    messageEn: `Field name "${written}" was read as ${key} (${where}); write ${key}`,
  };
}

function dateWarning(path: PropertyKey[], written: string, iso: string): Diagnostic {
  return {
    severity: 'warning', code: 'SCHEMA_DATE_FORM', path: formatPath(path),
    message: `${describeField(path)}写作「${written}」，已按 ${iso} 理解；请写作 YYYY-MM-DD`,
    messageEn: `${formatPath(path)} is written "${written}"; read as ${iso}. Write dates as YYYY-MM-DD`,
  };
}

/** An object's keys with Chinese names replaced where they name exactly one field not also written in English. */
function objectKeys(value: Record<string, unknown>, schema: AnySchema, path: PropertyKey[], w: Walk): Record<string, unknown> {
  const fields = fieldsOf(schema);
  const known = new Set(fields.map(([k]) => k));
  const out: Record<string, unknown> = {};
  for (const [written, v] of Object.entries(value)) {
    const matches = known.has(written) || !/[^\x00-\x7f]/.test(written) ? [] : keysNamed(written, path, fields);
    const key = matches.length === 1 && !(matches[0]! in value) && !(matches[0]! in out) ? matches[0]! : written;
    if (key !== written) {
      w.renames.set(formatPath([...path, key]), written);
      w.warnings.push(chineseKeyWarning([...path, key], written, key, fields.find(([k]) => k === key)![1]));
    }
    define(out, key, v);
  }
  return out;
}

function walk(value: unknown, schema: AnySchema, path: PropertyKey[], w: Walk): unknown {
  if (typeof value === 'string' && isDateField(schema)) {
    const iso = looseDateToIso(value);
    if (iso === undefined) return value;
    w.warnings.push(dateWarning(path, value, iso));
    return iso;
  }
  if (Array.isArray(value)) {
    const element = elementOf(schema);
    return element ? value.map((v, i) => walk(v, element, [...path, i], w)) : value;
  }
  if (!isRecord(value) || fieldsOf(schema).length === 0) return value;
  const renamed = objectKeys(value, schema, path, w);
  const fields = new Map(fieldsOf(schema));
  for (const [key, v] of Object.entries(renamed)) {
    const child = fields.get(key);
    if (child) define(renamed, key, walk(v, child, [...path, key], w));
  }
  return renamed;
}

export function normaliseCase(data: unknown): Normalised {
  const w: Walk = { warnings: [], renames: new Map() };
  const out = walk(data, caseSchema, [], w);
  const sourcePath = (path: readonly PropertyKey[]) => {
    const english: PropertyKey[] = [];
    return path.map((key) => {
      english.push(key);
      return w.renames.get(formatPath(english)) ?? key;
    });
  };
  // Nothing read differently: hand back the very data parsed, untouched.
  return { data: w.warnings.length === 0 ? data : out, warnings: w.warnings, sourcePath };
}
