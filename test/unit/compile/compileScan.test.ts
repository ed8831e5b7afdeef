import { compileScan } from '../../../src/compile/compileScan';
import type { ExportPlan } from '../../../src/model/searchPlan';
import { field } from '../../support/compileInputs';

const BY_ID: ExportPlan['sort'] = [{ path: 'recordid', order: 'asc' }];
const plan = (p: Partial<ExportPlan> = {}): ExportPlan => ({ index: 'rec', datasetId: 'ds', schema: [], sort: BY_ID, timeZone: 'UTC', query: { kind: 'all' }, ...p });
const ALL = { match_all: {} };

describe('compileScan', () => {
  test('records read as written: no _source, the written field alone', () => {
    expect(compileScan(plan({ written: 'written_record' }))).toStrictEqual({ index: 'rec', query: ALL, _source: false, docValueFields: ['written_record'] });
    expect(compileScan(plan({ written: 'written_csv' }))).toStrictEqual({ index: 'rec', query: ALL, _source: false, docValueFields: ['written_csv'] });
    expect(compileScan(plan({ written: 'written_record', sort: [{ path: 'v.n', order: 'desc' }, ...BY_ID], limit: 5 }))).toStrictEqual({
      index: 'rec', query: ALL, sort: [{ 'v.n': { order: 'desc' } }, { recordid: { order: 'asc' } }], _source: false, docValueFields: ['written_record'], limit: 5,
    });
  });

  test('no order asked (the record id tie-breaker only) and every record: no sort, the record as stored', () => {
    expect(compileScan(plan())).toStrictEqual({ index: 'rec', query: ALL, _source: true });
    expect(compileScan(plan({ query: { kind: 'term', path: 'v.a', value: 'x' } }))).toStrictEqual({ index: 'rec', query: { term: { 'v.a': { value: 'x' } } }, _source: true });
  });

  test('an order asked: every sort key, the tie-breaker included', () => {
    expect(compileScan(plan({ sort: [{ path: 'v.n', order: 'desc' }, ...BY_ID] }))).toStrictEqual({
      index: 'rec', query: ALL, sort: [{ 'v.n': { order: 'desc' } }, { recordid: { order: 'asc' } }], _source: true,
    });
  });

  test('the record id first and more keys after it is an order', () => {
    expect(compileScan(plan({ sort: [...BY_ID, { path: 'v.n', order: 'desc' }] }))).toStrictEqual({
      index: 'rec', query: ALL, sort: [{ recordid: { order: 'asc' } }, { 'v.n': { order: 'desc' } }], _source: true,
    });
  });

  test('one sort key that is not the record id is an order', () => {
    expect(compileScan(plan({ sort: [{ path: 'v.n', order: 'asc' }] }))).toStrictEqual({ index: 'rec', query: ALL, sort: [{ 'v.n': { order: 'asc' } }], _source: true });
  });

  test('no sort key at all is an order too (an empty one)', () => {
    expect(compileScan(plan({ sort: [] }))).toStrictEqual({ index: 'rec', query: ALL, sort: [], _source: true });
  });

  test('a cap keeps the record id order and is passed on, 0 included', () => {
    expect(compileScan(plan({ limit: 100 }))).toStrictEqual({ index: 'rec', query: ALL, sort: [{ recordid: { order: 'asc' } }], _source: true, limit: 100 });
    expect(compileScan(plan({ limit: 0 }))).toStrictEqual({ index: 'rec', query: ALL, sort: [{ recordid: { order: 'asc' } }], _source: true, limit: 0 });
  });

  test('chosen fields are read from _source', () => {
    expect(compileScan(plan({ fields: [field('g', 'geo_point_2d'), field('a', 'text')] }))).toStrictEqual({
      index: 'rec', query: ALL, _source: ['datasetid', 'recordid', 'line', 'record_timestamp', 'geometry', 'fields.g', 'fields.a'],
    });
  });
});
