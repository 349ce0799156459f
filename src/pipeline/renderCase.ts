/** A validated case → document bytes in the requested formats. No file I/O beyond template reading. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Case } from '../schema/case.js';
import { anonymise } from '../enrich/anonymise.js';
import { renderDocx } from '../render/docx/index.js';
import { renderPdf, type PdfFontConfig } from '../render/pdf/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildTree } from './buildTree.js';

export type OutputFormat = 'docx' | 'pdf';

export interface RenderOptions {
  formats: OutputFormat[];
  templatesDir?: string;
  status?: 'draft' | 'final';
  sample?: boolean;
  fonts?: PdfFontConfig;
  caseSha256: string;
  generator: string;
}

export interface RenderedCase {
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
  warnings: Diagnostic[];
  status: 'draft' | 'final';
  /** SHA-256 of each template file used, for the manifest. */
  templates: Record<string, string>;
  pageCount: number | null;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export async function renderCase(c: Case, options: RenderOptions): Promise<RenderedCase> {
  const source = options.sample ? anonymise(c) : c;
  const built = buildTree(source, options);
  const outputs: RenderedCase['outputs'] = [];
  const warnings: Diagnostic[] = [];
  let pageCount: number | null = null;
  for (const format of options.formats) {
    if (format === 'docx') outputs.push({ format, bytes: await renderDocx(built.tree) });
    else {
      const pdf = await renderPdf(built.tree, { fonts: options.fonts });
      pageCount = pdf.pageCount;
      outputs.push({ format, bytes: pdf.bytes });
      warnings.push(...pdf.warnings.map((w): Diagnostic => ({
        severity: 'warning', code: w.code, path: '',
        message: `PDF 字体缺少字符「${w.char}」（${w.codePoint}），已以可见标记代替；位置：「${w.context}」`,
        messageEn: `The PDF font lacks ${w.codePoint}; drawn as a visible marker near "${w.context}"`,
      })));
    }
  }
  const templates = Object.fromEntries(Object.entries(built.templates.files).map(([rel, file]) => [rel, sha256(fs.readFileSync(file))]));
  return { outputs, warnings, status: built.model.isDraft ? 'draft' : 'final', templates, pageCount };
}
