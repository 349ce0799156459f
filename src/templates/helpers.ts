/**
 * Template helpers: everything a template author needs computed — Chinese numbering, dates,
 * grade names, causation terms — so templates never compute it themselves.
 * Helpers that emit markup escape the case text they wrap.
 */
import Handlebars from 'handlebars';
import { CAUSATION_TYPES, formatRange, type CausationCode } from '../domain/causation.js';
import { chineseDate, chineseNumber } from '../domain/chineseDate.js';
import { accidentGrade, disabilityGradeName, type AccidentGradeCode } from '../domain/grades.js';
import type { ReportKind } from '../domain/reportKinds.js';
import { termFor } from '../enrich/causationWording.js';

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

export const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  /** {{paras list "flush" keepLast=true}}: one <p> per paragraph. */
  paras,
  /** {{ordinal 2 (inc @index)}} → （一） */
  ordinal: (level: number, n: number) => ordinal(Number(level), Number(n)),
  /** {{cnum 12}} → 十二 */
  cnum: (n: number) => chineseNumber(Number(n)),
  inc: (n: number) => Number(n) + 1,
  eq: (a: unknown, b: unknown) => a === b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  /** {{join list "、"}} */
  join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''),
  /** {{chineseDate "2026-11-22"}} → 二〇二六年十一月二十二日 */
  chineseDate: (iso: string) => chineseDate(String(iso)),
  /** {{disabilityGrade 8}} → 八级伤残 */
  disabilityGrade: (n: number) => disabilityGradeName(Number(n)),
  /** {{accidentGrade "3C"}} → 三级丙等 */
  accidentGrade: (code: AccidentGradeCode) => accidentGrade(code).name,
  /** {{causationTerm "minor" "judicial"}} → 次要作用 (次要因素 for association, 次要责任 for accident) */
  causationTerm: (code: CausationCode, kind: ReportKind) => termFor(kind, code) ?? '',
  /** {{participationRange "minor"}} → 16%–44% */
  participationRange: (code: CausationCode) => formatRange(CAUSATION_TYPES[code]),
};

/** Handlebars' own block helpers, allowed alongside ours. */
const BUILT_INS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
export const KNOWN_HELPERS: Record<string, true> = Object.fromEntries([...Object.keys(HELPERS), ...BUILT_INS].map((h) => [h, true]));
export type { Options };
