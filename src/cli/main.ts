#!/usr/bin/env node
/** jianding: the command line. Results go to stdout, messages to stderr; exit 0 done, 1 invalid input, 2 usage or I/O. */
import { Command, CommanderError, Option } from 'commander';
import type { OutputFormat } from '../pipeline/renderCase.js';
import { causationTable } from './commands/causation.js';
import { initCommand, INIT_KINDS } from './commands/init.js';
import { caseJsonSchema } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { loadConfig, type Config } from './config.js';
import { EXIT, UsageError } from './errors.js';
import { t, type Lang } from './i18n.js';
// Rendering pulls in docx, pdf-lib and fonts: loaded only by the commands that render.
import type { RenderFileOptions } from './renderFile.js';
import { TOOL_VERSION } from './version.js';

const debug = process.argv.includes('--debug');
/** Read before commander parses, so that commander's own usage errors can be worded too. */
function langFromArgv(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (i >= 0 && argv[i + 1] === 'en') ? 'en' : 'zh';
}
const lang = langFromArgv(process.argv);

function formats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => f !== 'docx' && f !== 'pdf');
  if (bad.length || list.length === 0) throw new UsageError(`--format 只能是 docx、pdf 或 docx,pdf，收到「${value}」`, `--format must be docx, pdf or docx,pdf (got "${value}")`);
  return [...new Set(list)] as OutputFormat[];
}

interface RenderFlags { format?: string; out?: string; templates?: string; draft?: boolean; final?: boolean; force?: boolean; sample?: boolean; config?: string; jobs?: string }

function renderOptions(flags: RenderFlags, config: Config): RenderFileOptions {
  if (flags.draft && flags.final) throw new UsageError('--draft 与 --final 不能同时使用', '--draft and --final exclude each other');
  return {
    out: flags.out ?? config.out ?? 'output',
    formats: flags.format ? formats(flags.format) : config.formats ?? ['docx', 'pdf'],
    templatesDir: flags.templates ?? config.templates,
    status: flags.draft ? 'draft' : flags.final ? 'final' : undefined,
    sample: flags.sample ?? false,
    force: flags.force ?? false,
    fonts: config.fonts,
    defaults: { institution: config.institution },
  };
}

function withCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default('zh'))
    .option('--config <file>', '配置文件（缺省：jianding.config.json 或 package.json 的 jianding 键）')
    .option('--debug', '出错时打印调用栈');
}

function renderFlags(cmd: Command): Command {
  return cmd
    .option('--format <list>', '输出格式：docx、pdf 或 docx,pdf（缺省两者）')
    .option('--templates <dir>', '机构自定义模板文件夹（同名文件优先）')
    .option('--draft', '生成征求意见稿（带「征求意见稿」标记，不盖章）')
    .option('--final', '生成正式文书')
    .option('--force', '允许覆盖已存在的正式文书')
    .option('--sample', '培训样本：加「样本」水印并匿名化姓名与医疗机构');
}

function program(): Command {
  const p = new Command('jianding')
    .description('医疗损害鉴定意见书生成工具：校验案件文件，生成 DOCX 与 PDF')
    .version(TOOL_VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  withCommon(p.command('validate <files...>').description('校验案件文件（退出码：0 通过，1 有错误，2 用法或读写错误）').option('--json', '以 JSON 输出诊断'))
    .action((files: string[], o: { json?: boolean; config?: string }) => { process.exitCode = validateCommand(files, { json: o.json, lang }, loadConfig(o.config)); });
  renderFlags(withCommon(p.command('render <file>').description('生成一件案件的鉴定文书').option('--out <dir>', '输出文件夹（缺省 output）')))
    .action(async (file: string, o: RenderFlags) => {
      const { renderCommand } = await import('./commands/render.js');
      process.exitCode = await renderCommand(file, renderOptions(o, loadConfig(o.config)), lang);
    });
  renderFlags(withCommon(p.command('batch <inputs...>').description('批量生成文件夹中的全部案件').requiredOption('--out <dir>', '输出文件夹').option('--jobs <n>', '并行数（缺省为 CPU 核数）')))
    .action(async (inputs: string[], o: RenderFlags) => {
      const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new UsageError('--jobs 应为正整数', '--jobs must be a positive integer');
      const { batchCommand } = await import('./commands/batch.js');
      process.exitCode = await batchCommand(inputs, { ...renderOptions(o, loadConfig(o.config)), jobs }, lang);
    });
  withCommon(p.command('init').description('写出一份带注释的完整示例案件').addOption(new Option('--kind <kind>', '文书种类').choices([...INIT_KINDS]).default('association')).option('--out <file>', '写入的文件', 'case.yaml').option('--force', '覆盖已存在的文件'))
    .action((o: { kind: string; out: string; force?: boolean }) => { process.exitCode = initCommand(o.kind, o.out, o.force ?? false); });
  withCommon(p.command('schema').description('输出案件文件的 JSON Schema'))
    .action(() => { process.stdout.write(`${JSON.stringify(caseJsonSchema(), null, 2)}\n`); });
  withCommon(p.command('causation').description('打印原因力与参与度对照表'))
    .action(() => { process.stdout.write(`${causationTable()}\n`); });
  return p;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${t('error', lang)}：${lang === 'en' ? e.messageEn : e.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`${t('internal', lang)}：${(e as Error).message}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = EXIT.usage;
  }
}

void main();
