import { dateLiteral, listOf, textOf } from '../../../../src/render/dcat/dcatTerms';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
// The lexical spaces of XML Schema 1.1 Part 2 (§3.3.9 date, §3.3.7 dateTime), as the specification writes them.
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?';
const DAY = '-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const LEXICAL: Record<string, RegExp> = {
  [`${XSD}date`]: new RegExp(`^${DAY}${ZONE}$`),
  [`${XSD}dateTime`]: new RegExp(`^${DAY}T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?|(24:00:00(\\.0+)?))${ZONE}$`),
};

describe('textOf', () => {
  test('text without the blanks around it; blank text or no text, nothing', () => {
    expect(textOf('  Arbres de Paris\n')).toBe('Arbres de Paris');
    expect([textOf(' \t\n'), textOf(''), textOf(3), textOf(null)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('listOf', () => {
  test('the strings of a list, in order; one string, a list of it; anything else, none', () => {
    expect(listOf(['nature', 3, null, 'ville', ['x'], { a: 'b' }])).toEqual(['nature', 'ville']);
    expect(listOf('nature')).toEqual(['nature']);
    expect([listOf(3), listOf(undefined)]).toEqual([[], []]);
  });
});

describe('dateLiteral', () => {
  test('every literal is in the lexical space of its XML Schema type, and says the same day', () => {
    for (const [input, day] of [['2023-06-15', '2023-06-15'], ['2019-01-02T03:04:05+02:00', '2019-01-02'], ['2019-01-01T23:30:00-02:00', '2019-01-02'], ['2024-02-29T10:00', '2024-02-29']]) {
      const l = dateLiteral(input);
      expect(l?.value.slice(0, 10)).toBe(day);
      expect(l?.value).toMatch(LEXICAL[l?.datatype.value ?? '']);
    }
  });

  // Where the server runs in UTC (as the tests do), the earlier code gave the same; the zone's part is proven by the next test.
  test('an instant is given in UTC; one without an offset is read as UTC', () => {
    expect(dateLiteral('2019-01-02T03:04:05+02:00')?.value).toBe('2019-01-02T01:04:05.000Z');
    expect(dateLiteral('2023-06-15T10:00:00')?.value).toBe('2023-06-15T10:00:00.000Z');
  });

  test('what is not ISO 8601, or not a day of the calendar, is no date', () => {
    // `+002023-06-15` is ECMAScript's expanded-year form (Date.parse reads it; XML Schema has no `+` sign);
    // `2023/06/15` and `Mon 2023-06-15` Date.parse reads in the server's own time zone; `June 2023-06-15` as 6 June.
    for (const input of ['+002023-06-15', '12023-06-15', '2023/06/15', 'Mon 2023-06-15', 'June 2023-06-15', '2023-02-30', '2023-02-30T10:00:00Z', '2023-06-15T25:00:00Z', 'soon']) {
      expect([input, dateLiteral(input)]).toEqual([input, undefined]);
    }
  });
});
