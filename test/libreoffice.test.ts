/**
 * Every fixture's DOCX opened by a real word processor: LibreOffice headless converts it to
 * PDF without error, and poppler reads back its headings, key facts and opinion; page by
 * page, the 落款 stays with the end of the text and the page count stays near the PDF's.
 * Skipped where soffice is not installed; .ci/run installs it, so CI runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline, SignatureBlock } from '../src/document/tree.js';
import { loadCase } from '../src/parse/loadCase.js';
import { renderCase } from '../src/pipeline/renderCase.js';
import { layoutForDocx } from '../src/render/pdf/index.js';
import { buildTree } from '../src/pipeline/buildTree.js';
import { tmpDir } from './support/cli.js';

const have = (cmd: string, arg: string) => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const available = have('soffice', '--version') && have('pdftotext', '-v');
const FIXTURES = fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const squash = (s: string) => s.replace(/\s+/g, '');
const plain = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
/** Pages LibreOffice's PDF may have beyond or short of the typesetter's: the two lay out CJK lines a little differently. */
const PAGE_SLACK = 1;
/**
 * A 落款 the typesetter breaks between signers — 04 and 07 (seven signers, taller than a page
 * with the text they keep), and 05, 06, 10, 14 and 19 (moved whole, they would leave the page
 * before more than 40% empty) — lets the DOCX break there too, the last two signers kept with
 * the institution and the date; these are found from the layout, not listed. 17's six-line
 * last conclusion and its 落款 outgrow a page kept whole, as LibreOffice keeps them: the DOCX
 * sets that 落款 without the blank line above the signers (ClosingLayout.tight) so they share a page.
 */
const NAMES = FIXTURES.map((f) => f.replace(/\.\w+$/, ''));
/** Filled in beforeAll from the typesetter's layout. */
const SPLIT_CLOSING = new Set<string>();

interface Closing {
  /** Every line the 落款 prints, whitespace and signing-line underscores removed. */
  lines: Set<string>;
  institution: string;
  date: string;
  signers: string[];
}

function closingOf(sig: SignatureBlock): Closing {
  const signers = sig.lines.map((l) => squash(`${l.role}：${l.name}`));
  const notes = sig.lines.flatMap((l) => (l.note ? [squash(l.note)] : []));
  const institution = squash(sig.institution);
  const date = squash(sig.date);
  return { lines: new Set([...signers, ...notes, institution, date]), institution, date, signers };
}

/** A page's lines without page furniture (「第 M 页 共 N 页」, 「— M —」, the document number) or blanks. */
function contentLines(page: string, header: string): string[] {
  return page.split('\n').map((l) => squash(l).replace(/_+/g, '').replace(/第\d+页共\d+页/g, '').replace(/^—\d+—$/, '').split(header).join('')).filter((l) => l !== '');
}

