/**
 * Template helpers: everything a template author needs computed — Chinese numbering, dates,
 * grade names, causation terms — so templates never compute it themselves.
 * Helpers that emit markup escape the case text they wrap.
 */
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { CAUSATION_TYPES, formatRange, type CausationOutcome } from '../domain/causation.js';
import { chineseDate, chineseNumber } from '../domain/chineseDate.js';
import { ACCIDENT_GRADES, accidentGrade, disabilityGradeName, type AccidentGradeCode } from '../domain/grades.js';
import type { ReportKind } from '../domain/reportKinds.js';
import { termFor } from '../enrich/causationWording.js';
import { ExplainedError } from './errors.js';

const esc = Handlebars.escapeExpression;
type Options = Handlebars.HelperOptions;

/** 一、 / （一） / 1. / （1） for levels 1–4; `n` is 1-based. */
export function ordinal(level: number, n: number): string {
  switch (level) {
    case 1: return `${chineseNumber(n)}、`;
    case 2: return `（${chineseNumber(n)}）`;
    case 3: return `${n}.`;
    default: return `（${n}）`;
  }
}

/** `keepLast=true` keeps the last paragraph with what follows (a signature line, say). */
function paras(list: unknown, ...rest: unknown[]): Handlebars.SafeString {
  const options = rest.at(-1) as Options;
  const cls = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : 'body';
  const items = Array.isArray(list) ? list : list == null ? [] : [list];
  const keepLast = options.hash?.keepLast === true;
  return new Handlebars.SafeString(items.map((p, i) => {
    const keep = keepLast && i === items.length - 1 ? ' keep' : '';
    return `<p class="${esc(cls)}"${keep}>${esc(String(p))}</p>`;
  }).join('\n'));
}

/** A helper's argument that is not what it needs: said in Chinese, never as a TypeError. */
class HelperArgumentError extends ExplainedError {}

const bad = (helper: string, what: string): never => { throw new HelperArgumentError(`helper「${helper}」的参数无效：${what}`); };

/** Integers as helpers print them (counts, levels, grades): whole, within a range nzh words well. */
function int(helper: string, v: unknown, min = 0, max = 1_000_000): number {
  const n = typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) bad(helper, `应为 ${min}–${max} 的整数，实际为「${describe(v)}」`);
  return n;
}

function describe(v: unknown): string {
  if (v === undefined || (typeof v === 'object' && v !== null && 'hash' in v)) return '缺少参数';
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

function code<T extends string>(helper: string, v: unknown, table: Record<T, unknown>): T {
  if (typeof v !== 'string' || !Object.hasOwn(table, v)) bad(helper, `「${describe(v)}」不是已知的代码（${Object.keys(table).join('/')}）`);
  return v as T;
}

const GRADES = Object.fromEntries(ACCIDENT_GRADES.map((g) => [g.code, g])) as Record<AccidentGradeCode, unknown>;
const KINDS: Record<ReportKind, true> = { association: true, judicial: true, accident: true };
const OUTCOMES: Record<CausationOutcome, unknown> = { ...CAUSATION_TYPES, undetermined: true };

export const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  /** {{paras list "flush" keepLast=true}}: one <p> per paragraph. */
  paras: (...args: unknown[]) => (args.length < 2 ? bad('paras', '缺少段落列表') : paras(args[0], ...args.slice(1))),
  /** {{ordinal 2 (inc @index)}} → （一） */
  ordinal: (level: unknown, n: unknown) => ordinal(int('ordinal', level, 1, 10), int('ordinal', n)),
  /** {{cnum 12}} → 十二 */
  cnum: (n: unknown) => chineseNumber(int('cnum', n)),
  inc: (n: unknown) => int('inc', n) + 1,
  eq: (a: unknown, b: unknown) => a === b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  /** {{#if (several list)}}: more than one item — a single item is not numbered (GB/T 9704). */
  several: (list: unknown) => Array.isArray(list) && list.length > 1,
  /** {{join list "、"}} */
  join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''),
  /** {{chineseDate "2026-11-22"}} → 二〇二六年十一月二十二日 */
  chineseDate: (iso: unknown) => {
    if (typeof iso !== 'string' || !DateTime.fromISO(iso).isValid) bad('chineseDate', `「${describe(iso)}」不是日期（应为 2026-11-22 这样的形式）`);
    return chineseDate(iso as string);
  },
  /** {{disabilityGrade 8}} → 八级伤残 */
  disabilityGrade: (n: unknown) => disabilityGradeName(int('disabilityGrade', n, 1, 10)),
  /** {{accidentGrade "3C"}} → 三级丙等 */
  accidentGrade: (c: unknown) => accidentGrade(code('accidentGrade', c, GRADES)).name,
  /** {{causationTerm "minor" "judicial"}} → 次要作用 (次要因素 for association, 次要责任 for accident) */
  causationTerm: (c: unknown, kind: unknown) =>
    termFor(code('causationTerm', kind, KINDS), code('causationTerm', c, OUTCOMES)) ?? '',
  /** {{participationRange "minor"}} → 16%–44% */
  participationRange: (c: unknown) => formatRange(CAUSATION_TYPES[code('participationRange', c, CAUSATION_TYPES)]),
};

/**
 * Handlebars' own block helpers, allowed alongside ours. Not `log`: it writes to the
 * console, and the CLI's standard output is for results only.
 */
const BUILT_INS = ['if', 'unless', 'each', 'with', 'lookup'];
export const KNOWN_HELPERS: Record<string, true> = Object.fromEntries([...Object.keys(HELPERS), ...BUILT_INS].map((h) => [h, true]));
export type { Options };
