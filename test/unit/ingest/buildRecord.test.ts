import type { FieldDef } from '../../../src/model/descriptor';
import { buildRecord } from '../../../src/ingest/buildRecord';
import { compileRules } from '../../../src/processors/compileRules';
import { missingColumns } from '../../../src/ingest/sourceColumns';
import { SHAPE } from '../../support/processorSchemas';

describe('buildRecord with fields derived by processing rules', () => {
  const compiled = compileRules([{ name: 'mesures', capability: 'area_length', config: { area_column: 'surface' } }], [SHAPE]);
  const schema: FieldDef[] = compiled.ok ? compiled.fields : [];
  const square = { type: 'Polygon', coordinates: [[[2, 46], [2.01, 46], [2.01, 46.01], [2, 46.01], [2, 46]]] };

  it('reads no column for a derived field, even one of its name, and warns of nothing', () => {
    const { record, warnings } = buildRecord(schema, { position: 1, values: { surface: 'not a number' }, geometry: square }, 'UTC');
    expect(warnings).toEqual([]);
    expect(record.fields).toEqual({ geo_shape: square });
  });

  it('does not count a derived field as a missing column', () => {
    expect(schema.map((f) => f.name)).toEqual(['geo_shape', 'surface']);
    expect(missingColumns(schema, new Set())).toEqual([]);
  });
});
