import { el } from './dom';
import { isGeoType, type Field, type RecordItem } from './types';

/** A cell's text: arrays joined, objects as JSON, nothing for a missing value. */
function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * One page of records as a table, one column per field but the geometries (the map shows them).
 * The table scrolls sideways inside its own box, so a phone's page never does.
 */
export function recordTable(fields: readonly Field[], records: readonly RecordItem[], caption: string): HTMLElement {
  const columns = fields.filter((f) => !isGeoType(f.type));
  const table = el('table', { class: 'records' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...columns.map((f) => el('th', { scope: 'col', 'data-field': f.name }, f.label)))),
    el('tbody', {}, ...records.map((r) => el('tr', { 'data-recordid': r.recordid },
      ...columns.map((f) => el('td', { 'data-field': f.name }, cellText(r.fields[f.name])))))));
  return el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption }, table);
}
