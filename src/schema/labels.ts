/**
 * Fields named the way the people who fill them in name them: 「委托人（basicInfo.commission.client）」,
 * 「第 1 项过错分析的诊疗行为」. The titles themselves live on the schema (case.ts, `.meta({ title })`,
 * also shown by editors through the JSON Schema); this module only composes them, plus the few
 * other Chinese words people write for a field name (KEY_SYNONYMS).
 */
import { formatPath } from '../diagnostics/diagnostic.js';
import { caseSchema } from './case.js';
import { childSchema, fieldsOf, isObjectSchema, schemaAt, titleOf, type AnySchema } from './walk.js';

/**
 * Other names a field goes by, keyed by the field's path with list indices left out
 * (`faultAnalysis.items.conduct`). Only words that name one field at its level belong here.
 */
export const KEY_SYNONYMS: Record<string, readonly string[]> = {
  report: ['文书信息'],
  institution: ['机构'],
  basicInfo: ['基本情况', '委托鉴定事项的基本情况'],
  statements: ['陈述', '医患双方陈述', '双方陈述'],
  process: ['鉴定过程', '鉴定过程的说明'],
  faultAnalysis: ['医疗过错分析', '过错分析'],
  causationAnalysis: ['因果关系分析'],
  damage: ['医疗损害后果', '损害后果及伤残等级'],
  'basicInfo.commission': ['委托'],
  'basicInfo.commission.client': ['委托单位'],
  'basicInfo.commission.matters': ['委托鉴定事项'],
  'basicInfo.treatment': ['诊疗概要'],
  'basicInfo.summary': ['基本案情', '案情摘要'],
  'faultAnalysis.items': ['过错'],
  'causationAnalysis.items.causation': ['因果关系', '原因力大小'],
  'causationAnalysis.items.participation': ['参与度', '过错参与度'],
  'damage.consequences.disabilityGrade': ['伤残'],
};

const ROOT_LABEL = '文件顶层';

/** A section title without its Article 24 numbering: 「（四）医疗过错分析」 is also called 「医疗过错分析」. */
const unnumbered = (title: string) => title.replace(/^（[一二三四五六]）/, '');

/** Every Chinese name a field answers to: its title, the title without numbering, its synonyms. */
export function namesOf(parentPath: readonly PropertyKey[], key: string, schema: AnySchema): string[] {
  const title = titleOf(schema);
  const pattern = [...parentPath.filter((k) => typeof k === 'string'), key].join('.');
  const names = [...(title ? [title, unnumbered(title)] : []), ...(KEY_SYNONYMS[pattern] ?? [])];
  return [...new Set(names)];
}

/** The English keys at this level that a Chinese name answers to. */
export function keysNamed(name: string, parentPath: readonly PropertyKey[], fields: [string, AnySchema][]): string[] {
  const wanted = name.trim();
  return fields.filter(([key, s]) => namesOf(parentPath, key, s).includes(wanted)).map(([key]) => key);
}

/** The fields of the object at a path, each with its title. Empty when the path is no object. */
export function fieldsAt(path: readonly PropertyKey[]): { key: string; title?: string; schema: AnySchema }[] {
  const schema = schemaAt(path);
  return schema ? fieldsOf(schema).map(([key, s]) => ({ key, title: titleOf(s), schema: s })) : [];
}

/**
 * The Chinese name of the field at a path, or undefined when the path leaves the schema.
 * Inside a list item the item is named first (「第 1 项过错分析的诊疗行为」); an element of a
 * list of plain values is counted after the list (「相关过错代号第 2 项」).
 */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return ROOT_LABEL;
  let node: AnySchema | undefined = caseSchema;
  let item: string | undefined; // 「第 n 项…」 of the innermost list item on the path
  let label: string | undefined;
  for (const key of path) {
    const parent: AnySchema = node!;
    node = childSchema(parent, key);
    if (!node) return undefined;
    if (typeof key === 'number') {
      const list = label ?? '';
      label = isObjectSchema(node) ? `第 ${key + 1} 项${list}` : `${list}第 ${key + 1} 项`;
      if (isObjectSchema(node)) item = label;
    } else {
      const title = titleOf(node) ?? String(key);
      label = item ? `${item}的${title}` : title;
    }
  }
  return label;
}

/** 「委托人（basicInfo.commission.client）」: the name people know, then the path the file uses. */
export function describeField(path: readonly PropertyKey[]): string {
  const where = formatPath(path);
  const label = fieldLabel(path);
  if (!where) return label ?? ROOT_LABEL;
  return label && label !== where ? `${label}（${where}）` : where;
}

/** 「client（委托人）」: a key as it must be written, with its title to recognise it by. */
export function keyWithTitle(key: string, title: string | undefined): string {
  return title && title !== key ? `${key}（${unnumbered(title)}）` : key;
}

/** Paths as rules write them (`a.b[0].c`) back into keys, for labelling. */
export function parsePath(path: string): PropertyKey[] {
  return path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** describeField for a path written as text, as rules hold them. */
export function describePath(path: string): string {
  return describeField(parsePath(path));
}
