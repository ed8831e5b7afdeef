import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { DownloadRequest } from '../../../src/model/recordsRequest';
import { planExport } from '../../../src/plan/planExport';

const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const kind = field('kind', 'text', [{ name: 'facet' }]);
const n = field('n', 'int');
const geo = field('geo', 'geo_point_2d');
const withGeo: DatasetTarget = { index: 'records-trees', datasetId: 'trees', schema: [kind, n, geo] };
const withoutGeo: DatasetTarget = { index: 'records-budget', datasetId: 'budget', schema: [kind, n] };

function download(over: Partial<DownloadRequest> = {}): DownloadRequest {
  return {
    dataset: { id: 'trees' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC', sort: [],
    output: { format: 'csv', prettyPrint: false, csvSeparator: ';', withBom: false, useLabelsForHeader: false }, ...over,
  };
}
const csv = download().output;

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('planExport', () => {
  test('records read as written only when the writer takes them so, every field is shown, in UTC', () => {
    expect(planExport(download(), withGeo, 0, 'written_record').written).toBe('written_record');
    expect(planExport(download({ sort: ['-n'], rows: 10 }), withGeo, 0, 'written_record').written).toBe('written_record');
    expect(planExport(download(), withGeo, 0).written).toBeUndefined();
    expect(planExport(download({ timeZone: 'Europe/Paris' }), withGeo, 0, 'written_record').written).toBeUndefined();
    expect(planExport(download({ timeZone: 'Etc/UTC' }), withGeo, 0, 'written_record').written).toBeUndefined();
    expect(planExport(download({ fields: ['kind', 'n', 'geo'] }), withGeo, 0, 'written_record').written).toBeUndefined();
  });

  test('CSV lines read as written only with the separator they were written with (`;`), every field, in UTC', () => {
    expect(planExport(download(), withGeo, 0, 'written_csv').written).toBe('written_csv');
    expect(planExport(download({ output: { ...csv, withBom: true, useLabelsForHeader: true } }), withGeo, 0, 'written_csv').written).toBe('written_csv');
    for (const csvSeparator of [',', '\t', '|', ';;']) expect(planExport(download({ output: { ...csv, csvSeparator } }), withGeo, 0, 'written_csv').written).toBeUndefined();
    // The JSON a format writes does not depend on the separator.
    expect(planExport(download({ output: { ...csv, csvSeparator: ',' } }), withGeo, 0, 'written_record').written).toBe('written_record');
    expect(planExport(download({ timeZone: 'Europe/Paris' }), withGeo, 0, 'written_csv').written).toBeUndefined();
    expect(planExport(download({ fields: ['kind'] }), withGeo, 0, 'written_csv').written).toBeUndefined();
  });

  test('defaults: every record (no cap), every field, the record id order alone', () => {
    expect(planExport(download(), withGeo, 0)).toEqual({
      index: 'records-trees', datasetId: 'trees', schema: [kind, n, geo], timeZone: 'UTC',
      query: { kind: 'all' }, sort: [{ path: 'recordid', order: 'asc' }], fields: undefined, limit: undefined,
    });
  });

  test('q, refines and excludes make one query; sort, fields and rows (the cap) are kept', () => {
    const req = download({
      queries: [{ parameter: 'q', text: 'n>=5' }], refine: new Map([['kind', ['oak']]]), exclude: new Map([['kind', ['elm']]]),
      sort: ['-n'], fields: ['n', 'kind'], rows: 1000, timeZone: 'Europe/Paris',
    });
    expect(planExport(req, withGeo, 0)).toEqual({
      index: 'records-trees', datasetId: 'trees', schema: [kind, n, geo], timeZone: 'Europe/Paris',
      query: {
        kind: 'and', clauses: [
          { kind: 'range', path: 'v.n', bounds: { gte: 5 } },
          { kind: 'and', clauses: [{ kind: 'term', path: 'v.kind', value: 'oak' }, { kind: 'not', clause: { kind: 'term', path: 'v.kind', value: 'elm' } }] },
        ],
      },
      // `-n`: ascending on a number (SPEC §3), then the record id tiebreaker.
      sort: [{ path: 'v.n', order: 'asc' }, { path: 'recordid', order: 'asc' }],
      fields: [n, kind], limit: 1000,
    });
  });

  test('a geofilter applies to the first geographic field', () => {
    const req = download({ geofilters: [{ kind: 'distance', lat: 48.85, lon: 2.35, metres: 500 }] });
    expect(planExport(req, withGeo, 0).query).toEqual({ kind: 'distance', path: 'v.geo', lat: 48.85, lon: 2.35, metres: 500 });
  });

  test('GeoJSON of a dataset without a geographic field is refused under format', () => {
    for (const format of ['geojson', 'geojsonp']) {
      expect(refusal(() => planExport(download({ output: { ...csv, format } }), withoutGeo, 0))).toEqual({
        code: 'bad_parameter', parameter: 'format', message: `Dataset budget has no geographic field: format ${format} is not available.`,
      });
    }
  });

  test('other formats of such a dataset are planned', () => {
    expect(planExport(download({ output: { ...csv, format: 'json' } }), withoutGeo, 0).index).toBe('records-budget');
    expect(planExport(download({ output: { ...csv, format: 'geojson' } }), withGeo, 0).index).toBe('records-trees');
  });

  test('an unknown field in fields or sort is refused, naming it', () => {
    expect(refusal(() => planExport(download({ fields: ['nope'] }), withGeo, 0))).toEqual({ code: 'bad_parameter', parameter: 'fields', message: 'Unknown field "nope" in fields.' });
    expect(refusal(() => planExport(download({ sort: ['nope'] }), withGeo, 0))).toEqual({ code: 'bad_parameter', parameter: 'sort', message: 'Unknown field "nope" in sort.' });
  });
});
