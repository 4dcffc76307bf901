// The colours a panel draws with, resolved to plain CSS colour strings so that pure drawing code
// (and exported SVG/PNG files) never depend on CSS variables. theme.ts fills them from the
// VS Code theme in the webview; the defaults below are VS Code's Dark Modern / Light Modern values.

export type ThemeKind = 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';

export interface ThemeColours {
  kind: ThemeKind;
  background: string;
  foreground: string;
  /** secondary text, axes, ticks */
  muted: string;
  /** faint lines: grid, backbone */
  lines: string;
  /** hover / selection highlight */
  highlight: string;
  red: string;
  blue: string;
  yellow: string;
  orange: string;
  green: string;
  purple: string;
  fontFamily: string;
}

export const DARK_COLOURS: ThemeColours = {
  kind: 'dark',
  background: '#1f1f1f',
  foreground: '#cccccc',
  muted: '#9d9d9d',
  lines: 'rgba(204, 204, 204, 0.5)',
  highlight: '#0078d4',
  red: '#f14c4c',
  blue: '#3794ff',
  yellow: '#cca700',
  orange: '#d18616',
  green: '#89d185',
  purple: '#b180d7',
  fontFamily: 'system-ui, sans-serif',
};

export const LIGHT_COLOURS: ThemeColours = {
  kind: 'light',
  background: '#ffffff',
  foreground: '#3b3b3b',
  muted: '#717171',
  lines: 'rgba(59, 59, 59, 0.5)',
  highlight: '#005fb8',
  red: '#e51400',
  blue: '#1a85ff',
  yellow: '#bf8803',
  orange: '#d18616',
  green: '#388a34',
  purple: '#652d90',
  fontFamily: 'system-ui, sans-serif',
};

export function defaultColours(kind: ThemeKind): ThemeColours {
  return kind === 'light' || kind === 'high-contrast-light' ? { ...LIGHT_COLOURS, kind } : { ...DARK_COLOURS, kind };
}
