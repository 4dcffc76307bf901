// A small SVG element tree built by pure functions: the same tree becomes live DOM in the webview
// (svgDom.ts, text through text nodes) and a standalone .svg file (toSvgString, escaped), so what
// is exported is exactly what is drawn. Runs in Node too (unit tests, benchmarks).

export interface SvgNode {
  tag: string;
  attrs?: Record<string, string | number | undefined>;
  children?: SvgNode[];
  /** text content (for <text>, <title>); always escaped / set as a text node, never parsed */
  text?: string;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs?: SvgNode['attrs'], children?: SvgNode[], text?: string): SvgNode {
  return { tag, ...(attrs ? { attrs } : {}), ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Numbers in attributes: at most 2 decimals, no trailing zeros (small files, stable output). */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

const TAG = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

function attrsToString(attrs: SvgNode['attrs']): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined) continue;
    if (!TAG.test(k)) throw new Error(`bad attribute name ${k}`);
    out += ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v)}"`;
  }
  return out;
}

/** Serialises a tree as XML; the root gets the SVG namespace when it is an <svg>. */
export function toSvgString(node: SvgNode, indent = ''): string {
  if (!TAG.test(node.tag)) throw new Error(`bad tag ${node.tag}`);
  const attrs = node.tag === 'svg' && indent === '' ? { xmlns: SVG_NS, ...node.attrs } : node.attrs;
  const open = `${indent}<${node.tag}${attrsToString(attrs)}`;
  const kids = node.children ?? [];
  if (!kids.length && node.text === undefined) return `${open}/>`;
  if (!kids.length) return `${open}>${escapeXml(node.text!)}</${node.tag}>`;
  const inner = kids.map((c) => toSvgString(c, indent + ' ')).join('\n');
  const text = node.text !== undefined ? escapeXml(node.text) : '';
  return `${open}>${text}\n${inner}\n${indent}</${node.tag}>`;
}

/** Counts the nodes of a tree that satisfy a predicate (tests, checks). */
export function countNodes(node: SvgNode, pred: (n: SvgNode) => boolean): number {
  let c = pred(node) ? 1 : 0;
  for (const k of node.children ?? []) c += countNodes(k, pred);
  return c;
}
