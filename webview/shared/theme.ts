// Reads the panel's colours from the VS Code theme (the CSS variables VS Code sets on the webview's
// <html>/<body>) and tells when the theme changes (VS Code swaps the body class and variables).
/// <reference lib="dom" />
import { defaultColours, type ThemeColours, type ThemeKind } from './themeColours';

function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Current theme colours; any variable the theme does not set keeps the default of its kind. */
export function readTheme(): ThemeColours {
  const kind = themeKind();
  const base = defaultColours(kind);
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(`--vscode-${name}`).trim() || fallback;
  const hc = kind === 'high-contrast' || kind === 'high-contrast-light';
  return {
    kind,
    background: v('editor-background', base.background),
    foreground: v('editor-foreground', base.foreground),
    muted: v('descriptionForeground', base.muted),
    lines: hc ? v('contrastBorder', base.lines) : v('charts-lines', base.lines),
    highlight: hc ? v('contrastActiveBorder', base.highlight) : v('focusBorder', base.highlight),
    red: v('charts-red', base.red),
    blue: v('charts-blue', base.blue),
    yellow: v('charts-yellow', base.yellow),
    orange: v('charts-orange', base.orange),
    green: v('charts-green', base.green),
    purple: v('charts-purple', base.purple),
    fontFamily: v('font-family', base.fontFamily),
  };
}

/** Calls `cb` after VS Code switches the theme (body class or inline variables change). */
export function onThemeChange(cb: () => void): () => void {
  let pending = 0;
  const fire = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(cb);
  };
  const obs = new MutationObserver(fire);
  obs.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => obs.disconnect();
}
