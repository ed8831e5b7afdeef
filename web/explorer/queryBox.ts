import { ApiError } from './api';
import { caretLines } from './caret';
import { el, replace } from './dom';

/**
 * A labelled search box. The query is sent when the form is submitted (Enter, or the button); an
 * error about `q` shows the API's message and, when it gives a position, the query with a caret
 * under that position.
 */
export function queryBox(opts: { label: string; value: string; placeholder: string; onSubmit(q: string): void }): {
  root: HTMLElement;
  showError(err: ApiError | null, q: string): void;
} {
  const inputId = `q-${opts.label.replace(/\W+/g, '-').toLowerCase()}`;
  const errorId = `${inputId}-error`;
  const input = el('input', { id: inputId, type: 'search', name: 'q', value: opts.value, placeholder: opts.placeholder, autocomplete: 'off', spellcheck: 'false' });
  const error = el('div', { id: errorId, class: 'query-error', role: 'alert', hidden: true });
  const form = el('form', { class: 'query', role: 'search', onsubmit: (e: Event) => { e.preventDefault(); opts.onSubmit(input.value); } },
    el('label', { for: inputId }, opts.label),
    el('div', { class: 'query-row' }, input, el('button', { type: 'submit' }, 'Search')),
    error);
  return {
    root: form,
    showError(err, q) {
      if (err === null) {
        error.hidden = true;
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
        replace(error);
        return;
      }
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
      // The API's message repeats the query and a caret after its first line; the page draws its own.
      const message = err.message.split('\n')[0];
      if (err.position === undefined) { replace(error, el('p', {}, message)); return; }
      const { line, caret } = caretLines(q, err.position);
      replace(error, el('p', {}, message), el('pre', { class: 'caret', 'data-position': err.position }, el('span', { class: 'caret-query' }, line), '\n', el('span', { class: 'caret-mark' }, caret)));
    },
  };
}
