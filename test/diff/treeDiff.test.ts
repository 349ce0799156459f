/**
 * The diff below the pipeline: readable character diffs of Chinese text, and trees whose
 * paragraphs and table rows are inserted, deleted or edited, written as tracked changes.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree, Inline, Table } from '../../src/document/tree.js';
import { diffTrees } from '../../src/diff/treeDiff.js';
import { textDiff } from '../../src/diff/textDiff.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { revisionOf } from '../../src/render/docx/revisions.js';
import { para, sampleTree } from '../support/sampleTree.js';
import { accepted, documentXml, marksOf, rejected } from './support.js';

const show = (a: string, b: string) => textDiff(a, b).map((s) => (s.op === 'eq' ? s.text : `[${s.op}:${s.text}]`)).join('');

describe('textDiff', () => {
  it('shows an edited phrase as one deletion and one insertion, not alternating characters', () => {
    expect(show('医方未及时行影像学检查。', '医方未予以及时的超声检查。')).toBe('医方未[del:及时行影像学][ins:予以及时的超声]检查。');
  });

  it('keeps a changed number whole', () => {
    expect(show('参与度为30%。', '参与度为40%。')).toBe('参与度为[del:30][ins:40]%。');
    expect(show('出血约1500 ml', '出血约1800 ml')).toBe('出血约[del:1500][ins:1800] ml');
  });

  it('marks pure insertions and deletions, and nothing for equal text', () => {
    expect(show('患者术后出现胆漏。', '患者术后第3天出现胆漏。')).toBe('患者术后[ins:第3天]出现胆漏。');
    expect(show('患者术后第3天出现胆漏。', '患者术后出现胆漏。')).toBe('患者术后[del:第3天]出现胆漏。');
    expect(textDiff('同一段文字', '同一段文字')).toEqual([{ op: 'eq', text: '同一段文字' }]);
  });

  it('reads astral characters (扩展B区) as whole characters', () => {
    expect(show('患者𠀾某某', '患者𠀿某某')).toBe('患者[del:𠀾][ins:𠀿]某某');
  });
});

const cells = (...texts: string[]) => ({ cells: texts.map((text) => ({ inlines: [{ kind: 'text', text } as Inline] })) });

function withBlocks(edit: (blocks: Block[]) => Block[]): DocumentTree {
  const tree = sampleTree();
  const body = tree.sections.findIndex((s) => s.kind === 'body');
  tree.sections[body] = { ...tree.sections[body]!, blocks: edit(tree.sections[body]!.blocks) };
  return tree;
}

const table = (rows: ReturnType<typeof cells>[]): Table => ({ kind: 'table', columns: [1, 4, 2], header: [cells('序号', '鉴定材料', '数量')], rows });

describe('diffTrees', () => {
  const before = withBlocks((b) => [...b.slice(0, 4), para('body', '旧版本中的说明文字。'), table([cells('1', '住院病历', '1份'), cells('2', '门诊病历', '2份')]), ...b.slice(4)]);
  const after = withBlocks((b) => [...b.slice(0, 4), para('body', '另行补充的材料清单如下：'), table([cells('1', '住院病历', '1份'), cells('2', '门诊病历', '3份'), cells('3', '影像资料', '光盘1张')]), ...b.slice(4)]);

  it('marks whole paragraphs and rows, edits cells, and leaves the rest alone', () => {
    const red = diffTrees(before, after);
    const blocks = red.tree.sections.flatMap((s) => s.blocks);
    const marked = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.inlines : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.inlines)) : []))
      .filter((i) => revisionOf(i)).map((i) => `${revisionOf(i)}:${i.kind === 'text' ? i.text : ''}`);
    expect(marked).toEqual(['del:旧版本中的说明文字。', 'ins:另行补充的材料清单如下：', 'del:2', 'ins:3', 'ins:3', 'ins:影像资料', 'ins:光盘1张']);
    // Places: the paragraph replaced (1 + 1), 2份 → 3份 (1 + 1), the new row (1).
    expect(red.insertions).toBe(3);
    expect(red.deletions).toBe(2);
  });

  it('writes an inserted row as an inserted row, and round-trips through accept and reject', async () => {
    const xml = await documentXml(await renderDocx(diffTrees(before, after).tree, { revisions: { author: 'jianding', date: '2026-01-02T00:00:00Z' } }));
    expect(xml).toMatch(/<w:trPr><w:cantSplit\/><w:ins w:id="\d+" w:author="jianding" w:date="2026-01-02T00:00:00Z"\/><\/w:trPr>/);
    expect(marksOf(xml).every((m) => m.author === 'jianding')).toBe(true);
    expect(accepted(xml)).toBe(accepted(await documentXml(await renderDocx(after))));
    expect(rejected(xml)).toBe(accepted(await documentXml(await renderDocx(before))));
  });

  it('ignores revision marks when no redline is asked for: the normal DOCX is unchanged', async () => {
    const red = diffTrees(before, after).tree;
    const xml = await documentXml(await renderDocx(red));
    expect(xml).not.toMatch(/<w:(ins|del) /);
  });
});
