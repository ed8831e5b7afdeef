import { GEOJSON_TYPE, JSON_TYPE, jsonAnswer } from '../../../src/render/jsonAnswer';
import { jsonp, jsonpFrame } from '../../../src/render/jsonp';
import { bodyText } from '../../../src/render/rendered';

describe('jsonp', () => {
  test('the frame: a comment guarding against sniffing, the callback, and a script that may not be sniffed (SPEC §3)', () => {
    expect(jsonpFrame('cb')).toEqual({ contentType: 'text/javascript; charset=utf-8', headers: { 'X-Content-Type-Options': 'nosniff' }, head: '/**/cb(', tail: ');' });
  });

  test('a JSON body called back', () => {
    expect(jsonp('app.show', '{"nhits": 1}')).toEqual({ contentType: 'text/javascript; charset=utf-8', headers: { 'X-Content-Type-Options': 'nosniff' }, body: '/**/app.show({"nhits": 1});' });
  });

  test('a body in parts keeps its parts, between the frame\'s', () => {
    expect(jsonp('cb', ['{"a": [', '1, 2', ']}']).body).toEqual(['/**/cb(', '{"a": [', '1, 2', ']}', ');']);
  });

  test('the script, run, hands the callback the JSON value', () => {
    const { body } = jsonp('cb', '{"a": [1, "x"]}');
    let got: unknown;
    new Function('cb', bodyText(body))((v: unknown) => { got = v; });
    expect(got).toEqual({ a: [1, 'x'] });
  });
});

describe('jsonAnswer', () => {
  test('plain JSON when the format is not a JSONP one, of the type given or JSON by default', () => {
    expect(jsonAnswer('[]', { format: 'json' })).toEqual({ contentType: JSON_TYPE, body: '[]' });
    expect(jsonAnswer('[]', { format: 'geojson' }, GEOJSON_TYPE)).toEqual({ contentType: 'application/geo+json; charset=utf-8', body: '[]' });
    expect(JSON_TYPE).toBe('application/json; charset=utf-8');
  });

  test('a callback alone does not make JSONP: the format must ask for it', () => {
    expect(jsonAnswer('[]', { format: 'json', callback: 'cb' })).toEqual({ contentType: JSON_TYPE, body: '[]' });
  });

  test('jsonp and geojsonp with their callback are wrapped', () => {
    expect(jsonAnswer('[]', { format: 'jsonp', callback: 'cb' }).body).toBe('/**/cb([]);');
    const geo = jsonAnswer('{}', { format: 'geojsonp', callback: 'f' }, GEOJSON_TYPE);
    expect(geo).toEqual({ contentType: 'text/javascript; charset=utf-8', headers: { 'X-Content-Type-Options': 'nosniff' }, body: '/**/f({});' });
  });

  test('a JSONP format without a callback (or an empty one) stays JSON', () => {
    expect(jsonAnswer('[]', { format: 'jsonp' })).toEqual({ contentType: JSON_TYPE, body: '[]' });
    expect(jsonAnswer('[]', { format: 'jsonp', callback: '' })).toEqual({ contentType: JSON_TYPE, body: '[]' });
  });
});
