import { formatCount } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 24;
/** Share of the width the labels take; bars share the rest with their value. */
const LABEL = 38;
const BARS = 48;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A horizontal bar chart, one row per point: horizontal so that long labels read on a phone.
 * Widths are percentages of the SVG's own width, so it follows its container without scaling the
 * text down.
 */
export function barChart(title: string, points: ReadonlyArray<{ label: string; value: number }>): SVGSVGElement {
  const max = Math.max(1, ...points.map((p) => p.value));
  const root = svg('svg', { class: 'bar-chart', width: '100%', height: points.length * ROW + 4, role: 'img', 'aria-label': title });
  root.append(svg('title', {}, title));
  points.forEach((p, i) => {
    const y = i * ROW + 2;
    const width = (p.value / max) * BARS;
    const g = svg('g', { class: 'bar', 'data-label': p.label, 'data-value': p.value });
    g.append(svg('title', {}, `${p.label}: ${formatCount(p.value)}`));
    g.append(svg('text', { x: `${LABEL - 1}%`, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, clip(p.label, 24)));
    g.append(svg('rect', { x: `${LABEL}%`, y: y + 3, width: `${Math.max(width, 0.3)}%`, height: ROW - 6, rx: 2 }));
    g.append(svg('text', { x: `${LABEL + width + 1}%`, y: y + ROW / 2 + 4, class: 'bar-value' }, formatCount(p.value)));
    root.append(g);
  });
  return root;
}
