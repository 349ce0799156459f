/** Plain data → a typed Case, or diagnostics in Chinese naming each field by its title and what is wrong. */
import { z } from 'zod';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineSlip } from '../parse/keyLineSlip.js';
import { caseSchema, type Case } from './case.js';
import { describeField, fieldsAt, keysNamed, keyWithTitle } from './labels.js';
import type { EnumChoices } from './primitives.js';
import { choicesText, enumCandidates, nearest, nearestName, shownValue } from './suggest.js';
import { descriptionOf, fieldsOf, isParagraphs, schemaAt } from './walk.js';

/** The field names the schema knows at a path, for 「是否为 …？」 suggestions. */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  return fieldsAt(path).map((f) => f.key);
}


const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', boolean: '布尔值（true/false）', object: '对象', array: '列表', int: '整数',
};

/** Fields listed after an unknown one when no single guess fits; beyond this many the list is noise. */
const MAX_LISTED = 14;

/** What to say about an unknown key: the field it stands for, or the fields there are. */
function unknownKeyHint(key: string, parent: readonly PropertyKey[]): string {
  const fields = fieldsAt(parent);
  const named = (k: string) => keyWithTitle(k, fields.find((f) => f.key === k)?.title);
  if (/[^\x00-\x7f]/.test(key)) {
    const schema = schemaAt(parent);
    const matches = schema ? keysNamed(key, parent, fieldsOf(schema)) : [];
    if (matches.length === 1) return `：「${key}」应写作 ${named(matches[0]!)}，而 ${matches[0]} 已经写了，同一字段只能写一次`;
    if (matches.length > 1) return `：「${key}」可能指 ${matches.map(named).join('或')}，请写英文字段名`;
    const guess = nearest(key, fields.flatMap((f) => (f.title ? [{ word: f.title, meaning: f.key }] : [])));
    if (guess) return `：「${key}」应写作 ${named(guess.meaning)}`;
  } else {
    const guess = nearestName(key, fields.map((f) => f.key));
    if (guess) return `，是否为 ${named(guess)}？`;
  }
  if (fields.length === 0 || fields.length > MAX_LISTED) return '';
  return `。此处可用的字段：${fields.map((f) => named(f.key)).join('、')}`;
}

/**
 * Text where a mapping was expected usually means YAML read `key:value` or `key：value` as one
 * string — but only when the key is a field of that mapping: 「张某某：患者之子」 as a person is
 * text meant as name and role, and 「请改为 张某某: 患者之子」 would mislead.
 */
function objectSlipHint(value: unknown, path: readonly PropertyKey[]): string {
  if (typeof value !== 'string') return '';
  const first = value.split('\n')[0]!;
  const slip = lineSlip(first);
  if (!slip?.fix || !slip.key) return '';
  const schema = schemaAt(path);
  const fields = schema ? fieldsOf(schema) : [];
  if (!fields.some(([k]) => k === slip.key) && keysNamed(slip.key, path, fields).length !== 1) return '';
  return `。读到的是一段文字「${first}」：${slip.zh}。请改为「${slip.fix.trim()}」`;
}

/** What a field of several forms takes: text paragraphs say so plainly, others by their description. */
function unionHint(path: readonly PropertyKey[]): string {
  const schema = schemaAt(path);
  if (!schema || path.length === 0) return '';
  if (isParagraphs(schema)) return '：应为一段文字（每行一段），或由若干段文字组成的列表';
  const what = descriptionOf(schema);
  return what ? `：${what}` : '';
}

function listSlipHint(value: unknown): string {
  return value !== null && typeof value === 'object' ? '。列表的每一项应以「- 」开头' : '';
}

function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, base: Pick<Diagnostic, 'severity'>): Diagnostic[] {
  const where = formatPath(issue.path) || '（顶层）';
  return issue.keys.map((key) => {
    const guess = /[^\x00-\x7f]/.test(key) ? undefined : nearestName(key, knownKeysAt(issue.path));
    return {
      ...base, code: 'SCHEMA_UNKNOWN_FIELD', path: formatPath([...issue.path, key]),
      message: `${issue.path.length > 0 ? `${describeField(issue.path)}下` : '文件顶层'}有未知字段 ${key}${unknownKeyHint(key, issue.path)}`,
      messageEn: `Unknown field ${key}${guess ? `; did you mean ${guess}?` : ''} (at ${where})`,
    };
  });
}

function enumValue(issue: z.core.$ZodIssueCustom, value: unknown, base: Pick<Diagnostic, 'severity' | 'path'>): Diagnostic {
  const choices = issue.params as unknown as EnumChoices;
  const guess = typeof value === 'string' ? nearest(value, enumCandidates(choices)) : undefined;
  const ask = guess ? `，是否为${shownValue(choices, guess)}？` : '。';
  return {
    ...base, code: 'SCHEMA_INVALID_VALUE',
    message: `${describeField(issue.path)}的值「${String(value)}」无效${ask}可选：${choicesText(choices)}`,
    messageEn: `Field ${base.path}: "${String(value)}" is not accepted${guess ? `; did you mean ${guess.word}?` : ''} Choices: ${choices.codes.join(', ')}`,
  };
}

function issueToDiagnostics(issue: z.core.$ZodIssue, input: unknown): Diagnostic[] {
  const path = formatPath(issue.path);
  const where = path || '（顶层）';
  const field = describeField(issue.path);
  const base = { severity: 'error' as const, path };
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue, base);
    case 'invalid_type': {
      if (value === undefined) {
        const parent = issue.path.slice(0, -1);
        const key = String(issue.path.at(-1) ?? '');
        return [{ ...base, code: 'SCHEMA_REQUIRED', message: `缺少必填字段 ${field}：请在${parent.length > 0 ? `${describeField(parent)}下` : '文件顶层'}写上 ${key}`, messageEn: `Missing required field ${where}` }];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'object' ? objectSlipHint(value, issue.path) : issue.expected === 'array' ? listSlipHint(value) : issue.expected === 'boolean' ? '，是写 true，否写 false' : '';
      return [{ ...base, code: 'SCHEMA_TYPE', message: `${field}的类型不对：应为${expected}${hint}`, messageEn: `Field ${where} has the wrong type: expected ${issue.expected}` }];
    }
    case 'invalid_union':
      return [{ ...base, code: 'SCHEMA_TYPE', message: `${field}的格式不对${unionHint(issue.path)}`, messageEn: `Field ${where} has the wrong form` }];
    case 'custom':
      if ((issue.params as Partial<EnumChoices> | undefined)?.codes) return [enumValue(issue, value, base)];
    // fall through: other refinements carry their own message
    default:
      return [{ ...base, code: 'SCHEMA_INVALID_VALUE', message: `${field}：${issue.message}`, messageEn: `Field ${where}: ${issue.message}` }];
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
