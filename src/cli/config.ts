/**
 * An institution's defaults: `jianding.config.json` in the working folder, the `jianding`
 * key of its package.json, or a file named with --config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAX_CONFIG_BYTES } from '../io/fileLimits.js';
import { describeReadError, ReadFileError, readRegularFile } from '../io/readRegularFile.js';
import { isOverridable } from '../rules/severityOverrides.js';
import { SLOTS } from '../render/pdf/fontSlots.js';
import { styleOverridesSchema } from '../schema/styleSheet.js';
import type { PdfFontConfig } from '../render/pdf/fonts.js';
import { UsageError } from './errors.js';

/** A file, or a collection's face by name: { "file": "NotoSerifCJK-Regular.ttc", "face": "Noto Serif CJK SC" }. */
const faceSpec = z.union([z.string().min(1), z.strictObject({ file: z.string().min(1), face: z.string().trim().min(1).optional() })]);

const FONT_CONFIG_KEYS = [...SLOTS, 'serif', 'serifBold', 'sans', 'sansBold'] as const;

const configSchema = z.strictObject({
  institution: z.record(z.string(), z.string()).optional(),
  /** Font files per slot (the four roles, regular and bold; serif/sans as older shorthand). */
  fonts: z.strictObject(Object.fromEntries(FONT_CONFIG_KEYS.map((k) => [k, faceSpec.optional()]))).optional(),
  /** The institution's style sheet over the preset: page size, margins, line pitch, paragraph styles, DOCX font names. */
  style: styleOverridesSchema.optional(),
  templates: z.string().optional(),
  /** An institution's reference DOCX: its 鉴定-* styles, page setup and letterhead (pandoc's --reference-doc). */
  referenceDocx: z.string().optional(),
  out: z.string().optional(),
  register: z.string().optional(),
  formats: z.array(z.enum(['docx', 'pdf'])).optional(),
  /** The institution's RFC 3161 timestamp authority: `jianding sign` makes PAdES B-T signatures. */
  tsaUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** PNG images an institution issues finals with: its electronic seal and each signer's signature, by name. */
  images: z.strictObject({ seal: z.string().optional(), signatures: z.record(z.string(), z.string()).optional() }).optional(),
  /** Training samples (--sample): a date shift, and strings a reviewer confirmed are not personal data. */
  deid: z.strictObject({
    shiftDays: z.number().int().min(-36500).max(36500).optional(),
    allow: z.array(z.string().trim().min(1, { error: '不能为空' })).optional(),
  }).optional(),
  // An institution's severity for a rule, with its reason (printed with the diagnostic and in the manifest).
  rules: z.record(
    z.string().regex(/^[A-Z][A-Z0-9_]+$/),
    z.strictObject({ severity: z.enum(['error', 'warning']), reason: z.string().trim().min(1) }),
  ).optional(),
});
export type Config = Omit<z.infer<typeof configSchema>, 'fonts'> & { fonts?: PdfFontConfig };

/** zod's English for a key the config does not know, in the messages' Chinese. */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `有不认识的键：${issue.keys.join('、')}`;
  return issue.message;
}

function parse(data: unknown, source: string): Config {
  const r = configSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new UsageError(`配置文件 ${source} 有误：${first.path.join('.') || '（顶层）'} ${issueText(first)}`, `Config ${source} is invalid: ${first.path.join('.')} ${first.message}`);
  }
  const fixed = Object.keys(r.data.rules ?? {}).filter((code) => !isOverridable(code));
  if (fixed.length) throw new UsageError(`配置文件 ${source} 有误：rules 中的 ${fixed.join('、')} 是语法、模式与文字检查，其级别不能改变`, `Config ${source}: the severity of ${fixed.join(', ')} (syntax, schema, text checks) cannot be changed`);
  const base = path.dirname(source);
  // Paths in a config file are relative to the file, not to where the command runs.
  const resolve = (p: string | undefined) => (p === undefined ? undefined : path.resolve(base, p));
  const fonts = r.data.fonts && Object.fromEntries(Object.entries(r.data.fonts).map(([k, v]) => [k, typeof v === 'object' ? { ...v, file: resolve(v.file) } : resolve(v)]));
  const images = r.data.images && {
    seal: resolve(r.data.images.seal),
    signatures: r.data.images.signatures && Object.fromEntries(Object.entries(r.data.images.signatures).map(([k, v]) => [k, resolve(v) as string])),
  };
  return { ...r.data, templates: resolve(r.data.templates), referenceDocx: resolve(r.data.referenceDocx), out: resolve(r.data.out), register: resolve(r.data.register), fonts, images };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    // A regular file of bounded size: a FIFO named with --config must not hang the command.
    text = new TextDecoder().decode(readRegularFile(file, MAX_CONFIG_BYTES));
  } catch (e) {
    if (!(e instanceof ReadFileError)) throw e;
    const { zh, en } = describeReadError(e, '配置文件', 'Config file');
    throw new UsageError(zh, en);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`无法读取配置文件 ${file}：${(e as Error).message}`, `Cannot read config ${file}`);
  }
}

export function loadConfig(explicit: string | undefined, cwd = process.cwd()): Config {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new UsageError(`找不到配置文件：${explicit}`, `Config not found: ${explicit}`);
    return parse(readJson(explicit), path.resolve(explicit));
  }
  const own = path.join(cwd, 'jianding.config.json');
  if (fs.existsSync(own)) return parse(readJson(own), own);
  const pkg = path.join(cwd, 'package.json');
  if (fs.existsSync(pkg)) {
    const data = readJson(pkg) as { jianding?: unknown };
    if (data.jianding !== undefined) return parse(data.jianding, pkg);
  }
  return {};
}
