import { annotationArg, FieldDef } from '../../model/descriptor';
import { coerceDate, coerceDatetime } from './date';
import { coerceFile } from './file';
import { coerceGeoPoint, coerceGeoShape } from './geo';
import { coerceDouble, coerceInt } from './number';
import { Coerced } from './result';
import { coerceText } from './text';
import type { FieldValue } from '../../model/values';

export function coerceField(field: FieldDef, raw: unknown, timeZone: string): Coerced<FieldValue> {
  switch (field.type) {
    case 'text': return coerceText(raw, annotationArg(field, 'multivalued'));
    case 'int': return coerceInt(raw);
    case 'double': return coerceDouble(raw);
    case 'date': return coerceDate(raw);
    case 'datetime': return coerceDatetime(raw, timeZone);
    case 'geo_point_2d': return coerceGeoPoint(raw);
    case 'geo_shape': return coerceGeoShape(raw);
    case 'file': return coerceFile(raw);
  }
}
