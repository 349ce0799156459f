/**
 * The faces a reference DOCX's 鉴定-* styles name, found as font files on this machine so the
 * PDF sets each role in the institution's face as the DOCX does. Only roles that the config
 * and the flags leave to the bundled fonts; a face that is not installed keeps the bundled one
 * and is reported, naming the style and the config key that would set it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FontRole, ParagraphStyle } from '../document/tree.js';
import type { ReferenceDocx } from '../render/docx/referenceDocx.js';
import { STYLE_NAMES } from '../render/docx/wordStyles.js';
import type { FaceSpec, PdfFontConfig } from '../render/pdf/fonts.js';
import { knownFaceFiles } from '../render/pdf/knownFaceFiles.js';

/** The style whose face each role takes: styles that have this role in every preset, most used first. */
const ROLE_STYLES: Record<FontRole, ParagraphStyle[]> = {
  fangsong: ['body', 'bodyFlush', 'coverSubtitle', 'small'],
  song: ['coverTitle', 'declarationTitle'],
  songti: [], // page furniture is no 鉴定-* style, and the 编号 is 宋体 in one preset only
  hei: ['heading1', 'mark'],
  kai: ['heading2'],
};

/** What --serif-font/--sans-font and the older serif/sans keys already decide, by role. */
const LEGACY_KEYS: Record<FontRole, string[]> = { fangsong: ['serif'], song: ['serif'], songti: ['serif'], kai: ['serif'], hei: ['sans'] };

export interface Note { zh: string; en: string }

export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  if (env.JIANDING_FONT_DIRS !== undefined) return env.JIANDING_FONT_DIRS.split(path.delimiter).filter(Boolean);
  if (platform === 'win32') return [path.join(env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(env.LOCALAPPDATA ? [path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  const home = os.homedir();
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', path.join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.local', 'share', 'fonts'), path.join(home, '.fonts')];
}

/** More files than this under the font folders is not a font folder: stop listing. */
const MAX_LISTED = 50_000;

/** Lower-cased file name → path, first in name order (the same on every run). */
function fileIndex(dirs: string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().slice(0, MAX_LISTED);
    } catch {
      continue; // a folder that is not there is not an error: most machines lack some of them
    }
    for (const name of names) {
      const key = path.basename(name).toLowerCase();
      if (!index.has(key)) index.set(key, path.join(dir, name));
    }
  }
  return index;
}

/** fontconfig's weights: 80 regular, 200 bold. */
const WEIGHTS = { regular: 80, bold: 200 } as const;
type Weight = keyof typeof WEIGHTS;
/** fontconfig's demibold: a Medium (100) face is not a bold, and setting bold text in it would hide the emphasis. */
const LIGHTEST_BOLD = 180;

export interface ListedFace { file: string; postscript: string; weight: number }
/** The faces of one family that the system lists (fontconfig on Linux); injectable for tests. */
export type FaceLister = (family: string) => ListedFace[];

/** fontconfig's faces whose family is exactly this name (Linux, BSD), by file name; none where it is absent. */
function fontconfigFaces(name: string): ListedFace[] {
  const r = spawnSync('fc-list', ['--format', '%{file}\t%{postscriptname}\t%{weight}\n', `:family=${name}`], { encoding: 'utf8', timeout: 5000 });
  // Only font programs jianding embeds: fontconfig also lists bitmap (.pcf.gz) and Type 1 (.pfb) files.
  const usable = (line: string): boolean => /\.(ttf|otf|ttc|otc)\t/i.test(line);
  return (r.status === 0 ? r.stdout : '').split('\n').filter(usable).sort().map((line) => {
    const [file = '', postscript = '', w = ''] = line.split('\t');
    return { file, postscript, weight: Number(/\d+/.exec(w)?.[0] ?? WEIGHTS.regular) };
  });
}

/** fontconfig, unless the font folders are set by hand (tests, a portable install) or the system has none (Windows). */
function systemLister(env: NodeJS.ProcessEnv): FaceLister {
  return env.JIANDING_FONT_DIRS === undefined && process.platform !== 'win32' ? fontconfigFaces : () => [];
}

