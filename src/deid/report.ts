/**
 * The de-identification report: what was replaced, by category, with counts, and the residual
 * findings a reviewer accepted. Originals are shown masked (欧＊＊＊): the report sits beside the
 * sample and must not itself carry the personal data it removed.
 */
import { CATEGORY_LABELS, type Category } from './spans.js';
import { mask } from './text.js';

export interface ReplacementRow { category: Category; original: string; replacement: string; count: number }

export interface Finding { category: Category; text: string; context: string }

export interface DeidReport {
  replacements: ReplacementRow[];
  /** Strings the config's deid.allow kept, though a detector flagged them. */
  allowed: string[];
  shiftDays: number;
  /** Residual findings accepted through deid.allow (set by the pipeline after the residual scan). */
  accepted: Finding[];
}

export class Ledger {
  private readonly rows = new Map<string, ReplacementRow>();
  readonly allowed = new Set<string>();

  add(category: Category, original: string, replacement: string): void {
    const key = `${category}\u0000${original}`;
    const row = this.rows.get(key);
    if (row) row.count++;
    else this.rows.set(key, { category, original, replacement, count: 1 });
  }

  report(shiftDays: number): DeidReport {
    return { replacements: [...this.rows.values()], allowed: [...this.allowed], shiftDays, accepted: [] };
  }
}

const ORDER = Object.keys(CATEGORY_LABELS) as Category[];

/** The `.deid.txt` file: plain UTF-8 text, stable from run to run for the same case. */
export function reportText(r: DeidReport): string {
  const total = r.replacements.reduce((n, x) => n + x.count, 0);
  const lines = [
    '培训样本去标识化报告（jianding）',
    '本报告中的原文已遮蔽（仅显示首字）；样本的 PDF 与 DOCX 均由同一文档树生成，已逐段复查，未发现残留的个人信息（或残留项已由配置 deid.allow 确认）。',
    `日期平移：${r.shiftDays ? `全部案件日期平移 ${r.shiftDays > 0 ? '+' : ''}${r.shiftDays} 天（间隔不变）` : '未平移'}`,
    '',
    `一、替换（共 ${r.replacements.length} 项，${total} 处）`,
  ];
  for (const category of ORDER) {
    const rows = r.replacements.filter((x) => x.category === category);
    if (!rows.length) continue;
    lines.push(`  ${CATEGORY_LABELS[category]}：${rows.length} 项，${rows.reduce((n, x) => n + x.count, 0)} 处`);
    for (const x of rows) lines.push(`    ${mask(x.original)} → ${x.replacement}（${x.count} 处）`);
  }
  lines.push('', `二、经配置 deid.allow 确认保留：${r.allowed.length + r.accepted.length ? '' : '无'}`);
  for (const a of r.allowed) lines.push(`    「${a}」`);
  for (const f of r.accepted) lines.push(`    「${f.text}」（${CATEGORY_LABELS[f.category]}）：${f.context}`);
  lines.push('', '三、审核人仍须人工核对：罕见写法的姓名（无称谓、无亲属称呼时不作识别）、外文姓名、绰号、单位内部称呼、照片与图像、少见的地名及地标、职业与罕见病情等可间接识别个人的信息。');
  return `${lines.join('\n')}\n`;
}
