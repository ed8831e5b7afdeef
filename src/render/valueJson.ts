import { isShapeText, type FieldValue } from '../model/values';
import { jsonText } from '../text/jsonText';
import { widenJson } from '../text/widenJson';

/** A value as jsonText writes it on one line; a shape kept as its text (ShapeText) is that text, widened, not parsed and written again. */
export const valueJson = (value: FieldValue | null): string => (isShapeText(value) ? widenJson(value.geojson) : jsonText(value, false));
