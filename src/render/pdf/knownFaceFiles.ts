/**
 * The Chinese faces institutions name in their Word styles, and the files that carry them on
 * Windows (C:\Windows\Fonts), macOS and the usual font packages: how a reference DOCX's
 * 「仿宋_GB2312」 finds a font file for the PDF. A collection (.ttc) names its face by the
 * English family or PostScript name, which is what the file's name table holds first.
 * Names are compared without spaces and case.
 */
import type { FaceSpec } from './fonts.js';

const FANGSONG: FaceSpec[] = ['simfang.ttf', 'STFANGSO.TTF', { file: 'Fangsong.ttc', face: 'STFangsong' }];
const FANGSONG_GB2312: FaceSpec[] = ['仿宋_GB2312.ttf', 'FS_GB2312.ttf', 'FangSong_GB2312.ttf'];
const SONG: FaceSpec[] = [{ file: 'simsun.ttc', face: 'SimSun' }, 'simsun.ttf', { file: 'Songti.ttc', face: 'STSong' }, 'STSONG.TTF'];
const XIAOBIAOSONG: FaceSpec[] = ['FZXBSJW.TTF', 'FZXBSK.TTF', '方正小标宋简体.ttf', '方正小标宋_GBK.ttf'];
const HEI: FaceSpec[] = ['simhei.ttf', { file: 'STHeiti Medium.ttc', face: 'STHeitiSC-Medium' }];
const KAI: FaceSpec[] = ['simkai.ttf', 'STKAITI.TTF', { file: 'Kaiti.ttc', face: 'STKaiti' }];
const KAI_GB2312: FaceSpec[] = ['楷体_GB2312.ttf', 'KT_GB2312.ttf', 'KaiTi_GB2312.ttf'];
const YAHEI: FaceSpec[] = [{ file: 'msyh.ttc', face: 'Microsoft YaHei' }, 'msyh.ttf'];

const KNOWN: [names: string[], files: FaceSpec[]][] = [
  [['仿宋', 'FangSong', '华文仿宋', 'STFangsong'], FANGSONG],
  // The GB2312 cuts are separate files; where only the newer cut is installed, it has the same design.
  [['仿宋_GB2312', 'FangSong_GB2312'], [...FANGSONG_GB2312, ...FANGSONG]],
  [['宋体', 'SimSun', '华文宋体', 'STSong'], SONG],
  [['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S'], XIAOBIAOSONG],
  [['黑体', 'SimHei', '华文黑体', 'STHeiti'], HEI],
  [['楷体', 'KaiTi', '华文楷体', 'STKaiti'], KAI],
  [['楷体_GB2312', 'KaiTi_GB2312'], [...KAI_GB2312, ...KAI]],
  [['微软雅黑', 'Microsoft YaHei'], YAHEI],
];

export const normalizeFaceName = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

const BY_NAME = new Map(KNOWN.flatMap(([names, files]) => names.map((n) => [normalizeFaceName(n), files] as const)));

/** Files that may carry the face, best first; a name jianding does not know is tried as a file name. */
export function knownFaceFiles(name: string): FaceSpec[] {
  return [...(BY_NAME.get(normalizeFaceName(name)) ?? []), ...['.ttf', '.otf', '.ttc'].map((ext) => `${name}${ext}`)];
}
