/** What a detector finds: a stretch of one string, its category, and how to replace it. */

export type Category =
  | 'person' | 'idNumber' | 'phone' | 'recordNumber' | 'bankCard' | 'plate' | 'email'
  | 'address' | 'institution' | 'birthDate' | 'certificate' | 'longNumber';

/** Category names as the report and the messages print them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  person: '姓名', idNumber: '身份证号', phone: '电话号码', recordNumber: '病历号码（住院号、门诊号、床号等）', bankCard: '银行卡号',
  plate: '车牌号', email: '电子邮箱', address: '地址', institution: '机构名称', birthDate: '出生日期', certificate: '证件号码',
  longNumber: '长数字编号',
};

export interface Span {
  start: number;
  end: number;
  category: Category;
  /** The text as written (with the original full-width digits and spaces). */
  text: string;
  /** Fixed replacement; persons and institutions get theirs from the pseudonym table. */
  replacement?: string;
}

/** Deleted identifiers read as deleted, not as a different valid-looking number. */
export const DELETED = '［已删除］';

/** Overlapping spans: the earlier one wins, unless a later one that reaches further is also longer. */
export function resolveOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end && s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Spans applied right to left, so earlier offsets stay valid. */
export function applySpans(s: string, spans: Span[], replacementOf: (span: Span) => string): string {
  let out = s;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + replacementOf(span) + out.slice(span.end);
  return out;
}

/** Every match of a regex (flags `dg`: offsets of groups) on the folded text, as spans of the original. */
export function matchAll(original: string, folded: string, re: RegExp, category: Category, group = 0, replacement?: string): Span[] {
  const spans: Span[] = [];
  for (const m of folded.matchAll(re)) {
    const at = m.indices?.[group];
    if (!at) continue;
    spans.push({ start: at[0], end: at[1], category, text: original.slice(at[0], at[1]), replacement });
  }
  return spans;
}
