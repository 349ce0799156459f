/**
 * De-identification of training samples: `deidentify` replaces the personal data of a case,
 * `residualScan` looks for any left in the rendered text. Pure functions of values.
 */
export { deidentify, type DeidOptions, type Deidentified } from './deidentify.js';
export { partitionAllowed, residualScan } from './residual.js';
export { reportText, type DeidReport, type Finding } from './report.js';
export { treeText } from './treeText.js';
export { CATEGORY_LABELS, type Category } from './spans.js';

import { CATEGORY_LABELS } from './spans.js';
import type { DeidReport, Finding } from './report.js';

/** The sample is not written: the residual findings, each with its context. */
export class DeidBlocked extends Error {
  constructor(readonly findings: Finding[], readonly report: DeidReport) {
    super(`去标识化后仍有 ${findings.length} 处疑似个人信息，样本未写出`);
  }
}

/** One finding as the user reads it, naming its category and context and the way to accept it. */
export function findingMessage(f: Finding): string {
  return `去标识化后仍疑似含${CATEGORY_LABELS[f.category]}「${f.text}」：${f.context}；样本未写出。若经审核确认不是个人信息，可将「${f.text}」加入配置文件的 deid.allow`;
}
