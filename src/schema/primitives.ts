/** Schema building blocks shared by the case schema: dates, paragraphs, aliased enumerations. */
import { z } from 'zod';
import { badDateReason, dateParts, isRealDay } from './dates.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO calendar date (YYYY-MM-DD) that luxon accepts as a real day, in years minYear–maxYear. */
export function isoDateIn(minYear: number, maxYear: number, why: string) {
  // zod runs every check even after one fails: the later ones look only at ISO text, so each bad date gets one message.
  return z
    .string()
    .regex(ISO_DATE, { error: (iss) => badDateReason(String(iss.input)) })
    .refine((s) => !ISO_DATE.test(s) || isRealDay(dateParts(s)!), { error: (iss) => badDateReason(String(iss.input)) })
    .refine((s) => !ISO_DATE.test(s) || (Number(s.slice(0, 4)) >= minYear && Number(s.slice(0, 4)) <= maxYear), {
      error: `年份应在 ${minYear}–${maxYear} 之间：${why}`,
    })
    .meta({ format: 'date' });
}

/**
 * Dates of the case itself: commission, treatment, hearing, report. The Jiangsu measures and
 * SF/T 0095—2021 govern present-day appraisals; a year outside 1950–2100 is a typo, and an
 * unbounded one (9999) made the time-limit rules walk millions of days.
 */
export const isoDate = isoDateIn(1950, 2100, '案件的委托、诊疗、听证、出具等日期不可能超出此范围，请检查是否笔误');

/** A patient's birth date may lie well before 1950. */
export const birthDate = isoDateIn(1880, 2100, '请检查出生日期是否笔误');

/**
 * Narrative text: one string (each non-empty line a paragraph, as a YAML `|` block gives it)
 * or a list of paragraphs. Always plain text, never markup.
 */
export const paragraphs = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((p) => p.trim()).filter((p) => p.length > 0))
  .meta({ description: '正文段落：一段文字（每个非空行为一段）或段落列表；纯文本，不是标记' });

export const nonEmpty = z.string().trim().min(1, { error: '不能为空' });

/** What an aliased enumeration accepts; carried on its issues so that validate.ts can suggest the value meant. */
export interface EnumChoices { codes: readonly string[]; aliases: Record<string, string> }

/**
 * An enumeration with stable English codes that also accepts the Chinese terms users write.
 * The output is always the code. `title` is the field's short name in messages (labels.ts).
 */
export function aliasedEnum<const C extends string>(codes: readonly C[], aliases: Record<string, C>, description: string, title = description) {
  const accepted = [...codes, ...Object.keys(aliases)] as [string, ...string[]];
  const hint = `${codes.join('、')}（或中文：${Object.keys(aliases).join('、')}）`;
  const params: EnumChoices = { codes, aliases };
  // Each code's Chinese name (its first alias), for forms that show choices in Chinese.
  const labels = Object.fromEntries(codes.map((c) => [c, Object.keys(aliases).find((a) => aliases[a] === c) ?? c]));
  return z
    .string()
    .trim()
    .refine((v) => accepted.includes(v), { error: `应为以下之一：${hint}`, params })
    .transform((v) => (aliases[v] ?? v) as C)
    .meta({ title, description, enum: accepted, 'x-labels': labels });
}
