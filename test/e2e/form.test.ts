/**
 * The form, as a clerk who never sees YAML uses it (issue 12), in Debian's Chromium: a new case
 * from the list, a field edited through its label, the participation range refusing a value as
 * it is typed and the rule's message beside the field, a fault linked to a consequence by choosing
 * it, the preview following, and the saved YAML keeping its comments. Screenshots of each screen
 * go to output/screenshots/.
 */
import { spawnSync } from 'node:child_process';
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
/** The text of the PDFs the server sent for the preview, newest last (captured as they pass). */
const previews: string[] = [];
const pdfText = (pdf: Buffer) => spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).stdout.replace(/\s+/g, '');

/** A control by its case path, as the form names it (the id a diagnostic jumps to). */
const control = (path: string) => page.locator(`[id="f-${path}"]`);
const fill = (path: string, value: string) => control(path).fill(value);
const choose = (path: string, label: string) => control(path).selectOption({ label });
const add = (what: string) => page.getByRole('button', { name: `添加一项${what}` }).click();

/** What a clerk types for a complete association case, part by part, starting from nothing. */
async function writeCompleteCase(): Promise<void> {
  await section('委托与基本情况');
  await fill('report.documentNumber', '某医损鉴〔2026〕21号');
  await fill('report.date', '2026-04-20');
  await fill('institution.name', '某某市医学会');
  await fill('institution.shortName', '某医损鉴');
  await fill('basicInfo.commission.client', '某某市某某区人民法院');
  await choose('basicInfo.commission.setting', '诉讼');
  await choose('basicInfo.commission.commissionedBy', '人民法院');
  await fill('basicInfo.commission.matters', '某某市第一人民医院对患者王某某的诊疗行为有无过错；若有过错，过错与损害后果之间有无因果关系及原因力大小。');
  await fill('basicInfo.commission.receivedDate', '2026-03-02');
  await fill('basicInfo.commission.acceptedDate', '2026-03-06');
  await fill('basicInfo.patient.name', '王某某');
  await choose('basicInfo.patient.sex', '男');
  await add('医疗机构');
  await fill('basicInfo.medicalInstitutions.0.name', '某某市第一人民医院');
  await fill('basicInfo.summary', '患者王某某因右上腹痛入院行腹腔镜胆囊切除术，术后出现胆漏。');
  await add('诊疗经过');
  await control('basicInfo.treatment.0.institution').selectOption('H1');
  await fill('basicInfo.treatment.0.from', '2025-10-08');
  await fill('basicInfo.treatment.0.summary', '10月9日行腹腔镜胆囊切除术；10月11日引流液呈胆汁样，记载“观察”。');
  await section('双方陈述');
  await fill('statements.patientSide', '医方术后观察不力，延误处理。');
  await fill('statements.medicalSide', '胆漏为已知并发症，处理及时。');
  await section('鉴定过程');
  await add('鉴定材料');
  await fill('process.materials.0.name', '住院病历（复印件）');
  await fill('process.hearing.noticeDate', '2026-03-20');
  await fill('process.hearing.date', '2026-03-31');
  await fill('process.hearing.place', '某某市医学会第一会议室');
  await section('医疗过错分析');
  await add('过错分析');
  await fill('faultAnalysis.items.0.conduct', '术后引流液性状改变的观察与处理');
  await control('faultAnalysis.items.0.isFault').check();
  await fill('faultAnalysis.items.0.analysis', '引流液呈胆汁样时未及时检查，存在观察处理不及时的过错。');
  await section('损害后果');
  await add('损害后果');
  await fill('damage.consequences.0.description', '胆漏致腹腔感染、再次剖腹手术');
  await section('因果关系分析');
  await add('因果关系分析');
  await control('causationAnalysis.items.0.consequence').selectOption('C1');
  await page.locator('.links .check', { hasText: 'F1' }).locator('input').check();
  await choose('causationAnalysis.items.0.causation', '次要因素');
  await fill('causationAnalysis.items.0.analysis', '损害主要与自身病情相关，过错起次要作用。');
  await section('专家组、鉴定人与落款');
  await fill('panel.mainSpecialty', '普外科');
  for (const [i, name] of ['赵某某', '钱某某', '孙某某'].entries()) {
    await add('专家');
    await fill(`panel.experts.${i}.name`, name);
    await fill(`panel.experts.${i}.specialty`, '普外科');
  }
  await choose('panel.experts.0.role', '鉴定组长');
}

