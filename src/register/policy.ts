/**
 * What a render may do, given the committed versions of its case: a pure decision, so the
 * rules that protect a final are readable in one place and testable without a disk.
 * - A final is immutable: the same case again is up to date (or already issued, when only the
 *   tool or settings changed); a changed case needs a correction with a reason (补正/更正).
 * - `--force` applies to drafts and samples only: it renders a new round even when up to date.
 * - The same inputs again are up to date; a format missing from an otherwise identical
 *   version is added to it (the bytes are the same pipeline's).
 */
import { versionTitle, type Format, type Stream } from './naming.js';

export interface Correction {
  kind: '补正' | '更正';
  reason: string;
}

export interface RenderRequest {
  stream: Stream;
  formats: Format[];
  force: boolean;
  correction?: Correction;
}

/** The newest committed version of one stream, with what the caller found on disk. */
export interface Candidate {
  id: number;
  number: number;
  formats: Format[];
  createdAt: string;
  documentNumber: string;
  /** Same case bytes, settings, tool version and templates. */
  sameInputs: boolean;
  sameCase: boolean;
  /** Every file of the version is on disk with its recorded SHA-256. */
  intact: boolean;
}

export type Decision =
  | { kind: 'upToDate'; versionId: number }
  | { kind: 'issued'; versionId: number }
  | { kind: 'addFormats'; versionId: number; formats: Format[] }
  | { kind: 'new'; stream: Stream; number: number; fromVersion?: number; correction?: Correction }
  /** `correctable`: the way forward is a corrected version of the final (更正/补正). */
  | { kind: 'refuse'; message: string; messageEn: string; correctable?: boolean };

export interface Latest {
  draft?: Candidate;
  final?: Candidate;
  sample?: Candidate;
}

const missing = (want: Format[], have: Format[]) => want.filter((f) => !have.includes(f));

function decideFinal(r: RenderRequest, latest: Latest): Decision {
  const f = latest.final;
  if (!f) {
    if (r.correction) return { kind: 'refuse', message: '本案还没有正式文书，无需更正（去掉 --correction）', messageEn: 'There is no final document to correct yet (drop --correction)' };
    return { kind: 'new', stream: 'final', number: 1, fromVersion: latest.draft?.id };
  }
  if (r.correction) return { kind: 'new', stream: 'final', number: f.number + 1, fromVersion: f.id, correction: r.correction };
  const title = `${versionTitle('final', f.number)}（${f.documentNumber}，${f.createdAt.slice(0, 10)} 生成）`;
  const how = '正式文书一经生成即不可替换；如需修改，请以 --correction "原因"（可加 --correction-kind 补正|更正）生成更正版本，原文书保留';
  if (r.force) return { kind: 'refuse', correctable: true, message: `--force 只适用于征求意见稿。本案已有${title}。${how}`, messageEn: `--force applies to drafts only; this case has a final document. Use --correction "reason" for a corrected version` };
  if (!f.sameCase) return { kind: 'refuse', correctable: true, message: `案件内容与已生成的${title}不同。${how}`, messageEn: `The case differs from its final document; use --correction "reason" for a corrected version (the final is kept)` };
  if (!f.intact) return { kind: 'refuse', message: `${title}的文件已被改动或删除（与登记簿记录的 SHA-256 不符）；jianding 不会重写正式文书，请从备份恢复`, messageEn: 'The final document on disk no longer matches the register (changed or deleted); jianding never rewrites a final: restore it from a backup' };
  const add = missing(r.formats, f.formats);
  if (add.length && f.sameInputs) return { kind: 'addFormats', versionId: f.id, formats: add };
  if (add.length) return { kind: 'refuse', correctable: true, message: `${title}没有 ${add.join('、')} 格式，而工具版本、模板或设置已变，补生成的文件将与原文书不一致；请用原来的版本与设置，或以 --correction 生成更正版本`, messageEn: 'The final lacks a format, and the tool, templates or settings changed since; use the original ones or make a correction' };
  return f.sameInputs ? { kind: 'upToDate', versionId: f.id } : { kind: 'issued', versionId: f.id };
}

function decideOpen(r: RenderRequest, stream: 'draft' | 'sample', latest: Latest): Decision {
  if (r.correction) return { kind: 'refuse', message: '--correction 只用于正式文书（与 --final 一起使用）', messageEn: '--correction applies to final documents only (use it with --final)' };
  const l = latest[stream];
  if (l && !r.force && l.sameInputs && l.intact) {
    const add = missing(r.formats, l.formats);
    return add.length ? { kind: 'addFormats', versionId: l.id, formats: add } : { kind: 'upToDate', versionId: l.id };
  }
  return { kind: 'new', stream, number: (l?.number ?? 0) + 1 };
}

export function decide(r: RenderRequest, latest: Latest): Decision {
  return r.stream === 'final' ? decideFinal(r, latest) : decideOpen(r, r.stream, latest);
}
