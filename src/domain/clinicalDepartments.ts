/**
 * Art. 33 lists specialties and ends with 「等」: a current clinical department is a specialty too.
 * The departments here follow the national catalogue of clinical departments, 《医疗机构诊疗科目名录》
 * (卫医发〔1994〕27号), with the departments the Ministry of Health added to it later — 疼痛科 (2007)
 * and 重症医学科 (2009). First-level departments and the second-level 专业 under them, without the
 * word 专业 (「呼吸内科专业」 is written 「呼吸内科」).
 */
export const CATALOGUE_SOURCE = '《医疗机构诊疗科目名录》（卫医发〔1994〕27号，含2007年增补的疼痛科、2009年增补的重症医学科）';

export const CLINICAL_DEPARTMENTS = [
  // First level.
  '预防保健科', '全科医疗科', '内科', '外科', '妇产科', '妇女保健科', '儿科', '小儿外科', '儿童保健科', '眼科', '耳鼻咽喉科',
  '口腔科', '皮肤科', '医疗美容科', '精神科', '传染科', '结核病科', '地方病科', '肿瘤科', '急诊医学科', '康复医学科',
  '运动医学科', '职业病科', '临终关怀科', '特种医学与军事医学科', '麻醉科', '疼痛科', '重症医学科', '医学检验科', '病理科',
  '医学影像科', '中医科', '民族医学科', '中西医结合科',
  // 内科、外科、妇产科
  '呼吸内科', '消化内科', '神经内科', '心血管内科', '血液内科', '肾病学', '内分泌', '免疫学', '变态反应', '老年病',
  '普通外科', '神经外科', '骨科', '泌尿外科', '胸外科', '心脏大血管外科', '烧伤科', '整形外科',
  '妇科', '产科', '计划生育', '优生学', '生殖健康与不孕症',
  // 儿科、小儿外科
  '新生儿', '小儿传染病', '小儿消化', '小儿呼吸', '小儿心脏病', '小儿肾病', '小儿血液病', '小儿神经病学', '小儿内分泌',
  '小儿遗传病', '小儿免疫', '小儿普通外科', '小儿骨科', '小儿泌尿外科', '小儿胸心外科', '小儿神经外科',
  // 口腔科、皮肤科、精神科
  '口腔内科', '口腔颌面外科', '正畸', '口腔修复', '口腔预防保健', '皮肤病', '性传播疾病', '精神病', '精神卫生', '药物依赖',
  '精神康复', '社区防治', '临床心理', '司法精神',
  // 医学影像科
  'X线诊断', 'CT诊断', '磁共振成像诊断', '核医学', '超声诊断', '心电诊断', '脑电及脑血流图诊断', '神经肌肉电图', '介入放射学', '放射治疗',
] as const;

const normalise = (name: string) => name.normalize('NFKC').replace(/\s/gu, '').replace(/专业$/u, '');

export function isClinicalDepartment(name: string): boolean {
  return (CLINICAL_DEPARTMENTS as readonly string[]).includes(normalise(name));
}
