import { AppError } from '../../../src/errors/catalogue';
import { packageSearchParams } from '../../../src/dialects/ckan/packageSearchParams';
import { ParamReader } from '../../../src/dialects/shared/paramReader';
import { readQueryString } from '../../../src/dialects/shared/rawParams';

const read = (qs: string) => packageSearchParams(new ParamReader(readQueryString(qs)));
const refusal = (qs: string): { parameter?: string; message: string; code: string } => {
  try { read(qs); } catch (err) { if (err instanceof AppError) return { parameter: err.details.parameter, message: err.message, code: err.code }; throw err; }
  throw new Error(`accepted: ${qs}`);
};

describe('packageSearchParams', () => {
  test('CKAN defaults; rows clamped silently to 1000', () => {
    const r = read('');
    expect([r.ods.rows, r.ods.start, r.facetLimit, r.facetMincount, r.includePrivate, r.includeDrafts, r.facetFields, r.ckanSort]).toEqual([10, 0, 50, 1, false, false, [], undefined]);
    expect(read('rows=5000').ods.rows).toBe(1000);
    expect(read('rows=1000').ods.rows).toBe(1000);
  });

  test('facet.field: a JSON list, or the key repeated; facet=false turns facets off; ODS facet adds to them', () => {
    expect(read('facet.field=%5B%22tags%22%2C%22organization%22%5D').facetFields).toEqual(['tags', 'organization']);
    expect(read('facet.field=tags&facet.field=groups').facetFields).toEqual(['tags', 'groups']);
    expect(read('facet.field=%5B%22tags%22%5D&facet=theme&facet=modified').facetFields).toEqual(['tags', 'theme', 'modified']);
    expect(read('facet.field=%5B%22tags%22%5D&facet=false').facetFields).toEqual([]);
    expect(read('facet.limit=-1').facetLimit).toBe(-1);
  });

  test('sort: CKAN clauses, or ODS names', () => {
    expect(read('sort=title+asc,+metadata_modified+DESC').ckanSort).toEqual([{ field: 'title', order: 'asc' }, { field: 'metadata_modified', order: 'desc' }]);
    expect([read('sort=-modified').ckanSort, read('sort=-modified').ods.sort]).toEqual([undefined, ['-modified']]);
    expect(refusal('sort=title+up')).toEqual({ parameter: 'sort', code: 'bad_query', message: expect.stringMatching(/^Invalid "sort" parameter/) });
  });

  test('CKAN\'s messages under the parameter', () => {
    expect(refusal('facet.field=tags')).toEqual({ parameter: 'facet.field', code: 'bad_parameter', message: 'Could not parse as valid JSON' });
    expect(refusal('facet.field=%7B%7D')).toEqual({ parameter: 'facet.field', code: 'bad_parameter', message: 'Not a list' });
    expect(refusal('facet.field=%5B1%5D')).toEqual({ parameter: 'facet.field', code: 'bad_parameter', message: 'Not a list of strings' });
    expect(refusal('rows=-1').message).toBe('Must be a natural number');
    expect(refusal('rows=1.5').message).toBe('Invalid integer');
    expect(refusal('start=100000').message).toBe('Must be at most 99000');
    expect(refusal('include_private=maybe').parameter).toBe('include_private');
    expect(refusal('format=jsonp').parameter).toBe('callback');
  });
});
