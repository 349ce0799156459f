/**
 * A lead-in — 「医方认为：」, 「专家组成员：」, a sentence right before a table — never stands
 * alone at the foot of a page with what it introduces overleaf: checked on the tree, and on
 * every fixture's PDF as a reader sees it (the last line of each page but the last).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepLeadInsWithNext } from '../../src/document/leadIns.js';
import type { Block, DocumentTree } from '../../src/document/tree.js';
import { jianding, tmpDir } from '../support/cli.js';

const para = (text: string, keepWithNext?: boolean): Block => ({ kind: 'paragraph', style: 'body', inlines: [{ kind: 'text', text }], ...(keepWithNext ? { keepWithNext } : {}) });
const table: Block = { kind: 'table', columns: [1], header: [], rows: [{ cells: [{ inlines: [] }] }] };
const treeOf = (blocks: Block[]): DocumentTree => ({ sections: [{ kind: 'body', furniture: { pageNumbers: 'none' }, blocks }] }) as unknown as DocumentTree;
const kept = (blocks: Block[]) => keepLeadInsWithNext(treeOf(blocks)).sections[0]!.blocks.map((b) => b.kind === 'paragraph' && b.keepWithNext === true);

describe('lead-ins keep with what they introduce', () => {
  it('a paragraph ending in a colon keeps with the next paragraph; other paragraphs do not', () => {
    expect(kept([para('医方认为：'), para('1. 已尽告知义务。'), para('2. 无过错。')])).toEqual([true, false, false]);
  });

  it('any paragraph right before a table keeps with it; the last block has nothing to keep with', () => {
    expect(kept([para('以下材料均经医患双方确认。'), table, para('鉴定材料：')])).toEqual([true, false, false]);
  });
});

const havePdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

describe.runIf(havePdftotext)('every fixture\'s PDF', () => {
  const out = tmpDir('jd-leadins-');
  beforeAll(() => {
    const r = jianding(['batch', 'fixtures', '--out', out, '--format', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  /** The last line of text on each page but the last, folios and page headers left out. */
  function pageEnds(pdf: string): string[] {
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    return pages.slice(0, -1).map((page) => page.split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$|第\s*\d+\s*页/.test(l)).at(-1) ?? '');
  }

  it('ends no page with a line ending in a colon', () => {
    const pdfs = fs.readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(19);
    const stranded = pdfs.flatMap((f) => pageEnds(path.join(out, f)).flatMap((line, i) => (/[：:]$/.test(line) ? [`${f} p${i + 1}: ${line}`] : [])));
    expect(stranded).toEqual([]);
  });
});
