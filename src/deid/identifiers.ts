/**
 * Identifiers found by their shape and check digits, or by the label before them: resident ID
 * numbers (GB 11643), mobile and landline numbers, medical record numbers, bank cards (Luhn),
 * licence plates, e-mail addresses, certificate numbers. All run on folded text (fold()), so
 * full-width digits and spaces inside numbers are matched as the ASCII ones.
 */
import { isMasked } from './text.js';
import { DELETED, matchAll, type Category, type Span } from './spans.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643—1999: the 18th character is ISO 7064 MOD 11-2 of the first 17 digits. */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Luhn (ISO/IEC 7812), the check digit of bank card numbers. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A run of 15 or more digits (single spaces or hyphens allowed between them, an X at the end). */
const LONG_DIGITS = /(?<![\dA-Za-z])\d(?:[ -]?\d){13,18}(?:[ -]?[Xx])?(?![\dA-Za-z])/dg;

function classifyLong(value: string): Category {
  const digits = value.replace(/[ -]/g, '');
  if (digits.length === 18 && validResidentId(digits)) return 'idNumber';
  if (/^\d{16,19}$/.test(digits) && luhn(digits)) return 'bankCard';
  return digits.length === 15 || digits.length === 18 ? 'idNumber' : 'longNumber';
}

function longNumbers(original: string, folded: string): Span[] {
  return matchAll(original, folded, LONG_DIGITS, 'longNumber', 0, DELETED)
    .filter((s) => folded.slice(s.start, s.end).replace(/\D/g, '').length >= 15)
    .map((s) => ({ ...s, category: classifyLong(folded.slice(s.start, s.end)) }));
}

const VALUE = '[:： ]*(?:为|是)?[ ]*';
/** Each pattern's group 1 is the value that is deleted; the label stays, so the sentence still reads. */
const LABELLED: [RegExp, Category][] = [
  [new RegExp(`(?:公民身份号码|身份证号码?|身份证|证件号码?)${VALUE}([\\dXx](?:[\\dXx* -]{4,}[\\dXx]))`, 'dg'), 'idNumber'],
  [new RegExp(`(?:联系电话|电话号码|手机号码?|联系方式|电话|手机|座机|[Tt]el|TEL)${VALUE}(\\+?\\(?\\d[\\d() -]{3,}\\d)(?![\\dXx*×])`, 'dg'), 'phone'],
  [new RegExp(`(?:住院病案号|门诊病历号|住院号|门诊号|床号|病案号|病历号|检查号|影像号|放射号|病理号|登记号|就诊卡号|就诊号|医保卡号|社保卡号|检验号|标本号|超声号|CT号|MRI号|ID号)(?:码)?${VALUE}([A-Za-z\\d](?:[A-Za-z\\d-]*[A-Za-z\\d])?)`, 'dg'), 'recordNumber'],
  [new RegExp(`(?:银行卡号?|银行账号|账号|卡号)${VALUE}(\\d[\\d -]{4,}\\d)(?![\\dXx*×])`, 'dg'), 'bankCard'],
  [new RegExp(`(?:执业证书编号|执业证号|资格证书编号|许可证号|证书编号|证号)${VALUE}([A-Za-z\\d][A-Za-z\\d-]{4,}[A-Za-z\\d])`, 'dg'), 'certificate'],
];

const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/dg;
const LANDLINE = /(?<![\d.])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?[2-9]\d{6,7}(?:-\d{1,4})?(?![\d.])/dg;
const PLATE = /(?<![A-Za-z\d])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·・. ]?(?=(?:[A-Z]*\d){3})[A-Z\d]{5,6}(?![A-Za-z\d])/dg;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/dg;

export function findIdentifiers(original: string, folded: string): Span[] {
  const labelled = LABELLED.flatMap(([re, category]) => matchAll(original, folded, re, category, 1, DELETED));
  return [
    ...labelled,
    ...longNumbers(original, folded),
    ...matchAll(original, folded, MOBILE, 'phone', 0, DELETED),
    ...matchAll(original, folded, LANDLINE, 'phone', 0, DELETED),
    ...matchAll(original, folded, PLATE, 'plate', 0, DELETED),
    ...matchAll(original, folded, EMAIL, 'email', 0, DELETED),
  ].filter((s) => !isMasked(s.text) && s.text.trim() !== '');
}
