/**
 * Person names in narrative text. A name is a surname (compound ones first) and one or two
 * given-name characters, found only next to a word that says a person stands there: a role or
 * kinship word before it (患者, 之妻, 助产士, 审判员…) or a title after it (女士, 医师, 护士…).
 * Without such a word nothing is taken for a name, so 华法林 or 脾 never are; the names listed
 * in the case's fields are found everywhere by the caller.
 */
import { COMPOUND_SURNAMES, GIVEN_NAME_CHARS, NOT_NAMES, SINGLE_SURNAMES } from './surnames.js';
import { isHan } from './text.js';
import type { Span } from './spans.js';

const BEFORE = ['被鉴定人', '被申请人', '申请人', '委托代理人', '代理人', '患者', '病人', '伤者', '死者', '患儿', '产妇', '孕妇', '原告', '被告',
  '第三人', '律师', '法官', '审判员', '书记员', '调解员', '人民调解员', '鉴定人', '丈夫', '妻子', '之夫', '之妻', '其夫', '其妻', '爱人', '之子',
  '之女', '其子', '其女', '儿子', '女儿', '父亲', '母亲', '之父', '之母', '其父', '其母', '家属', '亲属', '哥哥', '姐姐', '弟弟', '妹妹', '祖父',
  '祖母', '外婆', '外公', '奶奶', '爷爷', '助产士', '医师', '医生', '护士', '护师', '主任', '院长', '科长', '处长', '主刀', '术者', '麻醉师',
  '药师', '技师', '证人', '同事', '邻居', '联系人', '监护人', '经办人', '签字人'].sort((a, b) => b.length - a.length);
const AFTER = ['女士', '先生', '医师', '医生', '护士', '护师', '助产士', '主任', '教授', '律师', '法官', '同志', '老师', '大夫', '院长', '科长',
  '处长', '药师', '技师', '审判员', '之妻', '之夫', '之子', '之女', '之父', '之母', '夫妇'];

/** Words that end right before a name and its title: 由王医生, 向欧阳女士, 告知张伟医师. */
const BARE_AFTER = new Set([...'由与和及向对经请被让叫给找问诉称即时后的知见是为说据将把同跟系']);

/** Characters a name never starts its given part with in this position (the given-name list filters most). */
const surnameAt = (s: string, i: number): string | undefined =>
  COMPOUND_SURNAMES.find((c) => s.startsWith(c, i)) ?? (SINGLE_SURNAMES.has(s[i] ?? '') ? s[i] : undefined);

const notName = (name: string, surname: string) =>
  NOT_NAMES.has(name) || [...NOT_NAMES].some((w) => w.length >= 2 && (name.startsWith(w) || name.slice(surname.length).startsWith(w)));

/** The name that starts at i: surname + the longest run (≤2) of given-name characters. */
function nameAt(s: string, i: number, maxGiven = 2): string | undefined {
  const surname = surnameAt(s, i);
  if (!surname) return undefined;
  let given = 0;
  while (given < maxGiven && GIVEN_NAME_CHARS.has(s[i + surname.length + given] ?? '')) given++;
  // 张伟医师: stop where a title begins, so the title is not read as part of the name.
  for (let g = 1; g <= given; g++) if (AFTER.some((t) => s.startsWith(t, i + surname.length + g))) given = g;
  // 张伟明显好转: a word that begins inside the given part ends the name before it.
  for (let g = given; g >= 1; g--) if ([...NOT_NAMES].some((w) => w.length >= 2 && s.startsWith(w, i + surname.length + g - 1))) given = g - 1;
  const name = s.slice(i, i + surname.length + given);
  if (given === 0 || notName(name, surname)) return undefined;
  return name;
}

function afterRole(s: string, out: Span[]): void {
  for (const role of BEFORE) {
    for (let at = s.indexOf(role); at >= 0; at = s.indexOf(role, at + 1)) {
      const i = at + role.length + (/[：:\s]/.test(s[at + role.length] ?? '') ? 1 : 0);
      const name = nameAt(s, i);
      if (name) out.push({ start: i, end: i + name.length, category: 'person', text: name });
    }
  }
}

/** A name or a bare surname right before a title: 张伟医师, 欧阳女士; not 主任医师 (任 inside a word). */
function beforeTitle(s: string, out: Span[]): void {
  for (const title of AFTER) {
    for (let at = s.indexOf(title); at >= 0; at = s.indexOf(title, at + 1)) {
      for (let start = Math.max(0, at - 4); start < at; start++) {
        const surname = surnameAt(s, start);
        if (!surname || start + surname.length > at) continue;
        const given = s.slice(start + surname.length, at);
        if ([...given].some((ch) => !GIVEN_NAME_CHARS.has(ch)) || given.length > 2) continue;
        const name = s.slice(start, at);
        // A name must stand on its own: 主管医生 is not 管医生, 地塞米松医师 not 米松.
        if (isHan(s[start - 1]) && !BARE_AFTER.has(s[start - 1]!) && !BEFORE.some((b) => s.endsWith(b, start))) continue;
        if (notName(name, surname)) continue;
        out.push({ start, end: at, category: 'person', text: name });
        break;
      }
    }
  }
}

/** Names and bare surnames found by context; a surname alone has text === its surname. */
export function findPersonNames(s: string): Span[] {
  const out: Span[] = [];
  afterRole(s, out);
  beforeTitle(s, out);
  return out.filter((x) => !x.text.includes('某'));
}

export { surnameAt };
