/**
 * Addresses: after a label (住址, 家住, 户籍地…) or starting with a province or a larger city,
 * a chain of administrative and street parts (市, 区, 县, 镇, 路, 号, 室…). Each part keeps its
 * kind and loses its name, 南京市鼓楼区中山北路123号 → 某市某区某路某号, so the sentence
 * still says "an address in a city"; the province is kept, as published judgments do.
 */
import { INSTITUTION_KINDS } from './institutions.js';
import { CITIES, PROVINCES } from './places.js';
import { DELETED, type Span } from './spans.js';
import { fold } from './text.js';

/** Parts with a name (鼓楼区, 中山北路) and parts with a number (123号, 5栋, 1201室). */
const NAMED_KINDS = ['自治区', '自治州', '特别行政区', '省', '市', '区', '县', '旗', '街道', '镇', '乡', '社区', '村', '大道', '路', '街', '巷', '弄',
  '胡同', '小区', '花园', '公寓', '大厦', '广场', '新村', '苑'];
const NUMBERED_KINDS = ['号楼', '栋', '幢', '单元', '层', '楼', '室', '号', '组'];
const PART_KINDS = [...NAMED_KINDS, ...NUMBERED_KINDS].sort((a, b) => b.length - a.length);
const alt = (kinds: string[]) => [...kinds].sort((a, b) => b.length - a.length).join('|');
const PART = `(?:[\\p{Script=Han}]{1,8}?(?:${alt(NAMED_KINDS)})|[\\dA-Za-z一二三四五六七八九十百零某-]{1,6}(?:${alt(NUMBERED_KINDS)}))`;
const STREET_KINDS = /(?:村|组|大道|路|街|巷|弄|胡同|小区|花园|公寓|大厦|新村|苑|号楼|栋|幢|单元|室|号)$/u;

const LABEL = '(?:户籍所在地|户籍地址?|居住地址?|联系地址|通讯地址|现住址|住所地|家庭住址|住址|地址|住所|家住|现住|住在|居住于|住于|居住在)';
const LABELLED = new RegExp(`${LABEL}[:： ]*(?:为|是)?[ ]*((?:${PART})+(?:[\\p{Script=Han}\\dA-Za-z-]{0,6}(?=[，,。；;、\\s）)]|$))?)`, 'dgu');
const PLACE = `(?:(?:${PROVINCES.join('|')})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?|(?:${CITIES.join('|')})市?)`;
const UNLABELLED = new RegExp(`${PLACE}(?:${PART}){1,10}`, 'dgu');
const STREET_NUMBER = new RegExp(`(?<![\\p{Script=Han}])[\\p{Script=Han}]{1,5}(?:路|街|大道|巷|弄)[\\d一二三四五六七八九十百]+号(?:${PART}){0,4}`, 'dgu');

/** The parts of an address and each one's kind; a trailing remnant counts as one unnamed part. */
function parts(raw: string): { name: string; kind: string }[] {
  const address = fold(raw);
  const out: { name: string; kind: string }[] = [];
  const re = new RegExp(PART, 'gu');
  let last = 0;
  for (const m of address.matchAll(re)) {
    const kind = PART_KINDS.find((k) => m[0].endsWith(k))!;
    out.push({ name: m[0].slice(0, -kind.length), kind });
    last = m.index + m[0].length;
  }
  if (last < address.length) out.push({ name: address.slice(last), kind: '' });
  return out;
}

const isProvince = (p: { name: string; kind: string }) => PROVINCES.includes(p.name) && ['省', '自治区', '', '市'].includes(p.kind) && ['北京', '天津', '上海', '重庆'].includes(p.name) === (p.kind === '市');

/** 江苏省南京市鼓楼区中山北路123号 → 江苏省某市某区某路某号 */
export function generaliseAddress(address: string): string {
  const ps = parts(address);
  return ps.map((p, i) => (i === 0 && isProvince(p) ? p.name + p.kind : p.kind ? `某${p.kind}` : '某处')).join('');
}

/** Generalised already: every named part but the province is 某 (a house number alone names no place). */
function isGeneralised(address: string): boolean {
  const ps = parts(address);
  return ps.some((p) => /^某+$/.test(p.name)) && ps.every((p, i) => (i === 0 && isProvince(p)) || /^(?:某+|[\d一二三四五六七八九十]*)$/.test(p.name));
}

/** An institution's name is the institutions detector's: 某某司法鉴定所三楼听证室 is not an address. */
const namesInstitution = (text: string) => INSTITUTION_KINDS.some((k) => text.includes(k.kind));

function spansOf(original: string, folded: string, re: RegExp, group: number, street: boolean): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(re)) {
    const at = m.indices?.[group];
    if (!at || at[1] - at[0] < 2) continue;
    const text = original.slice(at[0], at[1]);
    if (isGeneralised(text) || namesInstitution(text) || (street && !parts(text).some((p) => STREET_KINDS.test(p.kind)))) continue;
    out.push({ start: at[0], end: at[1], category: 'address', text, replacement: generaliseAddress(text) });
  }
  return out;
}

export function findAddresses(original: string, folded: string): Span[] {
  return [
    ...spansOf(original, folded, LABELLED, 1, false),
    ...spansOf(original, folded, UNLABELLED, 0, false).filter((s) => parts(s.text).length >= 3 || parts(s.text).some((p) => STREET_KINDS.test(p.kind))),
    ...spansOf(original, folded, STREET_NUMBER, 0, true),
  ].map((s) => (s.replacement === '' ? { ...s, replacement: DELETED } : s));
}
