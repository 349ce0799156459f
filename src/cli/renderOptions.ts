/** Command-line flags and the config file → options for rendering. */
import path from 'node:path';
import { checkRegularFile, describeReadError, ReadFileError } from '../io/readRegularFile.js';
import type { IssueImages } from '../pipeline/proof.js';
import { isPng } from '../io/png.js';
import type { OutputFormat } from '../pipeline/renderCase.js';
import { MAX_DOCUMENT_BYTES, MAX_FONT_BYTES, MAX_IMAGE_BYTES } from '../io/fileLimits.js';
import { readReferenceDocx, ReferenceDocxError, type ReferenceDocx } from '../render/docx/referenceDocx.js';
import { referenceFonts, type Note } from './referenceFonts.js';
import { readBoundedFile } from './files.js';
import type { Config } from './config.js';
import { UsageError } from './errors.js';
import type { RenderFileOptions } from './renderFile.js';
import type { Correction } from '../register/index.js';

export interface RenderFlags {
  format?: string; out?: string; templates?: string; draft?: boolean; final?: boolean; force?: boolean; sample?: boolean;
  config?: string; jobs?: string; serifFont?: string; sansFont?: string; correction?: string; correctionKind?: string; shiftDates?: string;
}

export function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => f !== 'docx' && f !== 'pdf');
  if (bad.length || list.length === 0) throw new UsageError(`--format 只能是 docx、pdf 或 docx,pdf，收到「${value}」`, `--format must be docx, pdf or docx,pdf (got "${value}")`);
  return [...new Set(list)] as OutputFormat[];
}

/** A font file must be a regular file (a FIFO or device would hang or exhaust memory) of bounded size. */
function checkFontFile(file: string): void {
  try {
    checkRegularFile(file, MAX_FONT_BYTES);
  } catch (e) {
    if (!(e instanceof ReadFileError)) throw e;
    const { zh, en } = describeReadError(e, '字体文件', 'Font file');
    throw new UsageError(zh, en);
  }
}

/**
 * Fonts from the command line win over the config file's, which win over the faces a reference
 * DOCX names (found on this machine); each must be a readable regular file.
 */
function fontsOf(flags: RenderFlags, config: Config, reference: ReferenceDocx | undefined, onNote: (n: Note) => void): Config['fonts'] {
  // --serif-font sets the four serif roles, --sans-font 黑体, over what the config names for them.
  const serif = flags.serifFont && path.resolve(flags.serifFont);
  const sans = flags.sansFont && path.resolve(flags.sansFont);
  const fromFlags = { ...(serif ? { serif, fangsong: serif, song: serif, songti: serif, kai: serif } : {}), ...(sans ? { sans, hei: sans } : {}) };
  const chosen = { ...config.fonts, ...fromFlags };
  const fromReference = reference ? referenceFonts(reference, chosen) : { fonts: {}, notes: [] };
  fromReference.notes.forEach(onNote);
  const fonts = { ...fromReference.fonts, ...chosen };
  for (const spec of Object.values(fonts)) {
    if (spec) checkFontFile(typeof spec === 'string' ? spec : spec.file);
  }
  return fonts;
}

/** A corrected final: a reason is required, and the kind is one the regulations use. */
function correctionOf(flags: RenderFlags): Correction | undefined {
  if (flags.correction === undefined) {
    if (flags.correctionKind) throw new UsageError('--correction-kind 须与 --correction "原因" 一起使用', '--correction-kind needs --correction "reason"');
    return undefined;
  }
  const reason = flags.correction.trim();
  if (!reason) throw new UsageError('--correction 须写明更正的原因', '--correction needs a reason');
  const kind = flags.correctionKind ?? '更正';
  if (kind !== '补正' && kind !== '更正') throw new UsageError(`--correction-kind 只能是「补正」或「更正」，收到「${kind}」`, `--correction-kind must be 补正 or 更正 (got "${kind}")`);
  if (flags.draft || flags.sample) throw new UsageError('--correction 只用于正式文书，不能与 --draft 或 --sample 同用', '--correction applies to finals only');
  return { kind, reason };
}

