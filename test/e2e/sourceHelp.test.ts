/**
 * The source view helps a power user from the case's JSON Schema (issue 12): completion offers
 * the fields that fit where the cursor is, with their Chinese names, and the Chinese choices of
 * an enumeration; hovering a field shows its name and description.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/serve/server.js';
import { workbench } from '../serve/support.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');

let w: Running;
let browser: Browser;
let page: Page;

/** Puts the cursor at the end of the editor line that contains `text`. */
async function endOf(text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

describe.skipIf(!HAVE_CHROMIUM)(`source view help in Chromium${HAVE_CHROMIUM ? '' : ' (skipped: /usr/bin/chromium is missing)'}`, () => {
  beforeAll(async () => {
    w = await workbench({ 'case.yaml': VALID });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' })).newPage();
    await page.goto(w.url);
    await page.locator('.case').first().click();
    await page.locator('#tab-source').click();
    await page.locator('.cm-content').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('completion offers the fields of the mapping the cursor is in, with their Chinese names', async () => {
    await endOf('status: 征求意见稿');
    await page.keyboard.press('Enter');
    // A key of `report`: two spaces in, whatever the editor indented.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('  ti');
    await page.keyboard.press('Control+Space');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'title' });
    await option.waitFor();
    expect(await option.innerText()).toContain('鉴定事项标题');
    await page.screenshot({ path: path.join('output', 'screenshots', '12-source-completion.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
  });

  it('completion offers an enumeration’s Chinese choices after its key', async () => {
    await endOf('status: 征求意见稿');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('  appraisalType: ');
    await page.keyboard.press('Control+Space');
    await page.locator('.cm-tooltip-autocomplete li').first().waitFor();
    const options = (await page.locator('.cm-tooltip-autocomplete li').allInnerTexts()).join('|');
    expect(options).toContain('初次鉴定');
    expect(options).toContain('重新鉴定');
    await page.keyboard.press('Escape');
  });

  it('hovering a field shows its Chinese name and description', async () => {
    await page.locator('.cm-line', { hasText: 'documentNumber:' }).first().locator('text=documentNumber').hover();
    const tip = page.locator('.schema-hover');
    await tip.waitFor();
    expect(await tip.innerText()).toContain('文书编号');
    await page.screenshot({ path: path.join('output', 'screenshots', '13-source-hover.png') });
  });
});
