/**
 * The workbench page in a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * what a clerk does — open the printed address, open a case, type, see diagnostics and the
 * preview follow, save, render, download — with a screenshot of every screen in
 * output/screenshots/. Runs after `npm run build` (the page is dist/web).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Running } from '../../src/serve/server.js';
import { workbench } from '../serve/support.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SHOTS = path.resolve('output', 'screenshots');
const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');
const BROKEN = VALID.replace('participation: 30 ', 'participation: 45 ');
const RANGE = 'CAUSATION_PARTICIPATION_RANGE';

let w: Running & { folder: string; out: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = () => `http://127.0.0.1:${w.port}/`;
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const caseFile = (name: string) => path.join(w.folder, name);

/**
 * The editor's line containing `text`, scrolled into view. CodeMirror only puts the lines near
 * the viewport into the DOM, so the editor is scrolled down from the top until the line exists.
 */
async function line(text: string, p: Page = page) {
  const l = p.locator('.cm-line', { hasText: text });
  // The page opens a case in the form; these tests work in the source view.
  await p.locator('#tab-source').waitFor();
  if (await p.locator('#tab-source[aria-selected="false"]').count()) await p.locator('#tab-source').click();
  await p.locator('.cm-content').waitFor();
  for (let top = 0; top < 50_000 && (await l.count()) === 0; top += 400) {
    await p.locator('.cm-scroller').evaluate((s, t) => { s.scrollTop = t; }, top);
    await p.waitForTimeout(30);
  }
  await l.scrollIntoViewIfNeeded();
  return l;
}

/**
 * The PDFs the server sent for the preview, in order. The page cannot fetch its own blob: URLs
 * back (the CSP's connect-src is 'self'), so the test passes the replies through and keeps a copy.
 */
const previews: Buffer[] = [];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Selects `old` in the editor's line containing it (by its on-screen position, as a mouse would)
 * and types `replacement` over it.
 */
async function replaceText(lineText: string, old: string, replacement: string): Promise<void> {
  const l = await line(lineText);
  const box = await l.evaluate((el, o) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(o);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const rect = r.getBoundingClientRect();
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, old);
  if (!box) throw new Error(`「${old}」 not found in the line 「${lineText}」`);
  await page.mouse.click(box.x, box.y);
  for (let i = 0; i < old.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(replacement);
}

/** The SHA-256 and first bytes of what a URL serves, fetched in the page. */
function fetched(p: Page, url: string): Promise<{ head: string; sha: string; size: number }> {
  return p.evaluate(async (u) => {
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return { head: String.fromCharCode(...bytes.subarray(0, 5)), sha: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), size: bytes.length };
  }, url);
}

