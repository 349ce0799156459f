/**
 * Realistic cases for the benchmark: the bundled fixtures, abridged to the 8–12 pages the
 * issue calls a realistic report, each copy with its own patient and document number, so N
 * cases are N different documents.
 */
import type { Case } from '../schema/case.js';

type Paragraphs = Case['statements']['patientSide'];

function firstParagraphs(p: Paragraphs, keep: number): Paragraphs {
  return typeof p === 'string' ? p : p.slice(0, keep);
}

/**
 * The case told more briefly, as for a simpler dispute: every long narrative (treatment
 * course, the two sides' statements, each fault and causation analysis) keeps its first
 * `keep` paragraphs. All parts, faults, consequences and conclusions stay.
 */
export function abridged(c: Case, keep: number): Case {
  const out = structuredClone(c);
  out.basicInfo.summary = firstParagraphs(out.basicInfo.summary, keep);
  for (const t of out.basicInfo.treatment) t.summary = firstParagraphs(t.summary, keep);
  out.statements.patientSide = firstParagraphs(out.statements.patientSide, keep);
  out.statements.medicalSide = firstParagraphs(out.statements.medicalSide, keep);
  for (const f of out.faultAnalysis.items) f.analysis = firstParagraphs(f.analysis, keep);
  for (const item of out.causationAnalysis.items) item.analysis = firstParagraphs(item.analysis, keep);
  return out;
}

/**
 * Each fixture at its longest within `maxPages` (abridging further while it is longer);
 * fixtures that cannot be brought under it are left out.
 */
export async function fitToPages(fixtures: Case[], maxPages: number, pagesOf: (c: Case) => Promise<number>): Promise<Case[]> {
  const fitted: Case[] = [];
  for (const c of fixtures) {
    for (const keep of [Infinity, 4, 3, 2, 1]) {
      const candidate = keep === Infinity ? c : abridged(c, keep);
      if ((await pagesOf(candidate)) <= maxPages) { fitted.push(candidate); break; }
    }
  }
  return fitted;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

function renamed(c: Case, i: number): Case {
  const copy = structuredClone(c);
  const old = copy.basicInfo.patient.name;
  const text = JSON.stringify(copy);
  const surnames = [...SURNAMES];
  // A name nobody else in the case has: a patient named like an expert would make the case invalid (PANEL_RECUSAL).
  let k = i;
  const nameAt = (j: number) => `${surnames[j % surnames.length]}某${i % 2 === 0 ? '某' : ''}`;
  while (text.includes(nameAt(k)) && k < i + surnames.length) k++;
  const name = nameAt(k);
  const json = text.split(old).join(name);
  const out = JSON.parse(json) as Case;
  // A distinct serial number per document, keeping the institution's own prefix and year.
  out.report.documentNumber = out.report.documentNumber.replace(/第?\d+号$/, (m) => m.replace(/\d+/, String(1000 + i)));
  return out;
}

export function generateCases(fixtures: Case[], n: number): Case[] {
  if (fixtures.length === 0) throw new Error('no valid fixtures to generate benchmark cases from');
  return Array.from({ length: n }, (_, i) => renamed(fixtures[i % fixtures.length]!, i));
}
