// The one builder of panel HTML for every Basepair webview: a strict Content-Security-Policy
// (default-src 'none'; scripts and styles only from the extension's dist/ and media/ through
// asWebviewUri, each tag carrying a fresh nonce; images only from there and data:/blob: URLs),
// webview options whose localResourceRoots are limited to dist/ and media/, and an empty #app
// root that the panel's bundle (dist/webview/<panel>.js) fills with text-only DOM.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface PanelPage {
  /** document title (plain text) */
  title: string;
  /** bundle under dist/webview/, e.g. 'structure.js' */
  script: string;
  /** style sheets under media/, e.g. ['webview.css', 'structure.css'] */
  styles: string[];
}

export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options for createWebviewPanel and for panels restored by a serializer. */
export function panelWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: panelResourceRoots(extensionUri) };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: PanelPage, nonce = makeNonce()): string {
  const asset = (...p: string[]) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString());
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = page.styles.map((s) => `  <link rel="stylesheet" nonce="${nonce}" href="${asset('media', s)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>${escapeHtml(page.title)}</title>
</head>
<body>
  <div id="app" data-state="empty"></div>
  <script nonce="${nonce}" src="${asset('dist', 'webview', page.script)}"></script>
</body>
</html>
`;
}
