import { el, replace } from './dom';

/**
 * The facets' box: a disclosure that is open on wide screens and closed on phones, where the
 * facets would otherwise push the results a few screens down. It stays as the user left it when
 * the facets are redrawn.
 */
export function facetBox(label: string): { root: HTMLElement; set(content: HTMLElement): void } {
  const body = el('div', { class: 'facet-box-body' });
  const details = el('details', { class: 'facet-box', open: window.matchMedia('(min-width: 900px)').matches },
    el('summary', {}, label), body);
  return { root: el('aside', { class: 'side', 'aria-label': label }, details), set: (content) => replace(body, content) };
}
