/** A tree of awkward but legal shapes, for the edge-case tests (XML and LibreOffice). */
import type { DocumentTree, Inline } from '../../src/document/tree.js';
import { para, sampleTree } from '../support/sampleTree.js';

const t = (text: string): Inline[] => [{ kind: 'text', text }];

export function edgeTree(): DocumentTree {
  const base = sampleTree();
  const sig = base.sections[1]!.blocks.find((b) => b.kind === 'signature')!;
  return {
    ...base,
    preset: 'gbt9704',
    sections: [
      { kind: 'front', furniture: { headerText: '封面不应显示', pageNumbers: 'ofTotal' }, blocks: [] },
      { kind: 'body', furniture: { pageNumbers: 'dash' }, blocks: [{ kind: 'pageBreak' }] },
      {
        kind: 'body',
        furniture: { headerText: '第二个正文节', pageNumbers: 'ofTotal' },
        blocks: [
          sig, // a signature with nothing before it: no chain to build
          { kind: 'table', columns: [1, 2], header: [], rows: [] },
          { kind: 'table', columns: [], header: [], rows: [{ cells: [{ inlines: t('无列宽甲') }, { inlines: t('无列宽乙') }] }] },
          { kind: 'table', columns: [1, Number.NaN], header: [{ cells: [{ inlines: t('表头'), colSpan: Number.NaN }] }], rows: [{ cells: [{ inlines: t('一') }, { inlines: t('二') }, { inlines: t('多出的单元格') }] }] },
          { kind: 'spacer', lines: 0 },
          { kind: 'spacer', lines: -2 },
          { kind: 'spacer', lines: 1.7 },
          { kind: 'paragraph', style: 'body', inlines: [{ kind: 'text', text: '' }, { kind: 'lineBreak' }, { kind: 'lineBreak' }] },
          { kind: 'pageBreak' },
          { kind: 'pageBreak' },
          para('heading1', '空白页之后'),
          { kind: 'pageBreak' },
          { kind: 'table', columns: [1], header: [], rows: [{ cells: [{ inlines: t('分页后的表格') }] }] },
          { kind: 'signature', lines: [], institution: '', sealed: true, date: '' },
          { kind: 'pageBreak' },
        ],
      },
    ],
  };
}
