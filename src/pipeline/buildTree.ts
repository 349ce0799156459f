/** A valid case → report model → markup → document tree. */
import type { Case } from '../schema/case.js';
import { enrich, type EnrichOptions } from '../enrich/enrich.js';
import type { ReportModel } from '../enrich/model.js';
import type { DocumentTree } from '../document/tree.js';
import { keepLeadInsWithNext } from '../document/leadIns.js';
import type { StyleOverrides } from '../document/styleOverrides.js';
import { loadTemplates, type CompiledTemplates } from '../templates/engine.js';
import { MarkupError, markupToTree } from '../templates/markup.js';
import { fingerprintOf, verificationUrl, type Fingerprint } from './fingerprint.js';

export interface BuiltDocument { model: ReportModel; markup: string; tree: DocumentTree; templates: CompiledTemplates; fingerprint: Fingerprint }

export interface BuildOptions extends Omit<EnrichOptions, 'verification'> {
  templatesDir?: string;
  /** SHA-256 over the font files (render/pdf/fonts.ts fontSetSha256); part of the fingerprint. */
  fontsSha256?: string;
  /** Institution defaults merged into the case: they change the output, so they are in the fingerprint. */
  defaults?: unknown;
  /** The institution's style sheet (config `style`): it sets other lines, so it is in the fingerprint too. */
  style?: StyleOverrides;
  /** SHA-256 of the reference DOCX the renderers follow, when any; part of the fingerprint. */
  referenceDocxSha256?: string;
}

export function buildTree(c: Case, options: BuildOptions): BuiltDocument {
  const templates = loadTemplates(c.report.kind, options.templatesDir);
  const fingerprint = fingerprintOf({
    caseSha256: options.caseSha256, templates: templates.hashes, fontsSha256: options.fontsSha256 ?? '',
    tool: options.generator, status: options.status ?? c.report.status, sample: options.sample ?? false,
    ...(hasDefaults(options.defaults) ? { defaults: options.defaults } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.referenceDocxSha256 ? { referenceDocxSha256: options.referenceDocxSha256 } : {}),
  });
  const verification = { code: fingerprint.code, url: verificationUrl(c.institution.verifyUrl, fingerprint.code) };
  const model = enrich(c, { ...options, verification });
  const markup = templates.render(model);
  const tree = keepLeadInsWithNext(treeOf(markup, model, templates));
  if (options.style) tree.style = options.style;
  return { model, markup, tree, templates, fingerprint };
}

/** `{ institution: undefined }` or an empty institution (no config) is no defaults at all. */
const hasDefaults = (d: unknown): boolean => !['{}', '{"institution":{}}'].includes(JSON.stringify(d ?? {}));

/** Bad markup is the templates' fault: a template error, naming the template that wrote it. */
function treeOf(markup: string, model: ReportModel, templates: CompiledTemplates): DocumentTree {
  try {
    return markupToTree(markup, { loadImage: templates.loadImage });
  } catch (e) {
    if (e instanceof MarkupError) throw templates.markupError(model, e);
    throw e;
  }
}
