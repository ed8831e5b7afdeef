import { annotationArg, FieldDef, hasAnnotation } from '../model/descriptor';
import { dateFacet } from './dateFacet';
import type { FacetKind } from '../model/facetKind';
import { hierarchicalFacet } from './hierarchicalFacet';
import { valueFacet } from './valueFacet';

/** The facet kind of a field: dates are hierarchical by nature, text may be; geo and file fields have none. */
export function facetKindOf(field: FieldDef): FacetKind | undefined {
  switch (field.type) {
    case 'date': case 'datetime': return dateFacet;
    case 'text': return annotationArg(field, 'hierarchical') !== undefined ? hierarchicalFacet : valueFacet;
    case 'int': case 'double': return valueFacet;
    case 'geo_point_2d': case 'geo_shape': case 'file': return undefined;
  }
}

export const isFacetField = (field: FieldDef): boolean => hasAnnotation(field, 'facet');
