/**
 * Conclusions written by hand (opinion.conclusions / additional) are printed as they stand. One
 * that stops without final punctuation was most likely cut — a truncated file, a lost paste — and
 * the opinion would print an unfinished sentence.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describePath } from '../schema/labels.js';
import { warning, type Rule } from './rule.js';

const FINAL = /[。！？；：…」』）】”’.!?;:)\]]$/;

function unfinished(items: string[] | undefined, field: string): Diagnostic[] {
  return (items ?? []).flatMap((text, i) => {
    if (FINAL.test(text)) return [];
    const path = `opinion.${field}[${i}]`;
    const end = text.length > 16 ? `…${text.slice(-16)}` : text;
    return [warning('OPINION_UNFINISHED_SENTENCE', path,
      `${describePath(path)}「${end}」没有以句号等标点结束，可能不完整（文件被截断或粘贴不全）；鉴定意见将按原文印出，请核对后补全`,
      `${path} ("${end}") ends without final punctuation; it may be incomplete`)];
  });
}

export const opinionTextRule: Rule = (c) => [...unfinished(c.opinion.conclusions, 'conclusions'), ...unfinished(c.opinion.additional, 'additional')];
