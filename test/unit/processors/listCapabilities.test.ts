import { CAPABILITIES } from '../../../src/processors/capabilities';
import { listCapabilities } from '../../../src/processors/listCapabilities';
import { jsonSchemaAccepts } from '../../support/jsonSchemaSubset';

const listed = new Map(listCapabilities().map((c) => [c.name, c]));
const config = (name: string): Record<string, unknown> => listed.get(name)!.config;

describe('listCapabilities', () => {
  it('lists the five processors, each with a description', () => {
    expect([...listed.keys()]).toEqual(['area_length', 'buffer', 'centroid', 'reproject', 'simplify']);
    for (const c of listed.values()) expect(c.description.length).toBeGreaterThan(20);
  });

  it.each([
    ['area_length', ['area_column', 'length_column', 'field'], []],
    ['buffer', ['distance', 'field', 'target'], ['distance']],
    ['centroid', ['target', 'field'], ['target']],
    ['reproject', ['crs', 'x_column', 'y_column', 'field'], ['crs', 'x_column', 'y_column']],
    ['simplify', ['tolerance', 'field', 'high_quality'], ['tolerance']],
  ])('%s: a 2020-12 object schema with the documented properties, each described', (name, properties, required) => {
    const schema = config(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual(properties);
    expect(schema.required ?? []).toEqual(required);
    for (const p of Object.values(schema.properties as Record<string, Record<string, unknown>>)) {
      expect(typeof p.description).toBe('string');
      expect(['string', 'number', 'boolean']).toContain(p.type);
    }
  });

  // Verdicts written by hand from the documentation; the JSON Schema and the zod schema must both give them.
  it.each([
    ['buffer', { distance: 50 }, true],
    ['buffer', { distance: 50, field: 'geo_shape', target: 'zone_50m' }, true],
    ['buffer', { distance: 0 }, false],
    ['buffer', { distance: -3 }, false],
    ['buffer', { distance: 1e7 }, false],
    ['buffer', { distance: '50' }, false],
    ['buffer', {}, false],
    ['buffer', { distance: 50, target: 'Zone' }, false],
    ['buffer', { distance: 50, order: 0 }, false],
    ['area_length', { area_column: 'surface_m2' }, true],
    ['area_length', { length_column: 'perimetre' }, true],
    ['area_length', {}, false],
    ['area_length', { field: 'geo_shape' }, false],
    ['centroid', { target: 'centre' }, true],
    ['centroid', { field: 'geo_shape' }, false],
    ['reproject', { crs: 'EPSG:2154', x_column: 'x', y_column: 'y' }, true],
    ['reproject', { crs: 'EPSG:2154', x_column: 'x' }, false],
    ['simplify', { tolerance: 10, high_quality: true }, true],
    ['simplify', { tolerance: 10, high_quality: 'yes' }, false],
    ['simplify', { tolerance: 0 }, false],
  ])('%s %j: accepted = %s by the JSON Schema and by zod alike', (name, value, verdict) => {
    expect(jsonSchemaAccepts(config(name), value)).toBe(verdict);
    expect(CAPABILITIES.get(name)!.configSchema.safeParse(value).success).toBe(verdict);
  });

  it('the evaluator does refuse what it does not know (it can fail)', () => {
    expect(() => jsonSchemaAccepts({ type: 'object', minProperties: 1 }, {})).toThrow('keyword minProperties');
  });
});
