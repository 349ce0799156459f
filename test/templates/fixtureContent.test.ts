/**
 * What a court clerk checks in every bundled fixture's document (the institution's case with its own
 * templates too): no internal fault id printed, the Art. 24 para 3 caveat once per part, numbering by
 * GB/T 9704 (一、（一）1.（1） — no single numbered item, （1） only under 1.), the cover of a judicial
 * opinion naming a supplementary appraisal and a draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree, Inline } from '../../src/document/tree.js';
import { AUTOPSY_CAVEAT } from '../../src/domain/autopsy.js';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree, type BuiltDocument } from '../../src/pipeline/buildTree.js';

interface Fixture { name: string; file: string; templatesDir?: string }

const FIXTURES: Fixture[] = [
  ...fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => ({ name: f, file: path.join('fixtures', f) })),
  { name: 'institution/cases/case.yaml', file: 'fixtures/institution/cases/case.yaml', templatesDir: 'fixtures/institution/templates' },
];

function built(f: Fixture): BuiltDocument {
  const loaded = loadCase(fs.readFileSync(f.file), path.basename(f.file));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return buildTree(loaded.case!, { caseSha256: loaded.sha256, generator: 'test', templatesDir: f.templatesDir });
}

const plain = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
const blocks = (tree: DocumentTree, kind?: string): Block[] => tree.sections.filter((s) => !kind || s.kind === kind).flatMap((s) => s.blocks);
const paragraphs = (list: Block[]) => list.flatMap((b) => (b.kind === 'paragraph' ? [{ style: b.style as string, text: plain(b.inlines) }] : []));

/** Numbering level of a heading or list paragraph: 一、=1, （一）=2, 1.=3, （1）=4; 0 for an unnumbered heading. */
function levelOf(p: { style: string; text: string }): { level: number; n: string } | null {
  const heading = /^heading[1-3]$/.test(p.style);
  const patterns: [number, RegExp][] = [[1, /^([一二三四五六七八九十]+)、/u], [2, /^（([一二三四五六七八九十]+)）/u], [3, /^(\d+)\.\s/u], [4, /^（(\d+)）/u]];
  for (const [level, re] of patterns) {
    const m = re.exec(p.text);
    if (m && (heading || level >= 3)) return { level, n: m[1]! };
  }
  // An unnumbered heading opens a new parent (附件…) at its own level.
  return heading ? { level: Number(p.style.slice(-1)), n: '' } : null;
}

/** Sibling groups of numbered items: key = parent index + level; value = the items' texts. */
function numberGroups(list: { style: string; text: string }[]) {
  const groups = new Map<string, { level: number; parentLevel: number; items: string[] }>();
  const stack: { level: number; index: number }[] = [];
  list.forEach((p, index) => {
    const at = levelOf(p);
    if (!at) return;
    while (stack.length && stack.at(-1)!.level >= at.level) stack.pop();
    const parent = stack.at(-1);
    if (at.n) {
      const key = `${parent?.index ?? -1}:${at.level}`;
      const g = groups.get(key) ?? { level: at.level, parentLevel: parent?.level ?? 0, items: [] };
      g.items.push(p.text.slice(0, 30));
      groups.set(key, g);
    }
    stack.push({ level: at.level, index });
  });
  return [...groups.values()];
}

/** The text between a heading that starts with `from` and the next heading of the same or a higher level. */
function part(list: { style: string; text: string }[], from: RegExp): string {
  const start = list.findIndex((p) => /^heading/.test(p.style) && from.test(p.text));
  if (start < 0) return '';
  const level = list[start]!.style;
  const end = list.findIndex((p, i) => i > start && /^heading/.test(p.style) && p.style <= level);
  return list.slice(start + 1, end < 0 ? undefined : end).map((p) => p.text).join('\n');
}

describe.each(FIXTURES)('%s', (f) => {
  const b = built(f);
  const body = paragraphs(blocks(b.tree, 'body'));
  const text = JSON.stringify(b.tree);

  it('prints no internal fault id', () => {
    expect(text).not.toMatch(/[（(]F\d+[）)]/u);
    for (const fault of b.model.faults) expect(text).not.toMatch(new RegExp(`(?<![A-Za-z0-9/])${fault.id}(?![A-Za-z0-9])`, 'u'));
  });

  it('numbers no single item and skips no level', () => {
    const groups = numberGroups(body);
    expect(groups.filter((g) => g.items.length === 1).map((g) => g.items[0])).toEqual([]);
    // （一） only under 一、; （1） only under 1. (鉴定意见 items 1. sit under their part heading, as is the practice).
    expect(groups.filter((g) => (g.level === 2 && g.parentLevel !== 1) || (g.level === 4 && g.parentLevel !== 3)).map((g) => g.items[0])).toEqual([]);
  });

  it('states the death-without-autopsy caveat once in the causation analysis and once in the opinion', () => {
    const death = b.model.damage.death;
    if (!death || death.autopsy) return;
    const noAutopsy = /未(?:行|作|做|经)?(?:尸体解剖|尸检)/gu;
    const causation = part(body, /因果关系/u);
    expect(causation.match(noAutopsy)?.length, causation).toBe(1);
    expect(causation).toContain(AUTOPSY_CAVEAT);
    const opinion = part(body, /^[一二三四五六七八九十]+、鉴定(?:意见|结论)$/u);
    expect(opinion.match(noAutopsy)?.length, opinion).toBe(1);
  });

  it('answers the institutions once at the close of the fault analysis, not in a generated and a written summary', () => {
    const names = b.model.answers.map((a) => a.name);
    if (names.length < 2) return;
    const analysis = part(body, /^[一二三四五六七八九十]+、(?:医疗过错分析|医疗行为是否违反)|^（一）医疗过错分析$/u);
    const closing = analysis.split('\n').filter((p) => names.every((n) => p.includes(n)));
    expect(closing.length, closing.join('\n')).toBe(1);
  });

  it('a judicial cover says 补充鉴定 for a supplementary appraisal, and 征求意见稿 for a draft', () => {
    if (!b.model.isJudicial) return;
    const cover = paragraphs(blocks(b.tree, 'front')).map((p) => p.text);
    expect(cover.includes('（补充鉴定）')).toBe(b.model.appraisalTypeName === '补充鉴定');
    expect(cover.includes('（征求意见稿）')).toBe(b.model.isDraft);
  });
});
