/**
 * The form reads as the opinion reads: its sections follow the document, not the file's tree.
 * Each section lists the paths it shows; everything below a path is laid out from the schema.
 */
import type { Path } from './schema';

export interface Section {
  id: string;
  title: string;
  paths: Path[];
}

export const SECTIONS: Section[] = [
  { id: 'basic', title: '委托与基本情况', paths: [['report'], ['institution'], ['basicInfo', 'commission'], ['basicInfo', 'patient'], ['basicInfo', 'medicalInstitutions'], ['basicInfo', 'summary'], ['basicInfo', 'treatment']] },
  { id: 'statements', title: '双方陈述', paths: [['statements', 'patientSide'], ['statements', 'medicalSide']] },
  { id: 'process', title: '鉴定过程', paths: [['process']] },
  { id: 'faults', title: '医疗过错分析', paths: [['faultAnalysis', 'items'], ['faultAnalysis', 'summary']] },
  { id: 'causation', title: '因果关系分析', paths: [['causationAnalysis', 'items']] },
  { id: 'damage', title: '损害后果', paths: [['damage']] },
  { id: 'panel', title: '专家组、鉴定人与落款', paths: [['panel'], ['appraisers'], ['reviewer'], ['citations'], ['opinion']] },
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
  'panel.experts': '专家', appraisers: '鉴定人',
};

export const itemName = (path: Path): string | undefined => ITEM_NAMES[path.filter((k) => typeof k === 'string').join('.')];

/** A list is labelled by what its items are, where the schema's key says nothing (`items`). */
export const listLabel = (path: Path): string | undefined => (path.at(-1) === 'items' ? itemName(path) : undefined);