/** The listed face nearest the weight (the first by file name among equals). */
function nearest(faces: readonly ListedFace[], weight: Weight): ListedFace | undefined {
  const distance = (f: ListedFace): number => Math.abs(f.weight - WEIGHTS[weight]);
  return faces.reduce<ListedFace | undefined>((a, f) => (a && distance(a) <= distance(f) ? a : f), undefined);
}

function specOf(face: ListedFace): FaceSpec {
  return /\.(ttc|otc)$/i.test(face.file) && face.postscript ? { file: face.file, face: face.postscript } : face.file;
}

/** The family's own bold, if it has one: a face at least demibold. */
function boldFace(faces: readonly ListedFace[]): FaceSpec | undefined {
  const bold = nearest(faces.filter((f) => f.weight >= LIGHTEST_BOLD), 'bold');
  return bold && specOf(bold);
}

/** A known file name in the font folders first, then fontconfig's listing (asked at most once per face). */
function findFace(name: string, index: Map<string, string>, listed: () => ListedFace[]): FaceSpec | undefined {
  for (const spec of knownFaceFiles(name)) {
    const wanted = typeof spec === 'string' ? spec : spec.file;
    const file = index.get(wanted.toLowerCase());
    if (file) return typeof spec === 'string' ? file : { ...spec, file };
  }
  const regular = nearest(listed(), 'regular');
  return regular && specOf(regular);
}

/** The face a role takes from the reference: that of the first of its styles that names one. */
function referenceFace(ref: Pick<ReferenceDocx, 'faces'>, role: FontRole): { style: ParagraphStyle; name: string } | undefined {
  for (const style of ROLE_STYLES[role]) {
    const name = ref.faces[style]?.eastAsia ?? ref.faces[style]?.latin;
    if (name) return { style, name };
  }
  return undefined;
}

const ROLE_NAMES: Record<FontRole, string> = { fangsong: '仿宋', song: '小标宋', songti: '宋体', hei: '黑体', kai: '楷体' };

/**
 * Font files for the roles the reference sets and `fonts` leaves open, and a note for each face
 * not found. The usual Chinese system faces have one weight: bold text then keeps the bundled
 * bold (the PDF does not embolden); fontconfig may know a bold face of the family.
 */
export function referenceFonts(
  ref: Pick<ReferenceDocx, 'faces'>, fonts: PdfFontConfig, env: NodeJS.ProcessEnv = process.env, listFaces: FaceLister = systemLister(env),
): { fonts: PdfFontConfig; notes: Note[] } {
  const open = (Object.keys(ROLE_STYLES) as FontRole[]).filter((role) => ![role, `${role}Bold`, ...LEGACY_KEYS[role]].some((k) => fonts[k as keyof PdfFontConfig]));
  const wanted = open.map((role) => ({ role, face: referenceFace(ref, role) })).filter((w) => w.face);
  if (!wanted.length) return { fonts: {}, notes: [] };
  const index = fileIndex(systemFontDirs(env));
  const found: PdfFontConfig = {};
  const notes: Note[] = [];
  for (const { role, face } of wanted) {
    let faces: ListedFace[] | undefined;
    const listed = (): ListedFace[] => (faces ??= listFaces(face!.name));
    const regular = findFace(face!.name, index, listed);
    // Without a bold face of its own, bold text keeps the bundled bold: the PDF does not embolden a regular face.
    const bold = regular ? boldFace(listed()) : undefined;
    if (regular) Object.assign(found, { [role]: regular, ...(bold ? { [`${role}Bold`]: bold } : {}) });
    else notes.push({
      zh: `参考文档的「${STYLE_NAMES[face!.style][1]}」样式使用字体「${face!.name}」，本机找不到它的字体文件：PDF 的「${ROLE_NAMES[role]}」角色仍用随附字体；可在配置文件的 fonts.${role} 中指定字体文件`,
      en: `The reference DOCX's style ${STYLE_NAMES[face!.style][1]} uses the face "${face!.name}", which is not installed here: the PDF keeps the bundled face for ${role}; set fonts.${role} in the config to a font file`,
    });
  }
  return { fonts: found, notes };
}
