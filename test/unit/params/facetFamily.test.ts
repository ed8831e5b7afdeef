import { AppError } from '../../../src/errors/catalogue';
import { packageSearchParams } from '../../../src/dialects/ckan/packageSearchParams';
import { datastoreParams } from '../../../src/dialects/ckan/datastoreParams';
import { catalogSearchParams } from '../../../src/dialects/ods-v1/catalogSearchParams';
import { recordsSearchParams } from '../../../src/dialects/ods-v1/recordsSearchParams';
import { ParamReader } from '../../../src/dialects/shared/paramReader';
import { readQueryString } from '../../../src/dialects/shared/rawParams';

const reader = (qs: string) => new ParamReader(readQueryString(qs));
/** Every endpoint that speaks the ODS facet family, with the parameters it needs besides. */
const ENDPOINTS: Array<[string, (qs: string) => { facetsort: Map<string, string>; facetlimit?: Map<string, number>; disjunctive: Set<string>; refine: Map<string, string[]> }]> = [
  ['records search', (qs) => recordsSearchParams(reader(`dataset=d&${qs}`))],
  ['catalog search', (qs) => catalogSearchParams(reader(qs))],
  ['package_search', (qs) => packageSearchParams(reader(qs)).ods],
  ['datastore_search', (qs) => datastoreParams(reader(`resource_id=d&${qs}`))],
];

const refusal = (read: () => unknown): { code: string; parameter?: string } | undefined => {
  try { read(); return undefined; } catch (err) { return err instanceof AppError ? { code: err.code, parameter: err.details.parameter } : { code: String(err) }; }
};

describe('the ODS facet family reads alike on every endpoint', () => {
  test.each(ENDPOINTS)('%s: facetsort, disjunctive and refine', (_name, read) => {
    const r = read('facetsort.theme=-alphanum&disjunctive.theme=true&disjunctive.publisher=false&refine.theme=A&refine.theme=B');
    expect([...r.facetsort]).toEqual([['theme', '-alphanum']]);
    expect([...r.disjunctive]).toEqual(['theme']);
    expect(r.refine.get('theme')).toEqual(['A', 'B']);
  });

  test.each(ENDPOINTS)('%s: facetsort given twice is refused, naming the parameter', (_name, read) => {
    expect(refusal(() => read('facetsort.theme=count&facetsort.theme=alphanum'))).toEqual({ code: 'bad_parameter', parameter: 'facetsort.theme' });
  });

  test.each(ENDPOINTS)('%s: an unknown facetsort is refused, naming the parameter', (_name, read) => {
    expect(refusal(() => read('facetsort.theme=random'))).toEqual({ code: 'bad_parameter', parameter: 'facetsort.theme' });
  });

  test.each(ENDPOINTS)('%s: facetlimit (our extension) is a whole number from 1 to 1,000 per field', (_name, read) => {
    expect([...(read('facetlimit.theme=10&facetlimit.publisher=1000').facetlimit ?? [])]).toEqual([['theme', 10], ['publisher', 1000]]);
    expect(read('facet=theme').facetlimit?.size ?? 0).toBe(0);
  });

  test.each(ENDPOINTS)('%s: a bad or repeated facetlimit is refused, naming the parameter', (_name, read) => {
    for (const bad of ['0', '1001', '-1', '2.5', 'ten', '', '00001000']) {
      expect(refusal(() => read(`facetlimit.theme=${encodeURIComponent(bad)}`))).toEqual({ code: 'bad_parameter', parameter: 'facetlimit.theme' });
    }
    expect(refusal(() => read('facetlimit.theme=5&facetlimit.theme=5'))).toEqual({ code: 'bad_parameter', parameter: 'facetlimit.theme' });
  });
});
