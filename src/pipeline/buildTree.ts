/** A valid case → report model → markup → document tree. */
import type { Case } from '../schema/case.js';
import { enrich, type EnrichOptions } from '../enrich/enrich.js';
import type { ReportModel } from '../enrich/model.js';
import type { DocumentTree } from '../document/tree.js';
import { loadTemplates, type CompiledTemplates } from '../templates/engine.js';
import { MarkupError, markupToTree } from '../templates/markup.js';

export interface BuiltDocument { model: ReportModel; markup: string; tree: DocumentTree; templates: CompiledTemplates }

export function buildTree(c: Case, options: EnrichOptions & { templatesDir?: string }): BuiltDocument {
  const model = enrich(c, options);
  const templates = loadTemplates(c.report.kind, options.templatesDir);
  const markup = templates.render(model);
  return { model, markup, tree: treeOf(markup, model, templates), templates };
}

/** Bad markup is the templates' fault: a template error, naming the template that wrote it. */
function treeOf(markup: string, model: ReportModel, templates: CompiledTemplates): DocumentTree {
  try {
    return markupToTree(markup);
  } catch (e) {
    if (e instanceof MarkupError) throw templates.markupError(model, e);
    throw e;
  }
}
