/**
 * The form reads as the opinion reads: its sections follow the document, not the file's tree.
 * Each section lists the paths it shows; everything below a path is laid out from the schema.
 */
import type { Path } from './schema';

export interface Section {
  id: string;
  title: string;
  paths: Path[];
  /** Words of the opinion's headings for this part, to open the preview at its page. */
  headings: string[];
}

export const SECTIONS: Section[] = [
  { id: 'basic', title: '委托与基本情况', paths: [['report'], ['institution'], ['basicInfo', 'commission'], ['basicInfo', 'patient'], ['basicInfo', 'representatives'], ['basicInfo', 'medicalInstitutions'], ['basicInfo', 'summary'], ['basicInfo', 'treatment']], headings: ['基本情况', '案情摘要', '基本案情'] },
  { id: 'statements', title: '双方陈述', paths: [['statements', 'patientSide'], ['statements', 'medicalSide']], headings: ['陈述'] },
  { id: 'process', title: '鉴定过程', paths: [['process']], headings: ['鉴定过程'] },
  { id: 'faults', title: '医疗过错分析', paths: [['faultAnalysis', 'items'], ['faultAnalysis', 'summary']], headings: ['过错', '过失', '违反'] },
  { id: 'causation', title: '因果关系分析', paths: [['causationAnalysis', 'items']], headings: ['因果关系'] },
  { id: 'damage', title: '损害后果', paths: [['damage']], headings: ['损害后果', '伤残', '医疗事故等级', '医疗事故'] },
  { id: 'panel', title: '专家组、鉴定人与落款', paths: [['panel'], ['appraisers'], ['reviewer'], ['citations'], ['opinion']], headings: ['鉴定意见', '鉴定结论', '专家'] },
];

/** The section a diagnostic's path belongs to, so the form can open it. */
export function sectionOf(path: string): string | undefined {
  const keys = path.split(/[.[\]]/).filter(Boolean);
  return SECTIONS.find((s) => s.paths.some((p) => p.every((k, i) => String(k) === keys[i])))?.id;
}

/** What one item of each repeated part is called (the lists are named by their items in the opinion). */
const ITEM_NAMES: Record<string, string> = {
  'basicInfo.medicalInstitutions': '医疗机构', 'basicInfo.treatment': '诊疗经过', 'process.materials': '鉴定材料',
  'process.hearing.patientSide': '患方到会人员', 'process.hearing.medicalSide': '医方到会人员', 'process.hearing.others': '列席人员',
  'faultAnalysis.items': '过错分析', 'causationAnalysis.items': '因果关系分析', 'damage.consequences': '损害后果',
  'panel.experts': '专家', appraisers: '鉴定人', 'basicInfo.representatives': '患方代表', 'process.supplementRequests': '补充材料',
  'damage.accident.responsibilities': '各医疗机构的责任程度',
};

export const itemName = (path: Path): string | undefined => ITEM_NAMES[path.filter((k) => typeof k === 'string').join('.')];

/** A list is labelled by what its items are, where the schema's key says nothing (`items`). */
export const listLabel = (path: Path): string | undefined => (path.at(-1) === 'items' ? itemName(path) : undefined);

/** The page of the first heading that names the part, if the preview has one. */
export function pageOf(section: string | undefined, anchors: { text: string; page: number }[]): number | undefined {
  const words = SECTIONS.find((s) => s.id === section)?.headings ?? [];
  return anchors.find((a) => words.some((w) => a.text.includes(w)))?.page;
}
