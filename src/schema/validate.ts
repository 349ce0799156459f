/** Plain data → a typed Case, or diagnostics in Chinese naming each field and what is wrong. */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { caseSchema, type Case } from './case.js';

type AnySchema = z.core.$ZodType;

/** Unwraps optional/default/pipe wrappers to reach the object or array underneath. */
function unwrap(schema: AnySchema): AnySchema {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** The field names the schema knows at a path, for 「是否为 …？」 suggestions. */
export function knownKeysAt(path: readonly PropertyKey[], schema: AnySchema = caseSchema): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    const def = node._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] };
    if (def.type === 'array' && typeof key === 'number' && def.element) node = unwrap(def.element);
    else if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) node = unwrap(def.shape[key]);
    else if (def.type === 'union' && def.options) {
      const obj = def.options.map(unwrap).find((o) => (o._zod.def as { type: string }).type === 'object');
      if (!obj) return [];
      node = obj;
      return knownKeysAt(path.slice(path.indexOf(key)), node);
    } else return [];
  }
  const def = node._zod.def as { type: string; shape?: Record<string, unknown>; options?: AnySchema[] };
  if (def.type === 'union' && def.options) {
    const obj = def.options.map(unwrap).find((o) => (o._zod.def as { type: string }).type === 'object');
    return obj ? Object.keys((obj._zod.def as unknown as { shape: object }).shape) : [];
  }
  return def.shape ? Object.keys(def.shape) : [];
}

/** The nearest known field name, when it is close enough to be a typo. */
function suggestKey(key: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(key, known);
  return distance(key, guess) <= Math.max(2, Math.floor(guess.length / 3)) ? guess : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', boolean: '布尔值（true/false）', object: '对象', array: '列表', int: '整数',
};

function issueToDiagnostics(issue: z.core.$ZodIssue, input: unknown): Diagnostic[] {
  const path = formatPath(issue.path);
  const where = path || '（顶层）';
  const base = { severity: 'error' as const, path };
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = suggestKey(key, knownKeysAt(issue.path));
        const full = path ? `${path}.${key}` : key;
        const hint = guess ? `，是否为 ${guess}？` : '';
        return {
          ...base, code: 'SCHEMA_UNKNOWN_FIELD', path: full,
          message: `未知字段 ${key}${hint}（位置：${where}）`,
          messageEn: `Unknown field ${key}${guess ? `; did you mean ${guess}?` : ''} (at ${where})`,
        };
      });
    case 'invalid_type': {
      const missing = valueAt(input, issue.path) === undefined;
      if (missing) {
        return [{ ...base, code: 'SCHEMA_REQUIRED', message: `缺少必填字段 ${where}`, messageEn: `Missing required field ${where}` }];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return [{ ...base, code: 'SCHEMA_TYPE', message: `字段 ${where} 的类型不对：应为${expected}`, messageEn: `Field ${where} has the wrong type: expected ${issue.expected}` }];
    }
    case 'invalid_union':
      return [{ ...base, code: 'SCHEMA_TYPE', message: `字段 ${where} 的格式不对`, messageEn: `Field ${where} has the wrong form` }];
    default:
      return [{ ...base, code: 'SCHEMA_INVALID_VALUE', message: `字段 ${where}：${issue.message}`, messageEn: `Field ${where}: ${issue.message}` }];
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  }
  return v;
}

/** zod's own English messages for built-in checks are replaced by Chinese ones here. */
function chineseIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'too_small') return issue.origin === 'array' ? `至少需要 ${issue.minimum} 项` : issue.origin === 'string' ? '不能为空' : `不能小于 ${issue.minimum}`;
  if (issue.code === 'too_big') return issue.origin === 'array' ? `至多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
  if (issue.code === 'invalid_format') return '格式不对';
  return undefined;
}

export type ValidationResult = { ok: true; value: Case } | { ok: false; diagnostics: Diagnostic[] };

export function validateCaseData(input: unknown): ValidationResult {
  const result = caseSchema.safeParse(input, { error: chineseIssueMessage });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, diagnostics: result.error.issues.flatMap((i) => issueToDiagnostics(i, input)) };
}
