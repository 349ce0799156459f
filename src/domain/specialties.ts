import { isClinicalDepartment } from './clinicalDepartments.js';

/** Jiangsu measures Art. 33: the specialties of medical damage appraisal (44, 「等」 allows others). */
export const SPECIALTIES = [
  '全科医疗科', '呼吸内科', '消化内科', '神经内科', '心血管内科', '血液内科', '肾内科', '内分泌科', '老年医学科',
  '普外科', '神经外科', '骨科', '泌尿外科', '胸心外科', '烧伤整形科', '妇科', '产科', '儿内科', '眼科', '耳鼻咽喉科',
  '口腔内科', '皮肤性病科', '医疗美容科', '精神科', '感染病科', '肿瘤内科', '急诊医学科', '输血科', '麻醉学', '病理科',
  '医学影像科', '普通超声科', '介入放射科', '风湿免疫科', '西药学科', '中药学科', '护理学科', '中医内科', '中医外科',
  '针灸科', '推拿科', '预防医学科', '卫生管理学', '法医学',
] as const;

export const FORENSIC_SPECIALTY = '法医学';

/** Listed in Art. 33, or — the list ending with 「等」 — a department of the national catalogue. */
export function isListedSpecialty(name: string): boolean {
  return (SPECIALTIES as readonly string[]).includes(name) || isClinicalDepartment(name);
}
