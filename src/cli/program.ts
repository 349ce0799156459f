/** The commands and their options. Results go to stdout, messages to stderr. */
import path from 'node:path';
import { Command, Option } from 'commander';
import { INIT_KINDS } from './commands/init.js';
import { chineseCommanderError } from './commanderMessages.js';
import { loadConfig } from './config.js';
import { UsageError } from './errors.js';
import { t, type Lang } from './i18n.js';
import type { Note } from './referenceFonts.js';
import { parseJobs, renderOptions, type RenderFlags } from './renderOptions.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

function withCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default('zh'))
    .option('--config <file>', '配置文件（缺省：jianding.config.json 或 package.json 的 jianding 键）')
    .option('--debug', '出错时打印调用栈');
}

function withRenderFlags(cmd: Command): Command {
  return withCommon(cmd)
    .option('--format <list>', '输出格式：docx、pdf 或 docx,pdf（缺省两者）')
    .option('--templates <dir>', '机构自定义模板文件夹（同名文件优先）')
    .option('--draft', '生成征求意见稿（带「征求意见稿」标记，不盖章）')
    .option('--final', '生成正式文书')
    .option('--force', '征求意见稿或样本即使已是最新也重新生成一轮（不适用于正式文书）')
    .option('--correction <reason>', '生成正式文书的更正版本并写明原因；原正式文书保留')
    .option('--correction-kind <kind>', '更正的种类：补正 或 更正（缺省 更正）')
    .option('--sample', '培训样本：加「样本」水印，去除个人信息（姓名、身份证号、电话、病历号、地址、机构等），复查残留后才写出，并附 .deid.txt 报告')
    .option('--shift-dates <days>', '培训样本的全部日期平移的天数（间隔不变；缺省取配置 deid.shiftDays，否则不平移）')
    .option('--serif-font <file>', 'PDF 正文字体（TTF/TTC/OTF，如机构授权的仿宋_GB2312）')
    .option('--sans-font <file>', 'PDF 标题字体（TTF/TTC/OTF，如黑体）');
}

/** Options of the command and of the program (`jianding --config x render …` works too). */
const flagsOf = <T>(cmd: Command) => cmd.optsWithGlobals() as T;

/** Printed before rendering: what the user should know about the options but need not stop for. */
const printNote = (lang: Lang) => (n: Note): void => {
  process.stderr.write(`${t('warning', lang)}：${lang === 'en' ? n.en : n.zh}\n`);
};

function addRender(p: Command, lang: Lang): void {
  withRenderFlags(p.command('render <file>').description('生成一件案件的鉴定文书').option('--out <dir>', '输出文件夹（缺省 output）'))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const flags = flagsOf<RenderFlags>(cmd);
      // Rendering pulls in docx, pdf-lib and fonts: loaded only by the commands that render.
      const { renderCommand } = await import('./commands/render.js');
      process.exitCode = await renderCommand(file, renderOptions(flags, loadConfig(flags.config), printNote(lang)), lang);
    });
}

function addBatch(p: Command, lang: Lang): void {
  withRenderFlags(p.command('batch <inputs...>').description('批量生成文件夹中的全部案件').requiredOption('--out <dir>', '输出文件夹').option('--jobs <n>', '并行数（缺省为 CPU 核数）'))
    .action(async (inputs: string[], _o: unknown, cmd: Command) => {
      const flags = flagsOf<RenderFlags>(cmd);
      const jobs = parseJobs(flags.jobs);
      const { batchCommand } = await import('./commands/batch.js');
      process.exitCode = await batchCommand(inputs, { ...renderOptions(flags, loadConfig(flags.config), printNote(lang)), jobs }, lang);
    });
}

