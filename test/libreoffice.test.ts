/**
 * Every fixture's DOCX opened by a real word processor: LibreOffice headless converts it to
 * PDF without error, and poppler reads back its headings, key facts and opinion.
 * Skipped where soffice is not installed; .ci/run installs it, so CI runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../src/document/tree.js';
import { loadCase } from '../src/parse/loadCase.js';
import { renderCase } from '../src/pipeline/renderCase.js';
import { buildTree } from '../src/pipeline/buildTree.js';
import { tmpDir } from './support/cli.js';

const have = (cmd: string, arg: string) => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const available = have('soffice', '--version') && have('pdftotext', '-v');
const FIXTURES = fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const squash = (s: string) => s.replace(/\s+/g, '');
const plain = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');

describe.skipIf(!available)('LibreOffice opens every fixture DOCX', () => {
  const dir = tmpDir('jd-lo-');
  const expected = new Map<string, { needles: string[]; header: string }>();

  beforeAll(async () => {
    for (const file of FIXTURES) {
      const loaded = loadCase(fs.readFileSync(path.join('fixtures', file)), file);
      const options = { caseSha256: loaded.sha256, generator: 'test' };
      const r = await renderCase(loaded.case!, { ...options, formats: ['docx'] });
      const name = file.replace(/\.\w+$/, '');
      fs.writeFileSync(path.join(dir, `${name}.docx`), r.outputs[0]!.bytes);
      const { tree, model } = buildTree(loaded.case!, options);
      const headings = tree.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' && b.style === 'heading1' ? [plain(b.inlines)] : []));
      expected.set(name, { needles: [...headings, model.documentNumber, model.patient.name, ...model.conclusions], header: squash(model.documentNumber) });
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
});
