import type { Express } from 'express';
import type { Deps } from '../../../src/execute/deps';
import { odsSearch } from '../../support/searchRequest';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

// A one-word prefix search whose word holds a script's own punctuation (the Hebrew maqaf U+05BE,
// the Arabic full stop U+06D4). Elasticsearch's tokenizer cuts words there (Unicode word
// boundaries, UAX #29), so the search must look for the pieces in a row, the last one as a prefix.
// The expected rows come from Intl.Segmenter, which implements the same boundary rules. Hebrew and
// Arabic have no letter case, so no folding changes these words.
const ID = 'script-punctuation';
const NAMES = ['תל־אביב יפו', 'תל אביב', 'אביב תל', 'חיפה', 'מדינה۔שמאל', 'مدينة۔الشمال', 'مدينة الشمال', 'الشمال'];
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const wordsOf = (text: string): string[] => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

/** The rows holding the query's words in a row, the last one as the start of a word. */
function expectedRows(query: string): string[] {
  const q = wordsOf(query);
  return NAMES.filter((name) => {
    const w = wordsOf(name);
    for (let i = 0; i + q.length <= w.length; i++) {
      const whole = q.slice(0, -1).every((word, k) => w[i + k] === word);
      if (whole && w[i + q.length - 1].startsWith(q[q.length - 1])) return true;
    }
    return false;
  });
}

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, ID, [{ name: 'nom', type: 'text' }], NAMES.map((n) => [n]));
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

test('the oracle splits at the maqaf and the Arabic full stop, as the queries below need', () => {
  expect(wordsOf('תל־אביב')).toEqual(['תל', 'אביב']);
  expect(wordsOf('مدينة۔الش')).toEqual(['مدينة', 'الش']);
});

test.each(['תל־אב', 'תל־אביב', 'مدينة۔الش', 'חיפ', 'מדינה۔ש', 'תלאביב'])('q=%s finds the rows with those words in a row', async (q) => {
  const body = await odsSearch(app, { dataset: ID, q, rows: 20 });
  const found = body.records.map((r) => r.fields.nom as string).sort();
  const expected = expectedRows(q).sort();
  expect(found).toEqual(expected);
  expect(body.nhits).toBe(expected.length);
});

test('the punctuated queries do find something (the cases above are not all empty)', () => {
  expect(expectedRows('תל־אב').sort()).toEqual(['תל אביב', 'תל־אביב יפו'].sort());
  expect(expectedRows('مدينة۔الش').sort()).toEqual(['مدينة الشمال', 'مدينة۔الشمال'].sort());
});