function addServe(p: Command, lang: Lang): void {
  withCommon(p.command('serve [folder]').description('启动本机工作台：在浏览器中填写、校验、预览、保存并生成文书')
    .option('--port <n>', '端口（缺省随机）').option('--out <dir>', '输出文件夹（缺省为案件文件夹中的 output）').option('--open', '用浏览器打开'))
    .action(async (folder: string | undefined, _o: unknown, cmd: Command) => {
      const flags = flagsOf<RenderFlags & { port?: string; open?: boolean }>(cmd);
      const dir = folder ?? '.';
      const port = flags.port === undefined ? undefined : Number(flags.port);
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError('--port 应为 1–65535 的整数', '--port must be an integer 1–65535');
      const config = loadConfig(flags.config);
      const render = renderOptions({ ...flags, out: flags.out ?? config.out ?? path.join(dir, 'output') }, config, printNote(lang));
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(dir, { port, open: flags.open, render }, lang);
    });
}

/** A date for the tracked changes: YYYY-MM-DD naming a real day. */
function parseRevisionDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--date 应为 YYYY-MM-DD 格式的日期，收到「${value}」`, `--date must be a date YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

function addDiff(p: Command, lang: Lang): void {
  withCommon(p.command('diff <old> <new>').description('比较同一案件的两个版本：写出修订稿 DOCX（修订标记），并列出改动的字段')
    .option('--out <file>', '修订稿文件（缺省：输出文件夹中的 <新版本名>.redline.docx）')
    .option('--date <date>', '修订标记的日期 YYYY-MM-DD（缺省：新版本的出具日期）')
    .option('--templates <dir>', '机构自定义模板文件夹（同名文件优先）')
    .option('--json', '以 JSON 输出摘要'))
    .action(async (oldFile: string, newFile: string, _o: unknown, cmd: Command) => {
      const flags = flagsOf<RenderFlags & { date?: string; json?: boolean }>(cmd);
      const config = loadConfig(flags.config);
      const render = renderOptions({ templates: flags.templates }, config);
      const date = parseRevisionDate(flags.date);
      const { diffCommand, diffOutPath } = await import('./commands/diff.js');
      process.exitCode = await diffCommand(oldFile, newFile, {
        out: diffOutPath(newFile, flags.out, render.out), date, json: flags.json, templatesDir: render.templatesDir,
        fonts: render.fonts, style: render.style, defaults: render.defaults, generator: `${TOOL_NAME} ${TOOL_VERSION}`,
      }, lang);
    });
}

