/**
 * Training samples (--sample): every person's name becomes 张某某 style and every medical
 * institution an anonymous 甲医院/乙医院, wherever the name appears in the case's text.
 */
import type { Case } from '../schema/case.js';

const INSTITUTION_LABELS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];

/** 张三丰 → 张某某, 李四 → 李某; names already anonymised are kept. */
export function pseudonym(name: string): string {
  if (name.includes('某')) return name;
  const chars = [...name];
  return chars.length <= 2 ? `${chars[0]}某` : `${chars[0]}某某`;
}

function replacements(c: Case): [string, string][] {
  const people = [
    c.basicInfo.patient.name,
    ...c.panel.experts.map((e) => e.name),
    ...c.appraisers.map((a) => a.name),
    ...(c.reviewer ? [c.reviewer.name] : []),
    ...[...c.process.hearing.patientSide, ...c.process.hearing.medicalSide, ...c.process.hearing.others].map((p) => p.name),
  ];
  const pairs: [string, string][] = people.map((n) => [n, pseudonym(n)]);
  c.basicInfo.medicalInstitutions.forEach((m, i) => {
    if (!m.name.includes('某')) pairs.push([m.name, `${INSTITUTION_LABELS[i % INSTITUTION_LABELS.length]}医院`]);
  });
  // Longest first, so 张三丰 is replaced before 张三.
  return pairs.filter(([a, b]) => a !== b).sort((a, b) => b[0].length - a[0].length);
}

function walk<T>(value: T, replace: (s: string) => string): T {
  if (typeof value === 'string') return replace(value) as T;
  if (Array.isArray(value)) return value.map((v) => walk(v, replace)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, replace)])) as T;
  }
  return value;
}

export function anonymise(c: Case): Case {
  const pairs = replacements(c);
  return walk(c, (s) => pairs.reduce((acc, [from, to]) => acc.split(from).join(to), s));
}
