/**
 * How an institution names itself in its own document: a medical association writes 本会;
 * a judicial institution 本所 or 本中心 after its name (司法鉴定所, 司法鉴定中心). The case may say.
 */
import type { ReportKind } from './reportKinds.js';

export function selfReference(kind: ReportKind, name: string, given?: string): string {
  if (given) return given;
  if (kind !== 'judicial') return '本会';
  if (name.endsWith('中心')) return '本中心';
  if (name.endsWith('所')) return '本所';
  if (name.endsWith('院')) return '本院';
  return '本机构';
}
