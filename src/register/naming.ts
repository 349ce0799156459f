/**
 * Every version of a document has file names of its own, so writing a new version never
 * replaces a file of an earlier one: the first final is `<case>.pdf`, draft rounds are
 * `<case>.draft-1.pdf`, …, corrected finals `<case>.correction-1.pdf`, training samples
 * `<case>.sample-1.pdf`.
 */
export type Stream = 'draft' | 'final' | 'sample';
/** `deid.txt`: a training sample's de-identification report, committed with its files. */
export type Format = 'docx' | 'pdf' | 'deid.txt';

export function versionLabel(stream: Stream, number: number): string {
  if (stream === 'final') return number === 1 ? '' : `correction-${number - 1}`;
  return `${stream}-${number}`;
}

export function outputFileName(name: string, label: string, format: Format): string {
  return label ? `${name}.${label}.${format}` : `${name}.${format}`;
}

export const manifestFileName = (name: string): string => `${name}.manifest.json`;

/** Temporary files carry the reservation's token, so the run that finds them stale knows they are its to remove. */
export const tempFileName = (file: string, token: string): string => `.${file}.${token}.tmp`;

/** A version as a person names it: 征求意见稿（第 2 轮）, 正式文书, 正式文书（第 1 次更正）. */
export function versionTitle(stream: Stream, number: number, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') {
    if (stream === 'final') return number === 1 ? 'final' : `final (correction ${number - 1})`;
    return `${stream === 'draft' ? 'draft round' : 'training sample'} ${number}`;
  }
  if (stream === 'final') return number === 1 ? '正式文书' : `正式文书（第 ${number - 1} 次更正）`;
  return stream === 'draft' ? `征求意见稿（第 ${number} 轮）` : `培训样本（第 ${number} 份）`;
}

/** A name the register wrote can never point elsewhere: no folders, no parent links. */
export function isPlainFileName(file: string): boolean {
  return file.length > 0 && !/[\\/\0]/.test(file) && file !== '.' && file !== '..';
}