describe.skipIf(!available)('LibreOffice opens every fixture DOCX', () => {
  const dir = tmpDir('jd-lo-');
  const expected = new Map<string, { needles: string[]; header: string; closing: Closing; pdfPages: number }>();

  beforeAll(async () => {
    for (const file of FIXTURES) {
      const loaded = loadCase(fs.readFileSync(path.join('fixtures', file)), file);
      const options = { caseSha256: loaded.sha256, generator: 'test' };
      const r = await renderCase(loaded.case!, { ...options, formats: ['docx'] });
      const name = file.replace(/\.\w+$/, '');
      fs.writeFileSync(path.join(dir, `${name}.docx`), r.outputs[0]!.bytes);
      const { tree, model } = buildTree(loaded.case!, options);
      const blocks = tree.sections.flatMap((s) => s.blocks);
      const headings = blocks.flatMap((b) => (b.kind === 'paragraph' && b.style === 'heading1' ? [plain(b.inlines)] : []));
      const sig = blocks.find((b): b is SignatureBlock => b.kind === 'signature')!;
      if ((await layoutForDocx(tree)).closings.some((closing) => closing.split)) SPLIT_CLOSING.add(name);
      expected.set(name, { needles: [...headings, model.documentNumber, model.patient.name, ...model.conclusions], header: squash(model.documentNumber), closing: closingOf(sig), pdfPages: r.pageCount });
    }
    // One LibreOffice process converts them all (a private profile, so no user settings interfere).
    const docx = fs.readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => path.join(dir, f));
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
    const r = spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docx], { timeout: 600_000 });
    expect(r.status).toBe(0);
  }, 600_000);

  it.each(FIXTURES.map((f) => f.replace(/\.\w+$/, '')))('%s: converted, and the text survives', (name) => {
    const pdf = path.join(dir, `${name}.pdf`);
    expect(fs.existsSync(pdf)).toBe(true);
    const text = squash(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout);
    // Page headers and footers may fall inside a sentence; compare the text without them.
    const { needles, header } = expected.get(name)!;
    const body = text.replace(/第\d+页共\d+页/g, '').replace(/—\d+—/g, '').split(header).join('');
    for (const s of needles) expect(body.includes(squash(s)) || text.includes(squash(s)), s).toBe(true);
  });

  it.each(NAMES)('%s: the 落款 shares its page with the text (or breaks between signers where the PDF does), and the page count is near the PDF\'s', (name) => {
    if (SPLIT_CLOSING.has(name)) return expectSplitClosing(name);
    const { header, closing, pdfPages } = expected.get(name)!;
    const pages = spawnSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    const lines = pages.map((p) => contentLines(p, header));
    const closingPage = lines.findIndex((ls) => ls.some((l, i) => l === closing.institution && ls[i + 1] === closing.date));
    expect(closingPage, 'the institution over the date').toBeGreaterThanOrEqual(0);
    const page = lines[closingPage]!;
    for (const signer of closing.signers) expect(page.some((l) => l.startsWith(signer)), signer).toBe(true);
    // At least the last lines of the text above the 落款, on the same page.
    expect(page.some((l) => !closing.lines.has(l) && !closing.signers.some((s) => l.startsWith(s))), 'text on the 落款 page').toBe(true);
    const onlyClosing = lines.findIndex((ls) => ls.length > 0 && ls.every((l) => closing.lines.has(l) || closing.signers.some((s) => l.startsWith(s))));
    expect(onlyClosing, 'a page of nothing but 落款 lines').toBe(-1);
    console.info(`${name}: LibreOffice ${pages.length} pages, PDF ${pdfPages}`);
    expect(Math.abs(pages.length - pdfPages)).toBeLessThanOrEqual(PAGE_SLACK);
  });

  it('finds no fixture whose 落款 the typesetter must break between signers: set compact, even seven experts fit a page with text', () => {
    expect([...SPLIT_CLOSING]).toEqual([]);
  });

  /** The 落款 starts under the text, breaks between signers, and keeps the last two with the institution and the date. */
  function expectSplitClosing(name: string): void {
    const { header, closing, pdfPages } = expected.get(name)!;
    const pages = spawnSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    const lines = pages.map((p) => contentLines(p, header));
    const closingPage = lines.findIndex((ls) => ls.some((l, i) => l === closing.institution && ls[i + 1] === closing.date));
    expect(closingPage, 'the institution over the date').toBeGreaterThanOrEqual(0);
    for (const signer of closing.signers.slice(-2)) expect(lines[closingPage]!.some((l) => l.startsWith(signer)), signer).toBe(true);
    const firstSigner = lines.findIndex((ls) => ls.some((l) => l.startsWith(closing.signers[0]!)));
    expect(lines[firstSigner]!.some((l) => !closing.lines.has(l) && !closing.signers.some((s) => l.startsWith(s))), 'text above the first signer').toBe(true);
    expect(Math.abs(pages.length - pdfPages)).toBeLessThanOrEqual(PAGE_SLACK);
  }
});
