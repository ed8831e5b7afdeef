import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** True when this run regenerates golden files on purpose (`UPDATE_GOLDEN=1`); only then is one written. */
export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/**
 * `value` as indented JSON must be the content of the golden file. With UPDATE_GOLDEN=1 the file
 * is written first (review the diff); otherwise a missing file fails, as a changed one does.
 */
export function expectGolden(file: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (UPDATING_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`Missing golden file ${file}: run the test with UPDATE_GOLDEN=1 to write it, then review it.`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Every `.json` file of a golden folder belongs to a case: a file left behind by a removed case fails. */
export function expectNoStrayGolden(dir: string, names: readonly string[]): void {
  const expected = new Set(names.map((n) => `${n}.json`));
  const stray = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !expected.has(f)) : [];
  expect(stray).toEqual([]);
}
