/**
 * The form, as a clerk who never sees YAML uses it (issue 12), in Debian's Chromium: a new case
 * from the list, a field edited through its label, the participation range refusing a value as
 * it is typed and the rule's message beside the field, a fault linked to a consequence by choosing
 * it, the preview following, and the saved YAML keeping its comments. Screenshots of each screen
 * go to output/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/serve/server.js';
import { workbench } from '../serve/support.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SHOTS = path.resolve('output', 'screenshots');

let w: Running & { folder: string; out: string };
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const section = (title: string) => page.locator('.sections button', { hasText: title }).click();
const fileText = () => fs.readFileSync(path.join(w.folder, '新案.yaml'), 'utf8');

describe.skipIf(!HAVE_CHROMIUM)(`the form in Chromium${HAVE_CHROMIUM ? '' : ' (skipped: /usr/bin/chromium is missing)'}`, () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    w = await workbench({});
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' })).newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(w.url);
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('a new association case is created from the list and opens in the form, organised like the document', async () => {
    await page.getByLabel('新案件文件名').fill('新案');
    await page.getByLabel('文书种类').selectOption('association');
    await page.getByRole('button', { name: '新建' }).click();
    await page.locator('.case', { hasText: '新案.yaml' }).waitFor();
    await page.locator('.case-form').waitFor();
    const sections = await page.locator('.sections button').allInnerTexts();
    expect(sections.map((s) => s.replace(/\d+$/, ''))).toEqual(['委托与基本情况', '双方陈述', '鉴定过程', '医疗过错分析', '因果关系分析', '损害后果', '专家组、鉴定人与落款']);
    expect(fs.existsSync(path.join(w.folder, '新案.yaml'))).toBe(true);
    await page.locator('iframe.preview-frame').waitFor({ timeout: 60_000 });
    await shot('form-01-new-case');
  });

  it('a field is edited through its label; saving writes only that line, comments kept', async () => {
    const before = fileText();
    await page.getByLabel(/^委托人/).fill('某某市某某区人民法院（二审）');
    await page.keyboard.press('Control+s');
    await page.locator('.status', { hasText: '已保存' }).waitFor();
    const after = fileText();
    const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(parse(after).basicInfo.commission.client).toBe('某某市某某区人民法院（二审）');
    expect(after.match(/#/g)?.length).toBe(before.match(/#/g)?.length);
  });

  it('the participation field shows its range, refuses 45 for 次要因素 as it is typed, and the rule’s message appears beside it and goes', async () => {
    await section('因果关系分析');
    const field = page.locator('.participation input');
    await field.fill('45');
    await expect.poll(() => page.locator('.participation .field-error').innerText()).toContain('16%–44%');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await shot('form-02-participation-refused');
    // The case keeps the last valid value: the file's participation was never 45.
    await page.getByRole('button', { name: /用建议值 30%/ }).click();
    expect(await field.inputValue()).toBe('30');
    expect(await page.locator('.participation .field-error').count()).toBe(0);
  });

  it('a rule’s message appears beside its field in the form and in the list, and disappears when fixed', async () => {
    await section('委托与基本情况');
    const received = page.getByLabel(/^收到委托日期/);
    const accepted = await page.getByLabel(/^受理日期/).inputValue();
    await received.fill('2027-01-01');
    await page.locator('.field-diagnostics', { hasText: 'DATE_ORDER' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.diagnostics', { hasText: 'DATE_ORDER' }).waitFor();
    await shot('form-03-diagnostic-beside-field');
    await received.fill(accepted);
    await expect.poll(() => page.locator('.diagnostics').innerText(), { timeout: 30_000 }).not.toContain('DATE_ORDER');
  });

  it('a fault is linked to a consequence by choosing it, with generated codes; the preview follows', async () => {
    await section('医疗过错分析');
    await page.getByRole('button', { name: '添加一项过错分析' }).click();
    const codes = await page.locator('.code-note').allInnerTexts();
    expect(codes.at(-1)).toContain('F2');
    const conduct = page.locator('.item').last().getByLabel(/诊疗行为/);
    await conduct.fill('术后第3日引流液性状改变后的处理');
    await section('因果关系分析');
    const link = page.locator('.links .check', { hasText: 'F2' });
    await link.locator('input').check();
    await section('委托与基本情况');
    await section('因果关系分析');
    expect(await page.locator('.links .check', { hasText: 'F2' }).locator('input').isChecked()).toBe(true);
    await page.keyboard.press('Control+s');
    await page.locator('.status', { hasText: '已保存' }).waitFor();
    const data = parse(fileText());
    expect(data.faultAnalysis.items.map((f: { id: string }) => f.id)).toEqual(['F1', 'F2']);
    expect(data.causationAnalysis.items[0].faults).toContain('F2');
    expect(data.faultAnalysis.items[1].conduct).toBe('术后第3日引流液性状改变后的处理');
    // The diagnostics follow the newest text: nothing is said about the conduct that was filled in.
    await expect.poll(() => page.locator('.diagnostics').innerText(), { timeout: 30_000 }).not.toContain('faultAnalysis.items[1].conduct');
    await shot('form-04-linked-fault');
  });
});
