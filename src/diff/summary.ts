/** The summary a clerk reads after `jianding diff`: changed fields by their Chinese names, then the document's changes. */
import type { FieldChange } from './fieldDiff.js';
import type { RedlineResult } from './redline.js';

export const IDENTICAL = '两个版本的文书内容相同';

function fieldLine(f: FieldChange): string {
  const name = f.label === f.path ? f.path : `${f.label}（${f.path}）`;
  if (f.change === 'added') return `  新增　${name}${f.after !== null ? `：${f.after}` : ''}`;
  if (f.change === 'removed') return `  删除　${name}${f.before !== null ? `：${f.before}` : ''}`;
  const value = f.before !== null && f.after !== null ? `${f.before} → ${f.after}` : '已修改';
  return `  修改　${name}：${value}`;
}

/** Lines for stdout; `written` is the redline's path when one was written. */
export function summaryLines(r: RedlineResult, written: string | undefined): string[] {
  const fields = r.fields.length ? [`改动的字段（${r.fields.length} 项）：`, ...r.fields.map(fieldLine)] : ['案件字段没有改动'];
  if (r.identical) return [...fields, `${IDENTICAL}，未生成修订稿`];
  const signature = r.signatureChanged ? ['落款（签名人、盖章或日期）有改动：修订稿中按新版本印出，未加修订标记'] : [];
  return [...fields, `文书中插入 ${r.insertions} 处、删除 ${r.deletions} 处`, ...signature, ...(written ? [`已写入修订稿 ${written}`] : [])];
}

/** The --json form: the same facts for programs. */
export function summaryJson(r: RedlineResult, files: { before: string; after: string; out?: string }) {
  return {
    before: files.before, after: files.after, identical: r.identical, out: files.out ?? null,
    insertions: r.insertions, deletions: r.deletions, signatureChanged: r.signatureChanged, fields: r.fields,
  };
}
