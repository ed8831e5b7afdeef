import { el, formatCount } from './dom';

/** The API's window: `start + rows` may not pass 10,000 (README "Records search"); the download reads the rest. */
export const MAX_WINDOW = 10000;

/** Previous / next buttons and "start–end of total" for a page of `rows` from `start`. */
export function pager(what: string, start: number, rows: number, total: number, go: (start: number) => void): HTMLElement {
  const last = Math.min(start + rows, total);
  const canNext = start + rows < Math.min(total, MAX_WINDOW);
  return el('nav', { class: 'pager', 'aria-label': `${what} pages` },
    el('button', { type: 'button', class: 'pager-prev', disabled: start === 0, onclick: () => go(Math.max(0, start - rows)) }, '‹ Previous'),
    el('span', { class: 'pager-status', 'aria-live': 'polite' }, total === 0 ? `No ${what}` : `${formatCount(start + 1)}–${formatCount(last)} of ${formatCount(total)} ${what}`),
    el('button', { type: 'button', class: 'pager-next', disabled: !canNext, onclick: () => go(start + rows) }, 'Next ›'));
}
