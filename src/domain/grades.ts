/**
 * Harm grades: medical accident grades (医疗事故分级标准（试行）, 2002), disability grades
 * (人体损伤致残程度分级, 2017) and injury degrees (人体损伤程度鉴定标准, 2014).
 */
import { chineseNumber } from './chineseDate.js';

export const ACCIDENT_GRADES = [
  { code: '1A', name: '一级甲等', disabilityGrade: null, meaning: '死亡' },
  { code: '1B', name: '一级乙等', disabilityGrade: 1, meaning: '重要器官缺失或功能完全丧失，其他器官不能代偿，存在特殊医疗依赖，生活完全不能自理' },
  { code: '2A', name: '二级甲等', disabilityGrade: 2, meaning: '器官缺失或功能完全丧失，其他器官不能代偿，可能存在特殊医疗依赖，或生活大部分不能自理' },
  { code: '2B', name: '二级乙等', disabilityGrade: 3, meaning: '存在器官缺失、严重缺损、严重畸形情形之一，有严重功能障碍，可能存在特殊医疗依赖，或生活大部分不能自理' },
  { code: '2C', name: '二级丙等', disabilityGrade: 4, meaning: '存在器官缺失、严重缺损、明显畸形情形之一，有严重功能障碍，可能存在特殊医疗依赖，或生活部分不能自理' },
  { code: '2D', name: '二级丁等', disabilityGrade: 5, meaning: '存在器官缺失、大部分缺损、明显畸形情形之一，有严重功能障碍，可能存在一般医疗依赖，生活能自理' },
  { code: '3A', name: '三级甲等', disabilityGrade: 6, meaning: '存在器官缺失、大部分缺损、明显畸形情形之一，有较重功能障碍，可能存在一般医疗依赖，生活能自理' },
  { code: '3B', name: '三级乙等', disabilityGrade: 7, meaning: '器官大部分缺损或畸形，有中度功能障碍，可能存在一般医疗依赖，生活能自理' },
  { code: '3C', name: '三级丙等', disabilityGrade: 8, meaning: '器官大部分缺损或畸形，有轻度功能障碍，可能存在一般医疗依赖，生活能自理' },
  { code: '3D', name: '三级丁等', disabilityGrade: 9, meaning: '器官部分缺损或畸形，有轻度功能障碍，无医疗依赖，生活能自理' },
  { code: '3E', name: '三级戊等', disabilityGrade: 10, meaning: '器官部分缺损或畸形，有轻微功能障碍，无医疗依赖，生活能自理' },
  { code: '4', name: '四级', disabilityGrade: null, meaning: '造成患者明显人身损害的其他后果' },
] as const;
export type AccidentGradeCode = (typeof ACCIDENT_GRADES)[number]['code'];
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export function accidentGrade(code: AccidentGradeCode): AccidentGrade {
  return ACCIDENT_GRADES.find((g) => g.code === code)!;
}

/** The grade a disability grade (1–10) corresponds to, per the 2002 standard's preamble. */
export function accidentGradeForDisability(grade: number): AccidentGrade | undefined {
  return ACCIDENT_GRADES.find((g) => g.disabilityGrade === grade);
}

export function disabilityGradeName(grade: number): string {
  return `${chineseNumber(grade)}级伤残`;
}

/** 人体损伤程度鉴定标准 (in force 2014-01-01): five degrees. */
export const INJURY_DEGREES = [
  { code: 'severe1', name: '重伤一级' },
  { code: 'severe2', name: '重伤二级' },
  { code: 'minor1', name: '轻伤一级' },
  { code: 'minor2', name: '轻伤二级' },
  { code: 'slight', name: '轻微伤' },
] as const;
export type InjuryDegreeCode = (typeof INJURY_DEGREES)[number]['code'];
/** An injury degree commissioned but not assessed: the link is minor or slight (SF/T 0095 §8.1 c, d). */
export const NOT_ASSESSED = 'notAssessed';
export function injuryDegreeName(code: InjuryDegreeCode): string {
  return INJURY_DEGREES.find((d) => d.code === code)!.name;
}
