/** Dates written the Chinese way: 二〇二六年十一月二十二日 (signature blocks, formats.md). */
import { DateTime } from './dateTime.js';
import nzh from 'nzh/cn';

const DIGITS = '〇一二三四五六七八九';

export function chineseNumber(n: number): string {
  return nzh.encodeS(n);
}

export function chineseDate(iso: string): string {
  const d = DateTime.fromISO(iso);
  const year = String(d.year).split('').map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(d.month)}月${chineseNumber(d.day)}日`;
}

/** 2026年11月22日: the Arabic form used in body text. */
export function arabicDate(iso: string): string {
  const d = DateTime.fromISO(iso);
  return `${d.year}年${d.month}月${d.day}日`;
}
