import { join } from 'node:path';
import { compilesToOneSearch, expectGolden, expectNoStrayGolden, goldenRequest } from '../support/goldenRequests';
import { REQUEST_CASES } from './requestCases';

const DIR = join(__dirname, 'requests');
/** Each case runs once; both tests below read its outcome. */
const outcomes = new Map<string, ReturnType<typeof goldenRequest>>();
const outcomeOf = (c: (typeof REQUEST_CASES)[number]) => {
  if (!outcomes.has(c.name)) outcomes.set(c.name, goldenRequest(c));
  return outcomes.get(c.name)!;
};

/**
 * Each request of requestCases.ts through the real app, without Elasticsearch or PostgreSQL: the
 * request, its plan, every Elasticsearch request it sent and the status, as reviewable JSON under
 * test/golden/requests/. Regenerate on purpose with UPDATE_GOLDEN=1 and review the diff.
 */
describe('requests (golden)', () => {
  test.each(REQUEST_CASES)('$name', async (c) => {
    expectGolden(join(DIR, `${c.name}.json`), (await outcomeOf(c)).file);
  });

  test('every golden file belongs to a case', () => {
    expectNoStrayGolden(DIR, REQUEST_CASES.map((c) => c.name));
  });
});

/** The plan a file shows is the plan that produced the request: compiled here, it is the first search sent. */
describe('requests (golden): plan and request agree', () => {
  test.each(REQUEST_CASES.filter(compilesToOneSearch))('$name', async (c) => {
    const { calls, compiled } = await outcomeOf(c);
    expect(compiled).toBeDefined();
    expect(calls.find((call) => call.path.endsWith('/_search'))).toEqual(compiled);
  });
});
