/**
 * A reference DOCX names its faces (「仿宋_GB2312」, 「黑体」); the PDF sets each role in the
 * face the institution chose when its file is installed (Windows' simhei.ttf, a font folder),
 * keeps the bundled face and says so when it is not, and never overrides what the config sets.
 * Font folders are pointed at with JIANDING_FONT_DIRS, so the test does not depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceFonts } from '../../src/cli/referenceFonts.js';
import { jianding, tmpDir } from '../support/cli.js';

const SERIF_SC = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const INSTITUTION = 'fixtures/institution';

/** A font folder holding the given files, each a copy of Noto Serif SC under a Windows name. */
function fontFolder(...names: string[]): string {
  const dir = tmpDir('jd-fonts-');
  for (const name of names) fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  for (const name of names) fs.copyFileSync(SERIF_SC, path.join(dir, name));
  return dir;
}

describe('the PDF takes the faces a reference DOCX names', () => {
  it('finds 楷体 as simkai.ttf and 仿宋_GB2312 as its newer cut simfang.ttf (names compared without case); bold text keeps the bundled bold', () => {
    const dir = fontFolder('simkai.ttf', path.join('sub', 'SIMFANG.TTF'));
    const r = referenceFonts({ faces: { heading2: { eastAsia: '楷体' }, body: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' } } }, {}, { JIANDING_FONT_DIRS: dir });
    expect(r.notes).toEqual([]);
    // One weight each, as these faces ship: no bold slot is set, so bold text is not printed regular.
    expect(r.fonts).toEqual({ kai: path.join(dir, 'simkai.ttf'), fangsong: path.join(dir, 'sub', 'SIMFANG.TTF') });
  });

  it('takes a collection\'s face by name (宋体 is SimSun in simsun.ttc)', () => {
    const dir = fontFolder('simsun.ttc');
    const r = referenceFonts({ faces: { coverTitle: { eastAsia: '宋体' } } }, {}, { JIANDING_FONT_DIRS: dir });
    expect(r.fonts.song).toEqual({ file: path.join(dir, 'simsun.ttc'), face: 'SimSun' });
  });

  it('keeps the bundled face for a face not installed, naming the style, the face and the config key', () => {
    const r = referenceFonts({ faces: { heading1: { eastAsia: '方正黑体简体' } } }, {}, { JIANDING_FONT_DIRS: fontFolder() });
    expect(r.fonts).toEqual({});
    expect(r.notes.map((n) => n.zh)).toEqual(['参考文档的「鉴定-一级标题」样式使用字体「方正黑体简体」，本机找不到它的字体文件：PDF 的「黑体」角色仍用随附字体；可在配置文件的 fonts.hei 中指定字体文件']);
  });

  describe('bold text takes the family\'s own bold only when the family has one (fontconfig\'s listing)', () => {
    const face = (file: string, weight: number) => ({ file, postscript: '', weight });
    const kaiIn = (...faces: ReturnType<typeof face>[]) =>
      referenceFonts({ faces: { heading2: { eastAsia: '某楷' } } }, {}, { JIANDING_FONT_DIRS: fontFolder() }, () => faces).fonts;

    it('a Bold face (weight 200) sets the bold slot', () => {
      expect(kaiIn(face('/f/kai-regular.ttf', 80), face('/f/kai-bold.ttf', 200))).toEqual({ kai: '/f/kai-regular.ttf', kaiBold: '/f/kai-bold.ttf' });
    });

    it('a Medium face (weight 100) is not taken for bold: bold text keeps the bundled bold', () => {
      expect(kaiIn(face('/f/kai-regular.ttf', 80), face('/f/kai-medium.ttf', 100))).toEqual({ kai: '/f/kai-regular.ttf' });
    });

    it('a family of one weight sets no bold slot', () => {
      expect(kaiIn(face('/f/kai.ttf', 80))).toEqual({ kai: '/f/kai.ttf' });
    });
  });

  it('leaves alone a role the config or --serif-font already sets', () => {
    const dir = fontFolder('simkai.ttf', 'simhei.ttf');
    const r = referenceFonts({ faces: { heading2: { eastAsia: '楷体' }, heading1: { eastAsia: '黑体' } } }, { kai: '/fonts/own-kai.ttf', sans: '/fonts/own-sans.ttf' }, { JIANDING_FONT_DIRS: dir });
    expect(r).toEqual({ fonts: {}, notes: [] });
  });
});

describe('rendering the fixture institution, whose reference sets 鉴定-正文 in 宋体 and 鉴定-一级标题 in 黑体', () => {
  const haveFonts = spawnSync('pdffonts', ['-v'], { stdio: 'ignore' }).status === 0;
  const fontsOf = (pdf: string) => spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
  let withHei: { stderr: string; fonts: string };
  let without: { stderr: string; fonts: string };

  beforeAll(() => {
    const render = (env: NodeJS.ProcessEnv) => {
      const out = tmpDir('jd-reffonts-');
      const r = jianding(['--config', path.join(INSTITUTION, 'jianding.config.json'), 'render', path.join(INSTITUTION, 'cases', 'case.yaml'), '--out', out, '--format', 'pdf'], { env });
      expect(r.code, r.stderr).toBe(0);
      return { stderr: r.stderr, fonts: haveFonts ? fontsOf(path.join(out, 'case.draft-1.pdf')) : '' };
    };
    withHei = render({ JIANDING_FONT_DIRS: fontFolder('simhei.ttf') });
    without = render({ JIANDING_FONT_DIRS: fontFolder() });
  }, 120_000);

  it('warns about each face not installed, and renders with the bundled ones', () => {
    expect(without.stderr).toContain('警告：参考文档的「鉴定-正文」样式使用字体「宋体」，本机找不到它的字体文件');
    expect(without.stderr).toContain('「鉴定-一级标题」样式使用字体「黑体」');
  });

  it.runIf(haveFonts)('sets the 黑体 role in the installed simhei.ttf: the bundled regular 黑 face is no longer embedded (bold headings keep the bundled bold)', () => {
    expect(without.fonts).toMatch(/NotoSansSC-Regular/);
    expect(withHei.fonts).not.toMatch(/NotoSansSC-Regular/);
    expect(withHei.stderr).not.toContain('「黑体」');
    expect(withHei.stderr).toContain('「宋体」');
  });
});