function addSmallCommands(p: Command, lang: Lang): void {
  withCommon(p.command('validate <files...>').description('校验案件文件（退出码：0 通过，1 有错误，2 用法或读写错误）').option('--json', '以 JSON 输出诊断'))
    .action(async (files: string[], _o: unknown, cmd: Command) => {
      const flags = flagsOf<{ json?: boolean; config?: string }>(cmd);
      // Each command loads its own code when it runs (the bundle keeps them in separate chunks).
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = validateCommand(files, { json: flags.json, lang }, loadConfig(flags.config));
    });
  withCommon(p.command('check-templates <folder>').description('检查机构模板文件夹：列出全部模板错误（文件、行列号）（退出码：0 无错误，1 有错误）'))
    .action(async (dir: string) => {
      const { checkTemplatesCommand } = await import('./commands/checkTemplates.js');
      process.exitCode = checkTemplatesCommand(dir, lang);
    });
  withCommon(p.command('init').description('写出一份带注释的完整示例案件')
    .addOption(new Option('--kind <kind>', '文书种类').choices([...INIT_KINDS]).default('association'))
    .option('--out <file>', '写入的文件', 'case.yaml').option('--force', '覆盖已存在的文件'))
    .action(async (o: { kind: string; out: string; force?: boolean }) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = initCommand(o.kind, o.out, o.force ?? false);
    });
  withCommon(p.command('schema').description('输出案件文件的 JSON Schema'))
    .action(async () => {
      const { caseJsonSchema } = await import('../schema/jsonSchema.js');
      process.stdout.write(`${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
    });
  withCommon(p.command('register [cases...]').description('列出登记簿：每件案件的各个版本（征求意见稿各轮、正式文书及其更正）及其文件')
    .option('--out <dir>', '输出文件夹（缺省 output）').option('--json', '以 JSON 输出'))
    .action(async (names: string[], _o: unknown, cmd: Command) => {
      const flags = flagsOf<{ out?: string; json?: boolean; config?: string }>(cmd);
      const config = loadConfig(flags.config);
      const { registerCommand } = await import('./commands/register.js');
      process.exitCode = registerCommand(names, { out: flags.out ?? config.out ?? 'output', register: config.register, json: flags.json }, lang);
    });
  withCommon(p.command('causation').description('打印原因力与参与度对照表'))
    .action(async () => {
      const { causationTable } = await import('./commands/causation.js');
      process.stdout.write(`${causationTable()}\n`);
    });
}

function addSigning(p: Command, lang: Lang): void {
  withCommon(p.command('sign <pdf>').description('在正式文书 PDF 的落款处添加 PAdES 数字签名（鉴定人逐一签名，最后加盖机构电子印章）')
    .requiredOption('--p12 <file>', '签名证书（PKCS#12 .p12/.pfx）').option('--password <pw>', '证书密码（缺省读取环境变量 JIANDING_P12_PASSWORD）')
    .option('--password-env <name>', '从此环境变量读取证书密码').option('--signer <name>', '在落款中此人（姓名）的签名位置签名')
    .option('--seal', '签在机构印章位置（最后一个签名）').option('--reason <text>', '签名原因').option('--location <text>', '签名地点')
    .option('--image <png>', '签名位置显示的图片（手写签名或电子印章，透明 PNG）').option('--out <file>', '写入的文件（缺省 X.signed.pdf）')
    .option('--tsa <url>', '时间戳服务器（RFC 3161）：签名为 PAdES B-T（缺省取配置的 tsaUrl；都没有时为 B-B）'))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const flags = flagsOf<import('./commands/sign.js').SignFlags & { config?: string }>(cmd);
      const { signCommand } = await import('./commands/sign.js');
      const config = loadConfig(flags.config);
      const tsa = flags.tsa ?? config.tsaUrl;
      process.exitCode = await signCommand(file, { ...flags, register: flags.register ?? config.register, ...(tsa ? { tsa } : {}) });
    });
  withCommon(p.command('verify [file]').description('核验文书：是否与 jianding 生成的逐字节相同、生成后是否被改动、各签名是否有效（退出码：0 通过，1 未通过，2 用法错误）')
    .option('--templates <dir>', '生成时所用的机构模板文件夹').option('--serif-font <file>', '生成时所用的 PDF 正文字体').option('--sans-font <file>', '生成时所用的 PDF 标题字体')
    .option('--case <file>', '用此案件文件重新生成并比对（DOCX 须提供；PDF 缺省用嵌入的案件文件）').option('--code <code>', '在登记簿中查询校验码')
    .option('--register <file>', '登记簿文件（缺省为文书所在文件夹中的登记簿）')
    .option('--out <dir>', '查询校验码时所用登记簿的输出文件夹（缺省 output）').option('--json', '以 JSON 输出'))
    .action(async (file: string | undefined, _o: unknown, cmd: Command) => {
      const flags = flagsOf<RenderFlags & import('./commands/verify.js').VerifyFlags>(cmd);
      const config = loadConfig(flags.config);
      const o = renderOptions(flags, config, printNote(lang));
      const { verifyCommand } = await import('./commands/verify.js');
      const { TOOL_NAME } = await import('./version.js');
      const settings = { templatesDir: o.templatesDir, fonts: o.fonts, style: o.style, images: o.images, referenceDocx: o.referenceDocx, generator: `${TOOL_NAME} ${TOOL_VERSION}` };
      process.exitCode = await verifyCommand(file, { ...flags, register: flags.register ?? config.register, out: flags.out ?? config.out }, settings);
    });
}

export function program(lang: Lang): Command {
  const p = new Command('jianding')
    .description('医疗损害鉴定意见书生成工具：校验案件文件，生成 DOCX 与 PDF')
    .version(TOOL_VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(lang === 'en' ? s : chineseCommanderError(s)),
    });
  withCommon(p);
  addSmallCommands(p, lang);
  addRender(p, lang);
  addSigning(p, lang);
  addBatch(p, lang);
  addServe(p, lang);
  addDiff(p, lang);
  return p;
}
