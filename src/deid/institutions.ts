/**
 * Institutions named in the text: a name ending in a kind (医院, 卫生院, 诊所, 医学会, 人民法院…).
 * Where the name begins is found by walking left from the kind over Han characters and digits,
 * stopping at punctuation or at a word that ends a verb or preposition (转入, 送至, 于, 在…):
 * 急诊送至鼓楼医院 → 鼓楼医院. Generic phrases (上级医院, 该院, 当地医院) are not names.
 */
import { isHan } from './text.js';
import type { Span } from './spans.js';

/** Kinds, longest first; `medical` ones take the 甲/乙/丙 labels, the others become 某…. */
export const INSTITUTION_KINDS: readonly { kind: string; medical: boolean }[] = [
  ['社区卫生服务中心', true], ['社区卫生服务站', true], ['妇幼保健院', true], ['妇幼保健中心', true], ['司法鉴定中心', false], ['司法鉴定所', false],
  ['人民调解委员会', false], ['调解委员会', false], ['律师事务所', false], ['医疗中心', true], ['医学中心', true], ['急救中心', true],
  ['体检中心', true], ['康复中心', true], ['保健院', true], ['卫生院', true], ['卫生室', true], ['门诊部', true], ['医务室', true], ['医院', true],
  ['诊所', true], ['医学会', false], ['鉴定中心', false], ['鉴定所', false], ['人民法院', false], ['法院', false], ['公安局', false],
  ['派出所', false], ['保险公司', false], ['医科大学', false], ['大学', false],
].map(([kind, medical]) => ({ kind: kind as string, medical: medical as boolean }));

/** Characters that end the word before a name: prepositions and verbs of movement and reference. */
const STOP_CHARS = new Set([...'入至到往在于经赴由与及向从被将诉即遂再又均曾该其并送转回去为的了是就给对把等或及请系所据经称由往返出后年月日时分住因阅需']);

/** Words that end just before a name: 当庭播放诊所…, 本例诊所. */
const STOP_WORDS = ['委托', '表示', '认为', '指出', '建议', '要求', '审阅', '复查', '播放', '本例', '症后', '前往', '回到', '返回', '进入', '离开', '联系', '咨询', '起诉', '投诉', '告知', '通知', '接受', '服从', '提请', '报请', '申请', '移送', '提交'];

/** Qualifiers that make a kind generic, not a name. */
const GENERIC = /^(?:该|本|外|我|贵|上级|下级|基层|当地|综合|专科|[一二三]级(?:甲等|乙等|丙等)?|定点|转诊|其他|其它|各级|任何|公立|私立|民营|对方|首诊|接诊|涉案|两家|多家|上述|前述|同一|另一|所在|综合性|教学|附属|县级|市级|省级|区级|乡镇|乡|镇|村|社区|基层人民|中级人民|高级人民|最高人民|人民|地方|专门|兽|中|西|中西|大|小|一家|某|各|原|现|新|老|中级|高级|最高|中华|中国|全国|世界|美容|医疗|美容医疗|私人|个体|口腔|牙科|中医|乡村|健康|民营医疗|营利性|非营利性)$/;

function nameStart(folded: string, kindStart: number): number {
  let i = kindStart;
  while (i > 0 && kindStart - i < 20) {
    const ch = folded[i - 1]!;
    // Digits end a name unless they count (第81医院): 2026年2月12日鼓楼医院 is a date, then a name.
    if (/\d/.test(ch) && !/第\d*$/.test(folded.slice(Math.max(0, i - 4), i))) break;
    // Another name ends here (…人民法院委托江苏省医学会); a university is the start of its hospitals' names.
    if (INSTITUTION_KINDS.some((k) => !k.kind.endsWith('大学') && folded.endsWith(k.kind, i))) break;
    if (!(isHan(ch) || /[\dA-Za-z·]/.test(ch)) || STOP_CHARS.has(ch) || STOP_WORDS.some((w) => folded.endsWith(w, i))) break;
    i--;
  }
  return i;
}

/** A listed name's short forms: the name without its leading place (南京鼓楼医院 → 鼓楼医院). */
export function stemOf(name: string): string {
  const k = INSTITUTION_KINDS.find((x) => name.endsWith(x.kind));
  return k ? name.slice(0, -k.kind.length) : name;
}

/** Already anonymised: 某某医院, 甲医院, 丙卫生院. */
const anonymised = (qualifier: string) => qualifier.includes('某') || /^[甲乙丙丁戊己庚辛壬癸]$/.test(qualifier);

/**
 * Whether the text at `at` ends a longer name that is already anonymised: the 第一医院 of
 * 某某医科大学附属第一医院 is not the listed 苏州大学附属第一医院's short form.
 */
export function insideAnonymisedName(folded: string, at: number): boolean {
  const qualifier = folded.slice(nameStart(folded, at), at);
  return qualifier.length > 0 && anonymised(qualifier);
}

/** 常州二院, 市一院: a numbered hospital's short form, where the kind is only 院. */
function numberedShortForms(original: string, folded: string, covered: [number, number][]): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(/[一二三四五六七八九十]院/g)) {
    const end = m.index + 2;
    if (covered.some(([s, e]) => m.index >= s && end <= e)) continue;
    const start = nameStart(folded, m.index);
    if (m.index - start < 1 || folded[start] === '第') continue;
    out.push({ start, end, category: 'institution', text: original.slice(start, end) });
  }
  return out;
}

export function findInstitutions(original: string, folded: string): Span[] {
  const out: Span[] = [];
  const covered: [number, number][] = [];
  for (const { kind } of INSTITUTION_KINDS) {
    for (let at = folded.indexOf(kind); at >= 0; at = folded.indexOf(kind, at + 1)) {
      const end = at + kind.length;
      if (covered.some(([s, e]) => at >= s && end <= e)) continue;
      const start = nameStart(folded, at);
      const qualifier = folded.slice(start, at);
      covered.push([start, end]);
      if (qualifier.length < 2 && !/^\d/.test(qualifier)) continue;
      if (GENERIC.test(qualifier) || anonymised(qualifier)) continue;
      out.push({ start, end, category: 'institution', text: original.slice(start, end) });
    }
  }
  return [...out, ...numberedShortForms(original, folded, covered)];
}

export const kindOf = (name: string) => INSTITUTION_KINDS.find((x) => name.endsWith(x.kind));
