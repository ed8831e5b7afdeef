import { FieldDef } from '../model/descriptor';
import { AppError } from '../errors/catalogue';
import type { SortKey } from '../model/searchPlan';
import { recordPaths } from '../schema/recordPaths';
import { sortSpec } from '../model/sortSpec';

const isSortable = (f: FieldDef): boolean => f.annotations.some((a) => a.name === 'sortable');

/**
 * `sort` (SPEC §3): numbers and dates `f` descending, `-f` ascending; sortable text `f` A→Z,
 * `-f` Z→A (what ods-widgets relies on), compared folded; `record_timestamp` as a datetime.
 * Anything else is a 400. Ties are broken by record id, so pages never overlap.
 */
export function planSort(schema: readonly FieldDef[], sort: readonly string[]): SortKey[] {
  const keys: SortKey[] = sort.map((spec) => {
    const { name, dashed: ascending } = sortSpec(spec);
    if (name === 'record_timestamp') return { path: 'record_timestamp', order: ascending ? 'asc' : 'desc' };
    const field = schema.find((f) => f.name === name);
    if (!field) throw new AppError('bad_parameter', `Unknown field "${name.slice(0, 100)}" in sort.`, { parameter: 'sort' });
    switch (field.type) {
      case 'int': case 'double': case 'date': case 'datetime':
        return { path: recordPaths.value(name), order: ascending ? 'asc' : 'desc' };
      case 'text':
        if (isSortable(field)) return { path: recordPaths.sort(name), order: ascending ? 'desc' : 'asc' };
        break;
    }
    throw new AppError('bad_parameter', `Field ${name} is not sortable (numbers, dates and text fields annotated sortable are).`, { parameter: 'sort' });
  });
  return [...keys, { path: 'recordid', order: 'asc' }];
}
