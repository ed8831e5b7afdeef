import type { FieldDef } from '../model/descriptor';
import type { FieldValue } from '../model/values';
import { instantText } from './instantText';
import { renderValue } from './recordObject';

/** `render` remembering its last answer: the values of one column often repeat from one record to the next. */
function lastOf(render: (text: string) => string): (text: string) => string {
  let input: string | undefined, output = '';
  return (text) => {
    if (text !== input) { output = render(text); input = text; }
    return output;
  };
}

/** An instant as ODS shows it in `timeZone` (instantText), remembered from one call to the next: a dataset's records share their timestamp. */
export const instantRenderer = (timeZone: string): ((iso: string) => string) => lastOf((iso) => instantText(iso, timeZone));

/** renderValue for one field, decided once for a whole export rather than once per value. */
export function valueRenderer(field: FieldDef, timeZone: string): (value: FieldValue) => FieldValue {
  switch (field.type) {
    case 'datetime': {
      const instant = instantRenderer(timeZone);
      return (value) => (typeof value === 'string' ? instant(value) : value);
    }
    case 'date': return (value) => renderValue(field, value, timeZone);
    default: return (value) => value;
  }
}
