/** The detectors one by one: check digits, spellings, context, and what must not be taken for personal data. */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/deid/detect.js';
import { generaliseAddress } from '../../src/deid/addresses.js';
import { luhn, validResidentId } from '../../src/deid/identifiers.js';
import { resolveOverlaps } from '../../src/deid/spans.js';

const found = (s: string) => resolveOverlaps(detect(s)).map((x) => `${x.category}:${x.text}`);

describe('identifiers', () => {
  it('checks the GB 11643 check character and the Luhn digit', () => {
    expect(validResidentId('11010519491231002X')).toBe(true);
    expect(validResidentId('110105194912310021')).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });

  it.each([
    ['身份证号：11010519491231002X。', 'idNumber:11010519491231002X'],
    ['身份证号码 110105 19491231 002X，', 'idNumber:110105 19491231 002X'],
    ['（１１０１０５１９４９１２３１００２Ｘ）', 'idNumber:１１０１０５１９４９１２３１００２Ｘ'],
    ['公民身份号码为110105194912310021', 'idNumber:110105194912310021'],
    ['联系电话：138 1234 5678', 'phone:138 1234 5678'],
    ['手机１３９１２３４５６７８。', 'phone:１３９１２３４５６７８'],
    ['固定电话025-83106666', 'phone:025-83106666'],
    ['电话（025）83106666转', 'phone:(025)83106666'.replace('(025)', '（025）')],
    ['住院号：ZY2025-00123，', 'recordNumber:ZY2025-00123'],
    ['门诊号 M889900', 'recordNumber:M889900'],
    ['床号：12床', 'recordNumber:12'],
    ['病案号为 123456', 'recordNumber:123456'],
    ['检查号：CT７７００', 'recordNumber:CT７７００'],
    ['汇入6222 0212 3456 7890 128', 'bankCard:6222 0212 3456 7890 128'.replace('128', '128')],
    ['驾驶苏A12345车辆', 'plate:苏A12345'],
    ['驾驶苏Ａ·１２３４５', 'plate:苏Ａ·１２３４５'],
    ['邮箱 li.na@example.com。', 'email:li.na@example.com'],
    ['执业证号：320106000123', 'certificate:320106000123'],
  ])('%s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('leaves masked values, doses, times and lab values alone', () => {
    for (const s of ['身份证号3201XXXXXXXXXX1536', '联系电话：025-8XXX6688', 'WBC 16.8×10⁹/L，Hb 138 g/L', '08:30急诊剖腹探查', '艾司奥美拉唑40 mg bid',
      'BP 136/84 mmHg', '2025年4月7日入院', 'SF/T 0095—2021', '苏某司鉴〔2026〕临鉴字第12号', 'NIHSS评分12分']) {
      expect(found(s), s).toEqual([]);
    }
  });
});

describe('addresses', () => {
  it('generalises every part but the province', () => {
    expect(generaliseAddress('江苏省南京市鼓楼区中山北路123号5栋1201室')).toBe('江苏省某市某区某路某号某栋某室');
    expect(found('家住南京市玄武区孝陵卫街道卫岗村12组')).toEqual(['address:南京市玄武区孝陵卫街道卫岗村12组']);
    expect(found('住址：江苏省某某市某某区')).toEqual([]);
    expect(found('患者左下腹区压痛，肝区叩痛')).toEqual([]);
  });
});

describe('institutions', () => {
  it('finds names ending in a kind, where they begin', () => {
    expect(found('急诊送至鼓楼医院，后转入江苏省人民医院，又至宁海路诊所')).toEqual(['institution:鼓楼医院', 'institution:江苏省人民医院', 'institution:宁海路诊所']);
    expect(found('审阅2026年2月12日南京市第一医院上消化道造影')).toEqual(['institution:南京市第一医院']);
    expect(found('南京市鼓楼区人民法院委托江苏省医学会')).toEqual(['institution:南京市鼓楼区人民法院', 'institution:江苏省医学会']);
    expect(found('常州二院建议')).toEqual(['institution:常州二院']);
  });

  it('does not take generic or anonymised phrases for names', () => {
    for (const s of ['建议转上级医院', '该医院未记录', '当地医院', '某某市第一人民医院', '转入乙医院', '《中华医学会妇产科学分会》', '本例诊所仅', '出院后', '住院期间']) expect(found(s), s).toEqual([]);
  });
});

describe('person names', () => {
  it('finds names next to a role, title or kinship word, compound surnames whole', () => {
    expect(found('由助产士李秀英接生，其丈夫王建国在场。')).toEqual(['person:李秀英', 'person:王建国']);
    expect(found('欧阳女士诉称张伟医师未告知')).toEqual(['person:欧阳', 'person:张伟']);
    expect(found('患者欧阳娜娜于2025年入院')).toEqual(['person:欧阳娜娜']);
    expect(found('患者之妻陈静陪同，护士刘芳记录')).toEqual(['person:陈静', 'person:刘芳']);
    expect(found('患者张伟明显好转')).toEqual(['person:张伟']);
  });

  // Drug names and body parts next to a role word: the cases a name finder most easily gets wrong.
  const MEDICAL = ['华法林', '阿司匹林', '甘露醇', '地塞米松', '阿托品', '万古霉素', '丹参', '黄体酮', '白蛋白', '脾', '肝', '胆囊', '左肾', '宫口', '宫颈',
    '黄疸', '高热', '平卧', '安静', '常规', '石膏', '钟摆'];
  it.each(MEDICAL)('%s next to 患者/医师/护士 is not a person', (word) => {
    for (const s of [`患者${word}`, `医师予${word}`, `护士${word}`, `患者口服${word}`, `${word}医师`, `患者${word}明显`]) {
      expect(found(s).filter((x) => x.startsWith('person:')), s).toEqual([]);
    }
  });

  it('does not take titles inside words for names', () => {
    for (const s of ['副主任医师', '责任护士', '主管医生', '当班护士', '值班医生', '中华人民共和国医师法', '患者高热', '患者于今日', '患儿于发热第5天', '患者家属签字', '鉴定人刘某某']) {
      expect(found(s).filter((x) => x.startsWith('person:')), s).toEqual([]);
    }
  });
});
