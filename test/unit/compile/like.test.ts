import { likeClause, wildcardPattern } from '../../../src/compile/like';
import type { LikePart } from '../../../src/model/predicate';

const text = (t: string): LikePart => ({ kind: 'text', text: t });
const ANY: LikePart = { kind: 'anyChars' };
const ONE: LikePart = { kind: 'oneChar' };

describe('wildcardPattern', () => {
  test('% is *, _ is ?, text as it is', () => {
    expect(wildcardPattern([text('Par'), ANY])).toBe('Par*');
    expect(wildcardPattern([ONE, text('aris')])).toBe('?aris');
    expect(wildcardPattern([ANY, text('a'), ONE, ONE, text('b'), ANY])).toBe('*a??b*');
    expect(wildcardPattern([text('Paris')])).toBe('Paris');
  });

  test('nothing is the empty pattern', () => {
    expect(wildcardPattern([])).toBe('');
    expect(wildcardPattern([text('')])).toBe('');
  });

  test('every *, ? and backslash of a text is escaped with a backslash, wherever it stands', () => {
    expect(wildcardPattern([text('*')])).toBe('\\*');
    expect(wildcardPattern([text('?')])).toBe('\\?');
    expect(wildcardPattern([text('\\')])).toBe('\\\\');
    expect(wildcardPattern([text('a*b?c\\d**e??')])).toBe('a\\*b\\?c\\\\d\\*\\*e\\?\\?');
    expect(wildcardPattern([text('5*'), ANY, text('?')])).toBe('5\\**\\?');
  });

  test('characters without meaning to a wildcard pattern stay as they are', () => {
    expect(wildcardPattern([text('a.b[c]%_+(d)|^$"{}~é')])).toBe('a.b[c]%_+(d)|^$"{}~é');
  });
});

describe('likeClause', () => {
  test('a wildcard query on the keyword value, case-sensitive', () => {
    expect(likeClause('v.city', [text('P*'), ANY])).toStrictEqual({ wildcard: { 'v.city': { value: 'P\\**' } } });
    expect(likeClause('v.city', [])).toStrictEqual({ wildcard: { 'v.city': { value: '' } } });
  });
});