/** A seal or signature image: a PNG, named by its config key in any message. */
function readPng(file: string, key: string): Uint8Array {
  const bytes = readBoundedFile(file, MAX_IMAGE_BYTES, `配置 ${key} 的图片`);
  if (!isPng(bytes)) throw new UsageError(`配置 ${key} 的图片 ${file} 不是 PNG 文件（印章与签名须为透明背景的 PNG）`, `${key}: ${file} is not a PNG`);
  return bytes;
}

/** The reference DOCX, read and checked now: a bad one is a config error, named by its key. */
function referenceDocxOf(config: Config): { bytes: Uint8Array; parsed: ReferenceDocx } | undefined {
  const file = config.referenceDocx;
  if (!file) return undefined;
  const bytes = readBoundedFile(file, MAX_DOCUMENT_BYTES, '配置 referenceDocx 的参考文档');
  try {
    return { bytes, parsed: readReferenceDocx(bytes) };
  } catch (e) {
    if (!(e instanceof ReferenceDocxError)) throw e;
    throw new UsageError(`配置 referenceDocx 的参考文档 ${file} 无法使用：${e.message}`, `referenceDocx ${file} is not a usable DOCX: ${e.message}`);
  }
}

function imagesOf(config: Config): IssueImages | undefined {
  const i = config.images;
  if (!i) return undefined;
  const signatures = Object.fromEntries(Object.entries(i.signatures ?? {}).map(([name, file]) => [name, readPng(file, `images.signatures.${name}`)]));
  return { ...(i.seal ? { seal: readPng(i.seal, 'images.seal') } : {}), signatures };
}

/** --shift-dates N wins over the config's deid.shiftDays; it only means something for samples. */
function deidOf(flags: RenderFlags, config: Config): RenderFileOptions['deid'] {
  let shiftDays = config.deid?.shiftDays;
  if (flags.shiftDates !== undefined) {
    shiftDays = Number(flags.shiftDates);
    if (!Number.isInteger(shiftDays) || Math.abs(shiftDays) > 36500) throw new UsageError(`--shift-dates 应为整数天数（-36500 至 36500），收到「${flags.shiftDates}」`, `--shift-dates must be a whole number of days (got "${flags.shiftDates}")`);
    if (!flags.sample) throw new UsageError('--shift-dates 只用于培训样本，须与 --sample 同用', '--shift-dates applies to --sample only');
  }
  return { shiftDays: shiftDays ?? 0, allow: config.deid?.allow ?? [] };
}

/** onNote hears what the user should know but need not stop for (a reference face not installed). */
export function renderOptions(flags: RenderFlags, config: Config, onNote: (n: Note) => void = () => {}): RenderFileOptions {
  if (flags.draft && flags.final) throw new UsageError('--draft 与 --final 不能同时使用', '--draft and --final exclude each other');
  const correction = correctionOf(flags);
  const reference = referenceDocxOf(config);
  return {
    correction,
    register: config.register,
    out: flags.out ?? config.out ?? 'output',
    formats: flags.format ? parseFormats(flags.format) : config.formats ?? ['docx', 'pdf'],
    templatesDir: flags.templates ?? config.templates,
    status: flags.draft ? 'draft' : flags.final || correction ? 'final' : undefined,
    sample: flags.sample ?? false,
    deid: deidOf(flags, config),
    force: flags.force ?? false,
    fonts: fontsOf(flags, config, reference?.parsed, onNote),
    style: config.style,
    defaults: { institution: config.institution, rules: config.rules },
    images: imagesOf(config),
    referenceDocx: reference?.bytes,
  };
}

export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!(Number.isInteger(jobs) && jobs > 0)) throw new UsageError('--jobs 应为正整数', '--jobs must be a positive integer');
  return jobs;
}
