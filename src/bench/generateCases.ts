/**
 * Realistic cases for the benchmark: the bundled fixtures, each copy with its own patient and
 * document number, so N cases are N different documents of realistic length.
 */
import type { Case } from '../schema/case.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

function renamed(c: Case, i: number): Case {
  const copy = structuredClone(c);
  const old = copy.basicInfo.patient.name;
  const name = `${[...SURNAMES][i % [...SURNAMES].length]}某${i % 2 === 0 ? '某' : ''}`;
  const json = JSON.stringify(copy).split(old).join(name);
  const out = JSON.parse(json) as Case;
  // A distinct serial number per document, keeping the institution's own prefix and year.
  out.report.documentNumber = out.report.documentNumber.replace(/第?\d+号$/, (m) => m.replace(/\d+/, String(1000 + i)));
  return out;
}

export function generateCases(fixtures: Case[], n: number): Case[] {
  if (fixtures.length === 0) throw new Error('no valid fixtures to generate benchmark cases from');
  return Array.from({ length: n }, (_, i) => renamed(fixtures[i % fixtures.length]!, i));
}
