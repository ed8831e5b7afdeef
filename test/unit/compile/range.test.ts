import { rangeClause } from '../../../src/compile/range';

describe('rangeClause', () => {
  test('each bound keeps its own end, inclusive (gte, lte) or exclusive (gt, lt)', () => {
    expect(rangeClause('v.n', { gte: 1 })).toStrictEqual({ range: { 'v.n': { gte: 1 } } });
    expect(rangeClause('v.n', { gt: 1 })).toStrictEqual({ range: { 'v.n': { gt: 1 } } });
    expect(rangeClause('v.n', { lte: 9 })).toStrictEqual({ range: { 'v.n': { lte: 9 } } });
    expect(rangeClause('v.n', { lt: 9 })).toStrictEqual({ range: { 'v.n': { lt: 9 } } });
    expect(rangeClause('v.n', { gte: 0, lt: 0.5 })).toStrictEqual({ range: { 'v.n': { gte: 0, lt: 0.5 } } });
    expect(rangeClause('v.n', { gt: -1, lte: 1 })).toStrictEqual({ range: { 'v.n': { gt: -1, lte: 1 } } });
  });

  test('no bound at all is an empty range object', () => {
    expect(rangeClause('v.n', {})).toStrictEqual({ range: { 'v.n': {} } });
  });

  test('dates and instants carry their format; numbers carry none', () => {
    expect(rangeClause('v.d', { gte: '2024-01-01', lt: '2025-01-01' }, 'strict_date')).toStrictEqual({
      range: { 'v.d': { gte: '2024-01-01', lt: '2025-01-01', format: 'strict_date' } },
    });
    expect(rangeClause('v.t', { gt: '2024-03-01T12:00:00Z' }, 'strict_date_optional_time')).toStrictEqual({
      range: { 'v.t': { gt: '2024-03-01T12:00:00Z', format: 'strict_date_optional_time' } },
    });
    expect(rangeClause('v.n', { lte: 3 }, undefined)).toStrictEqual({ range: { 'v.n': { lte: 3 } } });
    expect(rangeClause('v.n', { lte: 3 }, '')).toStrictEqual({ range: { 'v.n': { lte: 3 } } });
  });
});
