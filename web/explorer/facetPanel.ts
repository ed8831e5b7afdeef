import { el, formatCount } from './dom';
import { toggleExclude, toggleRefine, type Filters } from './filters';
import type { Facet, FacetGroup } from './types';

/** Values shown before "Show all": 10 at the top, 12 below (a year's months). */
const shownAt = (depth: number): number => (depth === 0 ? 10 : 12);
/** Fields (or paths) whose whole list the user asked to see; kept across redraws. */
const expanded = new Set<string>();

export interface FacetPanelOptions {
  groups: readonly FacetGroup[];
  /** Field name → label. */
  labels: ReadonlyMap<string, string>;
  /** Fields whose refines are ORed (annotated `disjunctive`). */
  disjunctive: ReadonlySet<string>;
  filters: Filters;
  onChange(next: Filters): void;
}

/**
 * The facet groups of an answer as nested lists of buttons: a value refines (pressed again, lets
 * go), its ✕ excludes. A refined date shows the next level under it (year → month → day), which
 * the API sends below the refined path.
 */
export function facetPanel(o: FacetPanelOptions): HTMLElement {
  const root = el('div', { class: 'facets' });
  for (const g of o.groups) {
    const label = o.labels.get(g.name) ?? g.name;
    const disjunctive = o.disjunctive.has(g.name);
    const heading = el('h3', { id: `facet-${g.name}` }, label, disjunctive ? el('span', { class: 'hint' }, ' (any of)') : null);
    root.append(el('section', { class: 'facet-group', 'data-field': g.name, 'aria-labelledby': `facet-${g.name}` }, heading,
      g.facets.length === 0 ? el('p', { class: 'empty' }, 'No values') : level(o, g.name, label, disjunctive, g.facets, g.name, 0)));
  }
  return root;
}

function level(o: FacetPanelOptions, field: string, label: string, disjunctive: boolean, facets: readonly Facet[], key: string, depth: number): HTMLElement {
  const list = el('ul', {});
  const all = expanded.has(key);
  facets.forEach((f, i) => {
    if (!all && i >= shownAt(depth) && f.state === 'displayed') return;
    const refined = f.state === 'refined';
    const excluded = f.state === 'excluded';
    const value = el('button', {
      type: 'button', class: 'facet-value', 'aria-pressed': String(refined),
      onclick: () => o.onChange(toggleRefine(o.filters, field, f.path, disjunctive)),
    }, el('span', { class: 'facet-name' }, f.name), ' ', el('span', { class: 'count' }, formatCount(f.count)));
    const exclude = el('button', {
      type: 'button', class: 'facet-exclude', 'aria-pressed': String(excluded),
      'aria-label': `${excluded ? 'Include again' : 'Exclude'} ${label} ${f.path}`, title: excluded ? 'Include again' : 'Exclude',
      onclick: () => o.onChange(toggleExclude(o.filters, field, f.path)),
    }, '✕');
    list.append(el('li', { class: 'facet', 'data-path': f.path, 'data-state': f.state, 'data-count': f.count }, el('div', { class: 'facet-row' }, value, exclude),
      f.facets && f.facets.length > 0 ? level(o, field, label, disjunctive, f.facets, `${key}/${f.path}`, depth + 1) : null));
  });
  if (facets.length > shownAt(depth)) {
    list.append(el('li', {}, el('button', {
      type: 'button', class: 'facet-more', 'aria-expanded': String(all),
      onclick: () => {
        if (all) expanded.delete(key); else expanded.add(key);
        const again = level(o, field, label, disjunctive, facets, key, depth);
        list.replaceWith(again);
        again.querySelector<HTMLButtonElement>(':scope > li > .facet-more')?.focus();
      },
    }, all ? 'Show fewer' : `Show all ${facets.length}`)));
  }
  return list;
}
