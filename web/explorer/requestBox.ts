import { el } from './dom';

let serial = 0;

/**
 * The URL of the API request behind a view, in a read-only text field with a copy button: the
 * developer sees exactly what the page asked and can paste it into curl or their own code.
 */
export function requestBox(what: string): { root: HTMLElement; set(url: string): void } {
  const id = `request-${++serial}`;
  const input = el('input', { id, type: 'text', readonly: true, class: 'request-url', spellcheck: 'false', value: '' });
  const status = el('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
  const copy = el('button', {
    type: 'button',
    onclick: () => {
      input.select();
      const done = (): void => { status.textContent = 'Copied'; setTimeout(() => { status.textContent = ''; }, 1500); };
      // navigator.clipboard needs a secure context; on plain http the selection lets the user copy by hand.
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(input.value).then(done, () => undefined);
      else if (document.execCommand('copy')) done();
    },
  }, 'Copy');
  const root = el('div', { class: 'request' }, el('label', { for: id }, `API request (${what})`), el('div', { class: 'request-row' }, input, copy, status));
  return { root, set: (url: string) => { input.value = url; } };
}
