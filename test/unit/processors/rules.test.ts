import type { FieldValue } from '../../../src/model/values';
import { ruleSchema } from '../../../src/model/rule';
import { compileRules } from '../../../src/processors/compileRules';
import { validateRules } from '../../../src/processors/validateRules';
import { columnField, SHAPE } from '../../support/processorSchemas';

const SCHEMA = [columnField('nom', 'text'), columnField('position', 'geo_point_2d')];
const zone = { name: 'zone', capability: 'buffer', config: { distance: 50, target: 'zone' } };
const surface = { name: 'surface', capability: 'area_length', config: { area_column: 'surface_m2', field: 'zone' } };

describe('validateRules', () => {
  it('checks the rules in order: a rule may read a field an earlier one added', () => {
    expect(validateRules([zone, surface], SCHEMA)).toEqual([
      { name: 'zone', capability: 'buffer', valid: true, errors: [] },
      { name: 'surface', capability: 'area_length', valid: true, errors: [] },
    ]);
    expect(validateRules([surface, zone], SCHEMA)).toEqual([
      { name: 'surface', capability: 'area_length', valid: false, errors: ['config.field: no field "zone" in the dataset'] },
      { name: 'zone', capability: 'buffer', valid: true, errors: [] },
    ]);
  });

  it('names the known capabilities when one is unknown', () => {
    expect(validateRules([{ name: 'b', capability: 'bufer', config: { distance: 5 } }], SCHEMA)[0].errors)
      .toEqual(['unknown capability "bufer" (known: area_length, buffer, centroid, reproject, simplify)']);
  });

  it('refuses a second rule of the same name, a field of the wrong type, a config that is not an object', () => {
    expect(validateRules([zone, { ...zone, config: { distance: 5, target: 'autre' } }], SCHEMA)[1].errors).toEqual(['name: another rule is named "zone"']);
    expect(validateRules([{ name: 'a', capability: 'area_length', config: { area_column: 'a', field: 'nom' } }], SCHEMA)[0].errors)
      .toEqual(['config.field: "nom" is a text field, expected geo_shape']);
    expect(validateRules([{ name: 'a', capability: 'area_length', config: { area_column: 'a' } }], SCHEMA)[0].errors)
      .toEqual(['config.field: the dataset has no geo_shape field to read']);
    expect(validateRules([{ name: 'a', capability: 'centroid', config: 'centre' }], SCHEMA)[0].errors).toEqual(['config: must be an object']);
    expect(validateRules([{ name: 'a', capability: 'area_length', config: {} }], [SHAPE])[0].errors).toEqual(['config: give area_column, length_column or both']);
    expect(validateRules([{ name: 'a', capability: 'centroid', config: undefined }], [SHAPE])[0].errors).toEqual(['config.target: required']);
  });

  it('reads the first geo field of an accepted type when none is named', () => {
    const compiled = compileRules([{ name: 'c', capability: 'area_length', config: { length_column: 'longueur' } }], [...SCHEMA, SHAPE]);
    expect(compiled.ok && compiled.fields.at(-1)).toEqual({
      name: 'longueur', label: 'longueur', type: 'double', description: 'length (m) of geo_shape', annotations: [], source: { derived: 'c' },
    });
  });
});

describe('compileRules', () => {
  it('gives the reports when a rule is invalid, and runs nothing', () => {
    expect(compileRules([zone, { name: 'bad', capability: 'buffer', config: { distance: -1, target: 'b' } }], SCHEMA)).toEqual({
      ok: false,
      reports: [
        { name: 'zone', capability: 'buffer', valid: true, errors: [] },
        { name: 'bad', capability: 'buffer', valid: false, errors: ['config.distance: must be more than 0 metres'] },
      ],
    });
  });

  it('keeps the schema and changes nothing with no rule', () => {
    const compiled = compileRules([], SCHEMA);
    const fields: Record<string, FieldValue> = { nom: 'a', position: [48, 2] };
    expect(compiled.ok && compiled.fields).toEqual(SCHEMA);
    expect(compiled.ok && compiled.apply(fields)).toEqual([]);
    expect(fields).toEqual({ nom: 'a', position: [48, 2] });
  });

  it('warns, never throws, on a record it cannot process, and goes on with the next rules', () => {
    const compiled = compileRules([
      { name: 'b', capability: 'buffer', config: { distance: 10 } },
      { name: 'c', capability: 'centroid', config: { target: 'centre' } },
    ], [SHAPE]);
    const fields = { geo_shape: { type: 'Nope' } } as unknown as Record<string, FieldValue>;
    expect(compiled.ok && compiled.apply(fields)).toEqual([
      { rule: 'b', field: 'geo_shape', message: 'cannot be computed: Unknown Geometry Type' },
      { rule: 'c', field: 'geo_shape', message: 'cannot be computed: Unknown Geometry Type' },
    ]);
    expect(fields).toEqual({ geo_shape: { type: 'Nope' } });
  });

  it('warns when a buffer crosses the antimeridian (turf wraps its longitudes), leaving the shape as it was', () => {
    const compiled = compileRules([{ name: 'b', capability: 'buffer', config: { distance: 5000 } }], [SHAPE]);
    const point = { type: 'Point' as const, coordinates: [179.99, 0] };
    const fields: Record<string, FieldValue> = { geo_shape: point };
    expect(compiled.ok && compiled.apply(fields)).toEqual([
      { rule: 'b', field: 'geo_shape', message: 'the resulting Polygon crosses the antimeridian (180°), which is not supported' },
    ]);
    expect(fields.geo_shape).toBe(point);
  });
});

describe('ruleSchema', () => {
  it('takes a name, a capability and a config; refuses another key and a bad name', () => {
    expect(ruleSchema.safeParse({ name: 'buffer_50m', capability: 'buffer', config: { distance: 50 } }).success).toBe(true);
    expect(ruleSchema.safeParse({ name: 'buffer_50m', capability: 'buffer', config: {}, enabled: true }).success).toBe(false);
    expect(ruleSchema.safeParse({ name: 'Buffer 50m', capability: 'buffer', config: {} }).success).toBe(false);
  });
});
