// Turns an SvgNode tree (svgTree.ts) into live SVG DOM: attributes through setAttribute, text only
// through text nodes, so ids and descriptions can never become markup.
/// <reference lib="dom" />
import { SVG_NS, num, type SvgNode } from './svgTree';

export function toSvgElement(node: SvgNode): SVGElement {
  const el = document.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v !== undefined) el.setAttribute(k, typeof v === 'number' ? num(v) : v);
  }
  if (node.text !== undefined) el.appendChild(document.createTextNode(node.text));
  for (const c of node.children ?? []) el.appendChild(toSvgElement(c));
  return el;
}
