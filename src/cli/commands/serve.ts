/** jianding serve [FOLDER] [--port N] [--out DIR] [--open]: the local workbench for the case files in FOLDER. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../../serve/server.js';
import type { Lang } from '../i18n.js';
import { UsageError } from '../errors.js';
import type { RenderFileOptions } from '../renderFile.js';

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch {
    // No browser to open: the address is printed anyway.
  }
}

export async function serveCommand(folder: string, o: { port?: number; open?: boolean; render: RenderFileOptions }, lang: Lang): Promise<void> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`${folder} 不是文件夹：jianding serve 需要存放案件文件的文件夹`, `${folder} is not a folder`);
  const running = await serve({ folder: path.resolve(folder), out: path.resolve(o.render.out), register: o.render.register, fonts: o.render.fonts, style: o.render.style, defaults: o.render.defaults, templatesDir: o.render.templatesDir, deid: o.render.deid, port: o.port })
    .catch((e: NodeJS.ErrnoException) => { throw new UsageError(`无法启动工作台：${e.code === 'EADDRINUSE' ? `端口 ${o.port} 已被占用` : e.message}`, `Cannot start the workbench: ${e.message}`); });
  process.stdout.write(`${lang === 'en' ? 'workbench' : '工作台'}：${running.url}\n${lang === 'en' ? 'Press Ctrl-C to stop.' : '在浏览器中打开上面的地址；按 Ctrl-C 停止。'}\n`);
  if (o.open) openBrowser(running.url);
  await new Promise<void>((resolve) => process.once('SIGINT', () => void running.close().then(resolve)));
}
