import type { Request } from 'express';
import { AppError } from '../../../src/errors/catalogue';
import { nulGuard } from '../../../src/http/nulGuard';

/** What the guard hands to next() for a request with this path and, when given, this JSON body. */
function guard(path: string, body?: unknown): unknown {
  const req = { path, body, is: (type: string) => (body !== undefined && type === 'application/json' ? type : false) } as unknown as Request;
  let passed: unknown = 'not called';
  nulGuard(req, {} as never, (err?: unknown) => { passed = err; });
  return passed;
}

const refusal = (err: unknown): [number, string, string | undefined] => {
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return [e.status, e.code, e.details.parameter];
};

describe('nulGuard', () => {
  test('a path with a percent-encoded control character (%00, %1f, %7F) is a 400; other escapes pass', () => {
    for (const path of ['/api/management/v1/datasets/a%00b', '/ogc/collections/x%1f', '/x/%7F']) expect(refusal(guard(path))).toEqual([400, 'bad_parameter', undefined]);
    expect(guard('/api/datasets/1.0/caf%C3%A9%20x%20/')).toBeUndefined();
  });

  test('a NUL in a text or a key of a JSON body is a 400 naming its path', () => {
    expect(refusal(guard('/k', { label: 'a\u0000b' }))).toEqual([400, 'bad_parameter', 'label']);
    expect(refusal(guard('/k', { metadata: { keyword: ['ok', 'n\u0000'] } }))).toEqual([400, 'bad_parameter', 'metadata.keyword[1]']);
    expect(refusal(guard('/k', [{ a: 1 }, { 'b\u0000': 2 }]))).toEqual([400, 'bad_parameter', '[1].b\\u0000']);
    expect(refusal(guard('/k', '\u0000'))).toEqual([400, 'bad_parameter', undefined]);
  });

  test('a body without NUL passes, however deep, and so does a request with no JSON body', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(guard('/k', deep)).toBeUndefined();
    expect(guard('/k', { text: 'tab\tline\nok', n: 1, none: null, list: [true, 2.5] })).toBeUndefined();
    expect(guard('/k')).toBeUndefined();
  });

  test('a NUL 100,000 levels deep is found and named', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(guard('/k', deep))).toEqual([400, 'bad_parameter', '[0]'.repeat(100_000).slice(0, 200)]);
  });
});
