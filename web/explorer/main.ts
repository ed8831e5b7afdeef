import { catalogView } from './catalogView';
import { datasetView } from './datasetView';
import { replace } from './dom';
import type { View } from './view';

/**
 * The explorer page: a hash router between the catalog (`#/`) and a dataset
 * (`#/dataset/<id>?q=…&refine.f=…`). The hash holds the whole state of a view, so that it can be
 * bookmarked; moving within one dataset updates its view in place (the map stays where it is).
 */
const main = document.getElementById('main') as HTMLElement;
let current: { key: string; view: View } | undefined;

function route(): void {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?', 2);
  const params = new URLSearchParams(query);
  const m = /^\/dataset\/([^/]+)$/.exec(path);
  const key = m ? `dataset:${decodeURIComponent(m[1])}` : 'catalog';
  if (current?.key !== key) {
    current?.view.destroy();
    const view = m ? datasetView(decodeURIComponent(m[1]), navigate) : catalogView(navigate);
    current = { key, view };
    replace(main, view.root);
    document.title = m ? `${decodeURIComponent(m[1])} · portal-search explorer` : 'portal-search explorer';
    main.focus({ preventScroll: true });
  }
  current.view.update(params);
}

function navigate(path: string, params: URLSearchParams): void {
  const query = params.toString();
  const next = `#${path}${query ? `?${query}` : ''}`;
  if (location.hash === next) route();
  else location.hash = next;
}

window.addEventListener('hashchange', route);
route();
