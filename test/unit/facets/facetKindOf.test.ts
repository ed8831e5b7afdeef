import { dateFacet } from '../../../src/facets/dateFacet';
import { facetKindOf, isFacetField } from '../../../src/facets/facetKindOf';
import { hierarchicalFacet } from '../../../src/facets/hierarchicalFacet';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';

const field = (type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name: 'f', label: 'F', type, annotations, source: { column: 'f' } }) as FieldDef;

describe('facetKindOf', () => {
  test.each([
    ['date', dateFacet],
    ['datetime', dateFacet],
    ['text', valueFacet],
    ['int', valueFacet],
    ['double', valueFacet],
    ['geo_point_2d', undefined],
    ['geo_shape', undefined],
    ['file', undefined],
  ] as const)('a %s field', (type, kind) => {
    expect(facetKindOf(field(type))).toBe(kind);
  });

  test('a text field annotated hierarchical, with its separator', () => {
    expect(facetKindOf(field('text', [{ name: 'hierarchical', args: ['>'] }]))).toBe(hierarchicalFacet);
  });

  test('hierarchical without a separator is a flat facet', () => {
    expect(facetKindOf(field('text', [{ name: 'hierarchical' }]))).toBe(valueFacet);
  });
});

describe('isFacetField', () => {
  test('only a field annotated facet', () => {
    expect(isFacetField(field('text', [{ name: 'facet' }]))).toBe(true);
    expect(isFacetField(field('int', [{ name: 'sortable' }, { name: 'facet' }]))).toBe(true);
    expect(isFacetField(field('text', [{ name: 'hierarchical', args: ['/'] }]))).toBe(false);
    expect(isFacetField(field('text'))).toBe(false);
  });
});
