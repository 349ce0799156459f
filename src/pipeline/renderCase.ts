/** A validated case → document bytes in the requested formats. No file I/O beyond template reading. */
import { createHash } from 'node:crypto';
import type { Case } from '../schema/case.js';
import { DeidBlocked, deidentify, partitionAllowed, reportText, residualScan, treeText, type DeidOptions, type DeidReport } from '../deid/index.js';
import type { DocumentTree } from '../document/tree.js';
import type { StyleOverrides } from '../document/styleOverrides.js';
import { renderDocx } from '../render/docx/index.js';
import { readReferenceDocx, sheetWithReference } from '../render/docx/referenceDocx.js';
import { STYLE_SHEETS } from '../document/styles.js';
import { fontSetSha256, layoutForDocx, renderPdf, type PdfFontConfig } from '../render/pdf/index.js';
import type { Fingerprint } from './fingerprint.js';
import { attachImages, attachProof, type CaseFile, type IssueImages } from './proof.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildTree } from './buildTree.js';

export type OutputFormat = 'docx' | 'pdf';

export interface RenderOptions {
  formats: OutputFormat[];
  templatesDir?: string;
  status?: 'draft' | 'final';
  sample?: boolean;
  /** Training samples: date shift and the reviewed allow-list (config deid). */
  deid?: DeidOptions;
  fonts?: PdfFontConfig;
  /** The institution's style sheet (config `style`). */
  style?: StyleOverrides;
  caseSha256: string;
  generator: string;
  /** The case file's name and bytes, embedded in the PDF for `jianding verify`. */
  caseFile?: CaseFile;
  /** Electronic seal and signature images for finals. */
  images?: IssueImages;
  /** Institution defaults merged into the case (the config's `institution`), recorded so verify can apply them again. */
  defaults?: unknown;
  /** An institution's reference DOCX (config referenceDocx): styles, page setup and letterhead. */
  referenceDocx?: Uint8Array;
}

export interface RenderedCase {
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
  warnings: Diagnostic[];
  status: 'draft' | 'final';
  /** SHA-256 of each template file used, for the manifest. */
  templates: Record<string, string>;
  pageCount: number;
  /** Each heading's PDF page (empty without a PDF). */
  anchors: { text: string; page: number }[];
  /** What the documents follow from, and their 查询校验码. */
  fingerprint: Fingerprint;
  /** Training samples: what de-identification replaced, and its report as written beside the sample. */
  deid?: { report: DeidReport; text: string };
}

/**
 * A sample's case is de-identified before the tree is built, and the tree (all that either
 * renderer draws) is scanned again; a finding not on the allow-list stops the sample here,
 * before any byte of it exists.
 */
function checkedSample(c: Case, options: RenderOptions): { source: Case; check: (tree: DocumentTree) => RenderedCase['deid'] } {
  const d = deidentify(c, options.deid);
  return {
    source: d.case,
    check: (tree) => {
      const { blocking, accepted } = partitionAllowed(residualScan(treeText(tree), { originals: d.originals }), options.deid?.allow);
      if (blocking.length) throw new DeidBlocked(blocking, d.report);
      const report = { ...d.report, accepted };
      return { report, text: reportText(report) };
    },
  };
}

export async function renderCase(c: Case, options: RenderOptions): Promise<RenderedCase> {
  const sample = options.sample ? checkedSample(c, options) : undefined;
  const fontsSha256 = await fontSetSha256(options.fonts);
  const referenceDocxSha256 = options.referenceDocx && createHash('sha256').update(options.referenceDocx).digest('hex');
  const built = buildTree(sample?.source ?? c, { ...options, fontsSha256, ...(referenceDocxSha256 ? { referenceDocxSha256 } : {}) });
  // Scanned before the proof is attached: its properties are jianding's own hashes, not case text.
  const deid = sample?.check(built.tree);
  attachProof(built.tree, built.fingerprint, options.caseFile, options.defaults);
  attachImages(built.tree, options.images);
  const reference = options.referenceDocx ? readReferenceDocx(options.referenceDocx) : undefined;
  if (reference) built.tree.styleSheet = sheetWithReference(STYLE_SHEETS[built.tree.preset], reference);
  const pdf = options.formats.includes('pdf') ? await renderPdf(built.tree, { fonts: options.fonts }) : null;
  // The DOCX's 「共 N 页」 takes the typesetter's count: laid out once, the same in both files.
  const layout = pdf ?? (await layoutForDocx(built.tree, { fonts: options.fonts }));
  const { sectionPages, closings } = layout;
  const outputs: RenderedCase['outputs'] = [];
  for (const format of options.formats) {
    if (format === 'docx') outputs.push({ format, bytes: await renderDocx(built.tree, { sectionPages, closings, ...(reference ? { reference } : {}) }) });
    else outputs.push({ format, bytes: pdf!.bytes });
  }
  const warnings = (pdf?.warnings ?? []).map((w): Diagnostic => ({
    severity: 'warning', code: w.code, path: '',
    message: `PDF 字体缺少字符「${w.char}」（${w.codePoint}），已以可见标记代替；位置：「${w.context}」`,
    messageEn: `The PDF font lacks ${w.codePoint}; drawn as a visible marker near "${w.context}"`,
  }));
  const pageCount = pdf?.pageCount ?? sectionPages.reduce((a, b) => a + b, 0);
  return { outputs, warnings, status: built.model.isDraft ? 'draft' : 'final', templates: built.templates.hashes, pageCount, anchors: pdf?.anchors ?? [], fingerprint: built.fingerprint, ...(deid ? { deid } : {}) };
}
