import { FieldDef, hasAnnotation } from '../model/descriptor';

/**
 * Whether a record index keeps the field's sortable key (`k.<f>`, src/text/numberKey.ts): a
 * number annotated facet, which its facet counts by the key.
 */
export const keepsNumberKey = (field: FieldDef): boolean => (field.type === 'int' || field.type === 'double') && hasAnnotation(field, 'facet');
