/**
 * Making a document again from the case it records, with the settings of this machine:
 * output is byte-identical, so equal bytes prove the file is exactly what jianding made.
 */
import { createHash } from 'node:crypto';
import { loadCase } from '../parse/loadCase.js';
import { renderCase, type OutputFormat } from '../pipeline/renderCase.js';
import { recordedDefaults, type IssueImages } from '../pipeline/proof.js';
import type { PdfFontConfig } from '../render/pdf/index.js';
import type { StyleOverrides } from '../document/styleOverrides.js';

export interface RenderSettings {
  templatesDir?: string;
  fonts?: PdfFontConfig;
  style?: StyleOverrides;
  images?: IssueImages;
  /** The config's reference DOCX: it shapes both formats (page geometry), so a rerun needs it too. */
  referenceDocx?: Uint8Array;
  generator: string;
}

export type Regenerated =
  | { ok: true; bytes: Uint8Array; templates: Record<string, string>; fontsSha256: string }
  | { ok: false; problem: string };

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** `props`: the jianding properties the document carries (status, defaults, caseSha256). */
export async function regenerate(format: OutputFormat, caseFile: { name: string; bytes: Uint8Array }, props: Record<string, string>, s: RenderSettings): Promise<Regenerated> {
  if (props.caseSha256 && sha256(caseFile.bytes) !== props.caseSha256) return { ok: false, problem: '案件文件与文书记录的 SHA-256 不符：文书不是由这份案件文件生成的，或嵌入的案件文件被改动' };
  const defaults = recordedDefaults(props);
  const loaded = loadCase(caseFile.bytes, caseFile.name, defaults);
  if (!loaded.ok || !loaded.case) return { ok: false, problem: `案件文件未通过校验（${loaded.diagnostics.filter((d) => d.severity === 'error').length} 处错误），无法重新生成` };
  const status = props.status === 'draft' ? 'draft' : 'final';
  const rendered = await renderCase(loaded.case, {
    formats: [format], status, templatesDir: s.templatesDir, fonts: s.fonts, style: s.style, images: status === 'final' ? s.images : undefined,
    caseSha256: loaded.sha256, generator: s.generator, caseFile, defaults, referenceDocx: s.referenceDocx,
  });
  return { ok: true, bytes: rendered.outputs[0]!.bytes, templates: rendered.templates, fontsSha256: rendered.fingerprint.inputs.fontsSha256 };
}

/** Why a regenerated file can differ: what the document recorded against what this machine used. */
export function differences(props: Record<string, string>, r: { templates: Record<string, string>; fontsSha256: string }, generator: string): string[] {
  const out: string[] = [];
  if (props.tool && props.tool !== generator) out.push(`生成它的是 ${props.tool}，本机是 ${generator}`);
  if (props.templates && props.templates !== JSON.stringify(r.templates)) out.push('模板与生成时不同（请用 --templates 指定生成时的模板文件夹）');
  if (props.fontsSha256 && props.fontsSha256 !== r.fontsSha256) out.push('字体与生成时不同（请使用生成时的配置文件）');
  return out;
}
