/** Legal citations that have been replaced (rules.md §7): the validator warns with the successor. */
export interface ReplacedCitation {
  /** Names as reports write them, with or without 《》 and the 中华人民共和国 prefix. */
  names: string[];
  successor: string;
  /** ISO date from which the successor applies. */
  since: string;
  note?: string;
}

export const REPLACED_CITATIONS: ReplacedCitation[] = [
  { names: ['中华人民共和国侵权责任法', '侵权责任法'], successor: '《中华人民共和国民法典》（第七编侵权责任编第六章 医疗损害责任，第一千二百一十八条至第一千二百二十八条）', since: '2021-01-01' },
  { names: ['中华人民共和国执业医师法', '执业医师法'], successor: '《中华人民共和国医师法》', since: '2022-03-01' },
  { names: ['中华人民共和国民法通则', '民法通则'], successor: '《中华人民共和国民法典》', since: '2021-01-01' },
  { names: ['人体重伤鉴定标准', '人体轻伤鉴定标准（试行）', '人体轻伤鉴定标准', '人体轻微伤的鉴定'], successor: '《人体损伤程度鉴定标准》', since: '2014-01-01' },
  { names: ['道路交通事故受伤人员伤残评定', 'GB 18667—2002', 'GB18667-2002', 'GB 18667'], successor: '《人体损伤致残程度分级》', since: '2017-01-01' },
];

/** Citations whose text was amended: cite the amended version. */
export const AMENDED_CITATIONS: ReplacedCitation[] = [
  { names: ['最高人民法院关于审理医疗损害责任纠纷案件适用法律若干问题的解释'], successor: '2020年修正后的《最高人民法院关于审理医疗损害责任纠纷案件适用法律若干问题的解释》（引用民法典）', since: '2021-01-01' },
  { names: ['最高人民法院关于民事诉讼证据的若干规定'], successor: '2019年修订的《最高人民法院关于民事诉讼证据的若干规定》', since: '2020-05-01' },
];

function bare(name: string): string {
  return name.replace(/[《》\s]/g, '').replace(/（\d{4}年?(修正|修订)?）$/, '');
}

/** Finds the replacement rule for a citation, if any. */
export function findReplacement(citation: string): { rule: ReplacedCitation; amended: boolean } | undefined {
  const b = bare(citation);
  const hit = (r: ReplacedCitation) => r.names.some((n) => bare(n) === b);
  const replaced = REPLACED_CITATIONS.find(hit);
  if (replaced) return { rule: replaced, amended: false };
  // An amended text is fine when the citation names its revision year.
  if (/修正|修订|20(19|20)年/.test(citation)) return undefined;
  const amended = AMENDED_CITATIONS.find(hit);
  return amended ? { rule: amended, amended: true } : undefined;
}