describe.skipIf(!HAVE_CHROMIUM)(`the form in Chromium${HAVE_CHROMIUM ? '' : ' (skipped: /usr/bin/chromium is missing)'}`, () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    w = await workbench({ 'bad.yaml': fs.readFileSync('templates/init/association.yaml', 'utf8').replace('participation: 30 ', 'participation: 45 ') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' })).newPage();
    page.on('dialog', (d) => void d.accept());
    await page.route('**/api/preview', async (route) => {
      const response = await route.fetch().catch(() => undefined);
      if (!response) return route.abort().catch(() => {});
      if (response.status() === 200) previews.push(pdfText(await response.body()));
      await route.fulfill({ response }).catch(() => {});
    });
    await page.goto(w.url);
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('a clerk writes a complete association case from nothing through the form until it validates, and renders it', async () => {
    await page.getByLabel('新案件文件名').fill('空白案');
    await page.getByLabel('文书种类').selectOption('association');
    await page.getByLabel(/空白/).check();
    await page.getByRole('button', { name: '新建' }).click();
    await page.locator('.case', { hasText: '空白案.yaml' }).waitFor();
    await page.locator('.case-form').waitFor();
    await expect.poll(() => page.locator('.diag-summary').innerText(), { timeout: 30_000 }).toMatch(/[1-9]\d* 个错误/);
    await shot('form-00-blank-case');
    await writeCompleteCase();
    await expect.poll(() => page.locator('.diag-summary').innerText(), { timeout: 30_000 }).toMatch(/^(通过|0 个错误)/);
    await page.keyboard.press('Control+s');
    await page.locator('.status', { hasText: '已保存' }).waitFor();
    const data = parse(fs.readFileSync(path.join(w.folder, '空白案.yaml'), 'utf8'));
    expect(data.causationAnalysis.items[0]).toMatchObject({ consequence: 'C1', faults: ['F1'], causation: '次要因素' });
    await page.getByRole('button', { name: '生成征求意见稿' }).click();
    await page.locator('.status', { hasText: '已生成' }).waitFor({ timeout: 60_000 });
    expect(fs.existsSync(path.join(w.out, '空白案.draft-1.pdf'))).toBe(true);
    await shot('form-05-complete-from-nothing');
  });

  it('a new association case is created from the list and opens in the form, organised like the document', async () => {
    await page.getByLabel('新案件文件名').fill('新案');
    await page.getByLabel('文书种类').selectOption('association');
    await page.getByLabel(/空白/).uncheck();
    await page.getByRole('button', { name: '新建' }).click();
    await page.locator('.case', { hasText: '新案.yaml' }).waitFor();
    await page.locator('.case-form').waitFor();
    const sections = await page.locator('.sections button').allInnerTexts();
    expect(sections.map((s) => s.replace(/\s*\d*$/, ''))).toEqual(['委托与基本情况', '双方陈述', '鉴定过程', '医疗过错分析', '因果关系分析', '损害后果', '专家组、鉴定人与落款']);
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
    // The preview shows the edited text.
    await expect.poll(() => previews.at(-1) ?? '', { timeout: 60_000 }).toContain('某某市某某区人民法院（二审）');
  });

  it('the participation field shows its range, refuses 45 for 次要因素 as it is typed, and the rule’s message appears beside it and goes', async () => {
    await section('因果关系分析');
    // The preview opens at the page of the part being edited.
    await expect.poll(async () => (await page.locator('iframe.preview-frame').getAttribute('src')) ?? '').toMatch(/#page=[2-9]/);
    const field = page.locator('.participation input');
    await field.fill('45');
    await expect.poll(() => page.locator('.participation .field-error').innerText()).toContain('16%～44%');
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

  it('an out-of-range participation in the file shows the rule’s message beside the field; the suggested value clears it', async () => {
    await page.locator('.case', { hasText: 'bad.yaml' }).click();
    await section('因果关系分析');
    const beside = page.locator('.participation .field-diagnostics');
    await expect.poll(() => beside.innerText(), { timeout: 30_000 }).toContain('CAUSATION_PARTICIPATION_RANGE');
    expect(await beside.innerText()).toContain('16%～44%');
    await page.getByRole('button', { name: /用建议值 30%/ }).click();
    await beside.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.diagnostics').innerText(), { timeout: 30_000 }).not.toContain('CAUSATION_PARTICIPATION_RANGE');
  });
});
