// A plain HTML page that hosts the structure panel's webview bundle outside VS Code (benchmark,
// quick visual checks): a stub of acquireVsCodeApi that records what the panel posts, the panel's
// style sheets, and the VS Code theme variables the panel reads (Dark/Light Modern values).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', descriptionForeground: '#9d9d9d', focusBorder: '#0078d4',
      'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-yellow': '#cca700', 'charts-orange': '#d18616',
      'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-lines': 'rgba(204, 204, 204, 0.5)',
      'panel-border': '#2b2b2b', 'button-background': '#0078d4', 'button-foreground': '#ffffff',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'font-family': 'system-ui, sans-serif',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', descriptionForeground: '#717171', focusBorder: '#005fb8',
      'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-yellow': '#bf8803', 'charts-orange': '#d18616',
      'charts-green': '#388a34', 'charts-purple': '#652d90', 'charts-lines': 'rgba(59, 59, 59, 0.5)',
      'panel-border': '#e5e5e5', 'button-background': '#005fb8', 'button-foreground': '#ffffff',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'font-family': 'system-ui, sans-serif',
    },
  },
};

/** Writes the page next to the bundle's dist/ and returns its file path. */
export function writeStandalonePage(theme: keyof typeof THEMES, file = path.join(ROOT, 'test-output', 'bench', `structure-panel-${theme}.html`)): string {
  const bundle = path.join(ROOT, 'dist', 'webview', 'structure.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is not built: run \`node esbuild.mjs\``);
  const t = THEMES[theme];
  const vars = Object.entries(t.vars).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const url = (p: string) => 'file://' + path.join(ROOT, p);
  const html = `<!DOCTYPE html>
<html><head><meta charset="UTF-8">
<style>html { ${vars} }</style>
<link rel="stylesheet" href="${url('media/webview.css')}">
<link rel="stylesheet" href="${url('media/structure.css')}">
<script>
  window.__posted = [];
  window.__state = undefined;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
</script>
</head><body class="${t.bodyClass}"><div id="app" data-state="empty"></div>
<script src="${url('dist/webview/structure.js')}"></script>
</body></html>`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  return file;
}