/** The preview's blob: URL, without the fragment for the PDF viewer. */
const previewUrl = async () => (await page.locator('iframe.preview-frame').getAttribute('src'))?.replace(/#.*/, '') ?? null;

/** Waits until the preview frame shows a blob: URL other than `previous`. */
async function newPreview(previous: string | null): Promise<string> {
  await page.waitForFunction((prev) => {
    const src = document.querySelector('iframe.preview-frame')?.getAttribute('src')?.replace(/#.*/, '');
    return !!src && src.startsWith('blob:') && src !== prev;
  }, previous, { timeout: 60_000 });
  return (await previewUrl())!;
}

/** Focus is in CodeMirror's content, inside the editor's shadow root. */
const inEditor = () => !!document.activeElement?.shadowRoot?.activeElement?.classList.contains('cm-content');

const status = (text: string) => page.locator('.status', { hasText: text }).waitFor({ timeout: 60_000 });

describe.skipIf(!HAVE_CHROMIUM)(`workbench page in Chromium${HAVE_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    w = await workbench({ 'association.yaml': VALID, 'broken.yaml': BROKEN });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    // 生成正式文书 asks for confirmation: a final can never be replaced.
    page.on('dialog', (d) => void d.accept());
    await page.route('**/api/preview', async (route) => {
      const response = await route.fetch().catch(() => undefined);
      if (!response) return route.abort().catch(() => {}); // the page aborted a stale preview
      if (response.status() === 200) previews.push(await response.body());
      await route.fulfill({ response }).catch(() => {});
    });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('opening the printed address shows the case list, and the token leaves the address bar', async () => {
    await page.goto(w.url);
    expect(page.url()).toBe(base());
    await page.locator('.case').first().waitFor();
    const cases = page.locator('.case');
    expect(await cases.count()).toBe(2);
    const broken = await cases.filter({ hasText: 'broken.yaml' }).innerText();
    expect(broken).toContain('有错误 1');
    expect(broken).toContain('医学会鉴定意见书');
    expect(broken).toContain('张某某');
    expect(await cases.filter({ hasText: 'association.yaml' }).innerText()).toContain('通过');
    await shot(page, '01-case-list');
  });

  it('opening a case shows its YAML and a PDF preview', async () => {
    await page.locator('.case', { hasText: 'association.yaml' }).click();
    await line('participation: 30');
    expect(await page.locator('h1').innerText()).toContain('association.yaml');
    await newPreview(null);
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.at(-1)!.subarray(0, 5).toString()).toBe('%PDF-');
    await page.waitForTimeout(1500); // let the PDF viewer paint for the screenshot
    await shot(page, '02-case-open');
  });

  it('an out-of-range participation shows in the list and as a lint marker; fixing it clears both', async () => {
    await replaceText('participation: 30', '30', '45');
    const item = page.locator('.diag', { hasText: RANGE });
    await item.waitFor({ timeout: 30_000 });
    await page.locator('.cm-lint-marker-error').waitFor();
    expect(await item.innerText()).toContain('causationAnalysis.items[0].participation');
    expect(await item.innerText()).toContain('16%～44%');
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(1);
    expect(await (await line('participation: 45')).locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await page.locator('.preview-note', { hasText: '预览未更新：案件有 1 个错误' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('h1 .dirty').count()).toBe(1);
    await shot(page, '03-participation-error');

    // The diagnostic jumps to its line (the cursor lands on the field), and the value is fixed there.
    await item.locator('button').click();
    expect(await page.locator('.cm-activeLine').innerText()).toContain('participation: 45');
    await replaceText('participation: 45', '45', '30');
    await item.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.cm-lint-marker-error').waitFor({ state: 'detached' });
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    await page.locator('.preview-note').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('.diag-summary').innerText()).toContain('通过');
    await page.waitForTimeout(1500); // the PDF viewer repaints the new preview
    await shot(page, '04-participation-fixed');
  });

  it('the preview follows an edit', async () => {
    const before = (await previewUrl())!;
    const seen = previews.length;
    const old = previews.at(-1)!;
    await replaceText('phone: 025-00000000', '025-00000000', '025-00000001');
    await newPreview(before);
    // The reply's body is read off the wire asynchronously.
    await vi.waitFor(() => expect(previews.length).toBeGreaterThan(seen));
    const now = previews.at(-1)!;
    expect(now.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(now)).not.toBe(sha(old));
    expect(await page.locator('iframe').count()).toBe(1);
    await page.waitForTimeout(1500);
    await shot(page, '05-preview-updated');
  });

  it('Ctrl-S writes the file with its comments; a change on disk meanwhile is refused with a clear message', async () => {
    await page.keyboard.press('Control+s');
    await status('已保存 association.yaml');
    const saved = fs.readFileSync(caseFile('association.yaml'), 'utf8');
    expect(saved).toBe(VALID.replace('phone: 025-00000000', 'phone: 025-00000001'));
    expect(saved).toContain('# 可写 30、"20%～40%"、"不超过40%"、suggested（取建议值）；不填则不写参与度');
    expect(await page.locator('h1 .dirty').count()).toBe(0);

    const theirs = `${saved}# 另一位同事的修改\n`;
    fs.writeFileSync(caseFile('association.yaml'), theirs);
    await replaceText('phone: 025-00000001', '025-00000001', '025-000000012');
    await page.getByRole('button', { name: /^保存/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('已在磁盘上被改动');
    expect(fs.readFileSync(caseFile('association.yaml'), 'utf8')).toBe(theirs);
    await shot(page, '06-save-conflict');

    await dialog.getByRole('button', { name: /重新载入/ }).click();
    await line('# 另一位同事的修改');
    expect(await page.locator('h1 .dirty').count()).toBe(0);
  });

  it('生成正式文书 writes the final through the register, and its download links work', async () => {
    await page.getByRole('button', { name: '生成正式文书' }).click();
    await status('已生成「正式文书」');
    const links = page.locator('.downloads a');
    expect(await links.count()).toBe(2);
    const heads = await Promise.all((await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map((u) => fetched(page, u)));
    expect(heads.map((h) => h.head.slice(0, 4)).sort()).toEqual(['%PDF', 'PK\u0003\u0004']);
    expect(fs.readdirSync(w.out)).toEqual(expect.arrayContaining(['association.pdf', 'association.docx']));
    await page.locator('.case', { hasText: 'association.yaml' }).filter({ hasText: '「正式文书」' }).waitFor();
    // A real download, as a clerk clicks it.
    const [download] = await Promise.all([page.waitForEvent('download'), links.filter({ hasText: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('association.pdf');
    await shot(page, '07-final-rendered');

    // A final is never replaced: an edited case is saved, and the render refused with the reason.
    await replaceText('phone: 025-00000001', '025-00000001', '025-000000019');
    await page.getByRole('button', { name: '生成正式文书' }).click();
    await status('不可替换');
    expect(fs.readFileSync(caseFile('association.yaml'), 'utf8')).toContain('025-000000019');
    await shot(page, '08-final-refused');
    // The page offers the way forward: a corrected version with its reason, the original kept.
    const original = fs.readFileSync(path.join(w.out, 'association.pdf'));
    await page.getByLabel('原因').fill('医方联系电话有误');
    await shot(page, '08b-correction-dialog');
    await page.getByRole('button', { name: '生成更正版本' }).click();
    await status('正式文书（第 1 次更正）');
    expect(fs.existsSync(path.join(w.out, 'association.correction-1.pdf'))).toBe(true);
    expect(fs.readFileSync(path.join(w.out, 'association.pdf'))).toEqual(original);
  });

  it('生成培训样本 writes a de-identified sample with its report, downloadable beside it', async () => {
    await page.locator('.case', { hasText: 'association.yaml' }).click();
    await page.getByRole('button', { name: '生成培训样本' }).click();
    await status('已生成「培训样本（第 1 份）」');
    const links = page.locator('.downloads a');
    expect(await links.allTextContents()).toEqual(expect.arrayContaining(['PDF', 'Word（DOCX）', '去标识化报告']));
    const href = await links.filter({ hasText: '去标识化报告' }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(await page.evaluate(async (u) => (await fetch(u)).text(), href)).toContain('培训样本去标识化报告');
    expect(fs.readdirSync(w.out)).toEqual(expect.arrayContaining(['association.sample-1.pdf', 'association.sample-1.deid.txt']));
    await shot(page, '07c-sample-rendered');
  });

  it('a browser without the token is refused', async () => {
    const stranger = await browser.newContext({ viewport: { width: 1000, height: 400 } });
    const p = await stranger.newPage();
    const r = await p.goto(base());
    expect(r?.status()).toBe(401);
    expect(await p.locator('h1').innerText()).toBe('需要访问令牌');
    expect(await p.locator('body').innerText()).toContain('缺少或错误的访问令牌');
    await shot(p, '09-no-token');
    await stranger.close();
  });

  it('keyboard only: Tab reaches the case list, Enter opens a case, the buttons are reachable, focus is visible', async () => {
    const p = await context.newPage();
    await p.goto(base());
    await p.locator('.case').first().waitFor();
    const focused = () => p.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { tag: e?.tagName ?? '', text: e?.innerText ?? '', outline: e ? getComputedStyle(e).outlineStyle : '' };
    });
    // First the new-case controls at the top of the list, then the cases.
    const order: string[] = [];
    let f = { tag: '', text: '', outline: '' };
    for (let i = 0; i < 10 && !f.text.includes('association.yaml'); i++) {
      await p.keyboard.press('Tab');
      f = await focused();
      order.push(f.tag === 'BUTTON' ? f.text.trim().split('\n')[0]! : f.tag);
    }
    expect(order.slice(0, 5)).toEqual(['INPUT', 'SELECT', 'INPUT', '新建', 'association.yaml']);
    expect(f.tag).toBe('BUTTON');
    expect(f.outline).toBe('solid');
    await p.keyboard.press('Tab');
    expect((await focused()).text).toContain('broken.yaml');
    await p.keyboard.press('Enter');
    await line('participation: 45', p);
    const seen: string[] = [];
    // Backwards from the editor: the view tabs, the cases, the case actions, then the header's buttons.
    for (let i = 0; i < 14; i++) {
      await p.keyboard.press('Shift+Tab');
      f = await focused();
      seen.push(f.text.trim());
      if (f.text.trim() === '生成征求意见稿') await shot(p, '10-keyboard-focus');
    }
    expect(seen).toEqual(expect.arrayContaining(['生成正式文书', '生成征求意见稿']));
    expect(seen.some((s) => s.startsWith('保存'))).toBe(true);
    // Forward from the case list: the two views' tabs, the editor, then the diagnostics (a button that jumps to the line).
    await p.locator('.case', { hasText: 'broken.yaml' }).focus();
    await p.keyboard.press('Tab');
    expect((await focused()).text).toBe('表单');
    await p.keyboard.press('Tab');
    expect((await focused()).text).toContain('源文件');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(inEditor)).toBe(true);
    await p.keyboard.press('Tab');
    f = await focused();
    expect(f.text).toContain(RANGE);
    await p.keyboard.press('Enter');
    expect(await p.evaluate(inEditor)).toBe(true);
    // A laptop screen: the three panes still fit, nothing spills out of the window.
    await p.setViewportSize({ width: 1280, height: 720 });
    expect(await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1280, 720]);
    await shot(p, '11-laptop-1280');
    await p.close();
  });
});
