import { AppError } from '../../../src/errors/catalogue';
import { planQueries } from '../../../src/plan/planQueries';
import { fixtureQuerySchema } from '../../support/querySchemas';

const options = { schema: fixtureQuerySchema('velib-emplacement-des-stations'), timeZone: 'UTC', now: 0 };

describe('planQueries', () => {
  test('several q are ANDed; empty ones are ignored', () => {
    expect(planQueries([{ parameter: 'q', text: 'capacity>30' }, { parameter: 'q.mine', text: '  ' }, { parameter: 'q', text: '"jean"' }], options)).toEqual({
      kind: 'and',
      clauses: [
        { kind: 'range', path: 'v.capacity', bounds: { gte: 31 } },
        { kind: 'words', paths: ['all_text'], text: 'jean', match: 'phrase' },
      ],
    });
    expect(planQueries([], options)).toEqual({ kind: 'all' });
  });

  test('a q that searches nothing (`-`) drops out beside one that does', () => {
    expect(planQueries([{ parameter: 'q', text: '-' }, { parameter: 'q', text: '"jean"' }], options)).toEqual({ kind: 'words', paths: ['all_text'], text: 'jean', match: 'phrase' });
    expect(planQueries([{ parameter: 'q', text: '-' }, { parameter: 'q', text: '&' }], options)).toEqual({ kind: 'all' });
  });

  test('a refused query is a bad_query 400 naming the parameter, with position and caret', () => {
    let caught: unknown;
    try { planQueries([{ parameter: 'q', text: 'ok' }, { parameter: 'q.mine', text: 'capacity > many' }], options); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(AppError);
    const e = caught as AppError;
    expect([e.code, e.status, e.details]).toEqual(['bad_query', 400, { parameter: 'q.mine', position: 11 }]);
    expect(e.message).toBe('Invalid query in q.mine: "many" is not a number (field "capacity" is int) at position 11\ncapacity > many\n           ^');
  });
});
