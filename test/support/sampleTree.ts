/**
 * A hand-built document tree with every block kind, for renderer tests that must not
 * depend on cases or templates. Long enough to span several body pages.
 */
import type { Block, DocumentTree, Inline, Paragraph } from '../../src/document/tree.js';

const t = (text: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text, ...extra });
export const para = (style: Paragraph['style'], text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'paragraph', style, inlines: [t(text)], ...extra,
});

const LONG =
  '患者张某某，男，58岁，因“反复上腹部疼痛3年，加重伴黑便2天”于2025年3月12日入住某某市第一人民医院消化内科。' +
  '入院后查血红蛋白78g/L，胃镜示胃角溃疡（A1期），病理示慢性活动性炎症，Hp（+）。医方予抑酸、补液、输注悬浮红细胞2U等治疗，' +
  '3月15日复查血红蛋白下降至62g/L，患者出现心率增快（118次/分）、血压下降（86/52mmHg），医方未及时复查胃镜或请外科会诊，' +
  '至3月16日02:30患者意识淡漠，经抢救无效于当日05:10宣告临床死亡。参与度建议为30%（次要因素，16%–44%），编号P100。';

function bodyBlocks(): Block[] {
  const blocks: Block[] = [
    para('title', '关于张某某医疗损害的鉴定意见书'),
    para('docNumber', '苏某司鉴〔2026〕临鉴字第12号'),
    para('mark', '征求意见稿'),
    para('heading1', '一、基本情况'),
    { kind: 'paragraph', style: 'bodyFlush', inlines: [t('委托人：', { font: 'hei' }), t('某某市某某区人民法院')] },
    { kind: 'paragraph', style: 'bodyFlush', inlines: [t('委托鉴定事项：', { font: 'hei' }), t('某某市第一人民医院对张某某的诊疗行为有无过错；若有过错，与损害后果之间有无因果关系及原因力大小。')] },
    para('heading1', '二、检案摘要'),
    para('body', LONG),
    para('heading2', '（一）某某市第一人民医院诊疗经过'),
    para('body', LONG),
    {
      kind: 'table',
      columns: [1, 4, 2, 1],
      header: [{ cells: [{ inlines: [t('序号')] }, { inlines: [t('材料名称')] }, { inlines: [t('提供方')] }, { inlines: [t('数量')] }] }],
      rows: Array.from({ length: 14 }, (_, i) => ({
        cells: [
          { inlines: [t(String(i + 1))], align: 'center' as const },
          { inlines: [t(i % 3 === 0 ? '某某市第一人民医院住院病历（含护理记录、医嘱单、检验报告单、影像学报告单）复印件' : '门诊病历')] },
          { inlines: [t('委托人')] },
          { inlines: [t(`${i + 2}页`)] },
        ],
      })),
    },
    para('heading1', '三、分析说明'),
    para('heading3', '1. 医方存在延误诊治的过错'),
    para('body', LONG),
    para('body', LONG),
    para('body', LONG),
    { kind: 'paragraph', style: 'body', inlines: [t('第一行'), { kind: 'lineBreak' }, t('换行后的第二行，含 English words、2026-11-22 与 30%。', { bold: true })] },
    { kind: 'pageBreak' },
    para('heading1', '四、鉴定意见'),
    para('body', '1. 某某市第一人民医院在对患者张某某的诊疗过程中存在未及时复查、未及时请外科会诊的过错。'),
    para('body', '2. 患者死亡后未行尸体解剖，死亡原因不能明确；依据临床资料，临床考虑上述过错与患者死亡之间存在因果关系，过错参与度建议为30%（参考范围16%–44%）。'),
    {
      kind: 'signature',
      lines: [
        { role: '鉴定人', name: '李某某', note: '《司法鉴定人执业证》证号：320100000001' },
        { role: '鉴定人', name: '王某某', note: '《司法鉴定人执业证》证号：320100000002' },
      ],
      institution: '某某司法鉴定所',
      sealed: false,
      date: '二〇二六年十一月二十二日',
    },
  ];
  return blocks;
}

export function sampleTree(): DocumentTree {
  return {
    meta: { title: '关于张某某医疗损害的鉴定意见书', subject: '医疗损害司法鉴定', author: '某某司法鉴定所', keywords: ['医疗损害', '司法鉴定'], created: '2026-11-22' },
    preset: 'judicial',
    watermark: '征求意见稿',
    sections: [
      {
        kind: 'front',
        furniture: { pageNumbers: 'none' },
        blocks: [
          para('coverTitle', '某某司法鉴定所司法鉴定意见书'),
          para('coverSubtitle', '司法鉴定许可证号：320100001'),
          { kind: 'pageBreak' },
          para('declarationTitle', '声明'),
          para('body', '1. 委托人应当向鉴定机构提供真实、完整、充分的鉴定材料，并对鉴定材料的真实性、合法性负责。'),
          para('body', '2. 司法鉴定人按照法律、法规和规章规定的方式、方法和步骤，遵守和采用相关技术标准和技术规范进行鉴定。'),
        ],
      },
      { kind: 'body', furniture: { headerText: '苏某司鉴〔2026〕临鉴字第12号', pageNumbers: 'ofTotal' }, blocks: bodyBlocks() },
    ],
  };
}
