/**
 * The workbench page: src/web (Preact + CodeMirror) bundled into dist/web/app.js and app.css,
 * and the HTML shell that loads them. Everything the page needs is served by `jianding serve`
 * itself: the CSP allows no CDN, no inline script or style, no remote font.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const web = path.join(PACKAGE_ROOT, 'src', 'web');
const out = path.join(PACKAGE_ROOT, 'dist', 'web');

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jianding 工作台</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<div id="app"><p class="boot">正在加载工作台……</p></div>
<noscript>工作台需要启用 JavaScript。</noscript>
</body>
</html>
`;

export async function buildWeb(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [{ in: path.join(web, 'main.tsx'), out: 'app' }, { in: path.join(web, 'app.css'), out: 'app' }],
    outdir: out,
    bundle: true,
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    // The server serves only .js/.css/.woff2/.svg, so a source map would never reach the browser.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(out, 'index.html'), INDEX_HTML);
}
