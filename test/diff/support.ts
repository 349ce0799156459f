/** Test helpers for redlines: versions of a fixture with edits, and reading tracked changes back out of a DOCX. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DiffInput } from '../../src/diff/redline.js';
import { loadCase } from '../../src/parse/loadCase.js';
import { part, textOf, unzipDocx } from '../docx/docxParts.js';

export const GENERATOR = 'jianding test';

export const fixtureText = (name: string): string => fs.readFileSync(path.resolve('fixtures', name), 'utf8');

/** Applies [from, to] replacements, each of which must match: a silent no-op would make a test pass for nothing. */
export function edit(text: string, replacements: [string, string][]): string {
  return replacements.reduce((t, [from, to]) => {
    expect(t, `edit target missing: ${from}`).toContain(from);
    return t.replace(from, to);
  }, text);
}

export function input(text: string, name = 'case.yaml'): DiffInput {
  const loaded = loadCase(new TextEncoder().encode(text), name);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { case: loaded.case!, sha256: loaded.sha256 };
}

/** Judicial fixture 01, and a revision of it: a fault's wording, a participation, two experts with consultations added. */
export const ADDED_EXPERTS = `    - name: 冯某某
      title: 副主任医师
      specialty: 普外科
      affiliation: 某某市第三人民医院
      consultation:
        opinion: |
          同意王某某专家的意见。术后第2天引流液浑浊即应行碘水造影。
        agrees: true
    - name: 韦某
      title: 主任医师
      specialty: 普外科
      affiliation: 某某县人民医院
      consultation:
        opinion: |
          同意王某某、孙某专家的意见。
        agrees: true
`;

export function judicialVersions(): { before: string; after: string } {
  const before = fixtureText('01_judicial_surgery_fundoplication_two_grades.yaml');
  const after = edit(before, [
    ['finding: 术中脾上极被膜撕裂处理不当', 'finding: 术中脾上极被膜撕裂后止血处理不当'],
    ['participation: 60%～75%', 'participation: 65%～75%'],
    ['过错参与度评定为60%～75%', '过错参与度评定为65%～75%'],
    ['\nappraisers:', `${ADDED_EXPERTS}\nappraisers:`],
  ]);
  return { before, after };
}

export interface Mark { kind: 'ins' | 'del'; id: number; author: string; date: string; text: string }

/** Every w:ins / w:del holding runs (paragraph-mark and row marks are empty elements), in document order. */
export function marksOf(xml: string): Mark[] {
  const found = xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g);
  return [...found].map((m) => ({
    kind: m[1] as 'ins' | 'del', id: Number(m[2]), author: m[3]!, date: m[4]!, text: textOf(m[5]!.replace(/w:delText/g, 'w:t')),
  }));
}

/** The text with every change accepted: deletions gone, insertions kept. */
export const accepted = (xml: string): string => textOf(xml.replace(/<w:del [^>]*[^/]>[\s\S]*?<\/w:del>/g, ''));

/** The text with every change rejected: insertions gone, deletions restored. */
export const rejected = (xml: string): string => textOf(xml.replace(/<w:ins [^>]*[^/]>[\s\S]*?<\/w:ins>/g, '').replace(/w:delText/g, 'w:t'));

export async function documentXml(docx: Uint8Array): Promise<string> {
  return part(await unzipDocx(docx), 'word/document.xml');
}

/** Text without the SHA-256 of the case printed under the 落款 (the redline prints the new version's). */
/** Each version has its own 查询校验码 (and fingerprint): the redline prints the new one, unmarked. */
export const withoutHash = (text: string): string => text.replace(/[0-9a-f]{64}/g, '').replace(/查询校验码：[0-9A-Z-]{19}/g, '查询校验码：');
