/** Schema building blocks shared by the case schema: dates, paragraphs, aliased enumerations. */
import { DateTime } from '../domain/dateTime.js';
import { z } from 'zod';

/** An ISO calendar date (YYYY-MM-DD) that luxon accepts as a real day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写作 YYYY-MM-DD（例如 2026-11-22）' })
  .refine((s) => DateTime.fromISO(s).isValid, { error: '不是有效的日期' })
  .meta({ format: 'date' });

/**
 * Narrative text: one string (each non-empty line a paragraph, as a YAML `|` block gives it)
 * or a list of paragraphs. Always plain text, never markup.
 */
export const paragraphs = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((p) => p.trim()).filter((p) => p.length > 0))
  .meta({ description: '正文段落：一段文字（每个非空行为一段）或段落列表；纯文本，不是标记' });

export const nonEmpty = z.string().trim().min(1, { error: '不能为空' });

/**
 * An enumeration with stable English codes that also accepts the Chinese terms users write.
 * The output is always the code.
 */
export function aliasedEnum<const C extends string>(codes: readonly C[], aliases: Record<string, C>, description: string) {
  const accepted = [...codes, ...Object.keys(aliases)] as [string, ...string[]];
  const hint = `${codes.join('、')}（或中文：${Object.keys(aliases).join('、')}）`;
  return z
    .string()
    .trim()
    .refine((v) => accepted.includes(v), { error: `应为以下之一：${hint}` })
    .transform((v) => (aliases[v] ?? v) as C)
    .meta({ description, enum: accepted });
}
