import type { FieldType } from '../model/descriptor';
import { coerceDate, coerceDatetime } from './coerce/date';
import { coerceGeoPoint, coerceGeoShape } from './coerce/geo';
import { isBlank } from './coerce/result';

const INT = /^[+-]?(0|[1-9]\d{0,14})$/;
const DOUBLE = /^[+-]?(\d+\.\d+|\d+(\.\d+)?[eE][+-]?\d+)$/;
const DATETIME_HINT = /\d[T ]\d{2}:\d{2}/;

/** The narrowest type that every sampled value fits: codes with leading zeros stay text. */
function typeOfOne(raw: unknown): FieldType {
  if (typeof raw === 'number') return Number.isInteger(raw) ? 'int' : 'double';
  if (Array.isArray(raw) && raw.length === 2 && raw.every((n) => typeof n === 'number')) return 'geo_point_2d';
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return coerceGeoShape(raw).kind === 'value' ? 'geo_shape' : 'text';
  if (typeof raw !== 'string') return 'text';
  const s = raw.trim();
  if (INT.test(s)) return 'int';
  if (DOUBLE.test(s)) return 'double';
  if (DATETIME_HINT.test(s) && coerceDatetime(s, 'UTC').kind === 'value') return 'datetime';
  if (coerceDate(s).kind === 'value') return 'date';
  if (coerceGeoPoint(s).kind === 'value') return 'geo_point_2d';
  if (s.startsWith('{') && coerceGeoShape(s).kind === 'value') return 'geo_shape';
  return 'text';
}

export function inferType(samples: readonly unknown[]): FieldType {
  const types = new Set(samples.filter((s) => !isBlank(s)).map(typeOfOne));
  if (types.size === 0) return 'text';
  if (types.size === 1) return [...types][0];
  if ([...types].every((t) => t === 'int' || t === 'double')) return 'double';
  if ([...types].every((t) => t === 'date' || t === 'datetime')) return 'datetime';
  return 'text';
}
