import { parseDateLiteral } from '../../../src/values/dateLiteral';

/** The offset of a literal, in seconds, or the refusal. */
const offsetOf = (text: string): number | string | undefined => {
  const r = parseDateLiteral(text);
  return r.ok ? (r.value.offsetMs === undefined ? undefined : r.value.offsetMs / 1000) : 'refused';
};

describe('parseDateLiteral: UTC offsets', () => {
  test.each([
    ['2024-06-01T12:00:00Z', 0],
    ['2024-06-01T12:00:00+02:00', 7200],
    ['2024-06-01T12:00:00+0530', 19800],
    ['2024-06-01T12:00:00-02:30', -9000],
    ['2024-06-01T12:00:00+02', 7200],
    // Seconds, as instantText writes the local mean times: Paris 0:09:21 (561 s), New York -4:56:02.
    ['1700-01-01T00:19:10+00:09:21', 561],
    ['1850-06-01T07:03:58-04:56:02', -17762],
    ['2024-06-01T12:00:00', undefined],
  ])('%s → %s s', (text, seconds) => {
    expect(offsetOf(text)).toBe(seconds);
  });

  test.each(['2024-06-01T12:00:00+15:00', '2024-06-01T12:00:00+01:75', '2024-06-01T12:00:00+00:09:75', '2024-06-01T12:00:00+0009:21', '2024-06-01T12:00:00+00:09:2'])('%s is refused', (text) => {
    expect(offsetOf(text)).toBe('refused');
  });

  test('an offset with seconds names the instant the text was written from', () => {
    const r = parseDateLiteral('1700-01-01T00:19:10+00:09:21');
    expect(r.ok && new Date(r.value.wall - r.value.offsetMs!).toISOString()).toBe('1700-01-01T00:09:49.000Z');
  });
});
