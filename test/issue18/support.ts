/** Shared by the issue 18 tests: the base case in each kind, and the printed text of its document. */
import type { DocumentTree } from '../../src/document/tree.js';
import type { CaseInput } from '../../src/schema/case.js';
import { build as buildWith } from '../templates/support.js';

export type Edit = (c: CaseInput) => void;

function paragraphs(tree: DocumentTree): string[] {
  return tree.sections.flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'paragraph' ? [b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []));
}

/** Every paragraph of the document, one a line; list items included. */
export const text = (edit: Edit = () => {}) => paragraphs(buildWith(undefined, edit).tree).join('\n');

export const judicial: Edit = (c) => {
  c.report.kind = 'judicial';
  c.institution.name = '江苏某某司法鉴定所';
  c.institution.licenceNumber = '320100001';
  c.appraisers = [{ name: '李某', certificateNumber: '320100000001' }, { name: '王某', certificateNumber: '320100000002' }];
  c.panel.experts.forEach((e) => { e.consultation = { opinion: '同意鉴定人意见。', agrees: true }; delete e.role; });
};

export const accident: Edit = (c) => {
  c.report.kind = 'accident';
  c.institution.shortName = '某医鉴';
  c.report.documentNumber = '某医鉴〔2026〕7号';
  c.basicInfo.commission = { ...c.basicInfo.commission, setting: 'negotiation', commissionedBy: 'both', client: '张某某、某某市第一人民医院' };
  c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
};

/** The three kinds, named as the tests print them. */
export const KINDS: [string, Edit][] = [['association', () => {}], ['judicial', judicial], ['accident', accident]];
