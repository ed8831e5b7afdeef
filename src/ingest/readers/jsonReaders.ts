import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReaderItem } from '../rawRow';
import { namesWithoutNul } from '../withoutNul';
import { openBytes } from './bytes';
import { decodeText } from './decodeText';
import { JsonArraySplitter } from './jsonArraySplitter';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The values of a row read from `text`: its names are looked at only when the text holds an escaped NUL. */
const rowValues = (values: Record<string, unknown>, text: string): Record<string, unknown> =>
  (text.includes('\\u0000') ? namesWithoutNul(values) : values);

async function* arrayItems(path: string, target: 'root' | 'features'): AsyncGenerator<{ position: number; text: string }> {
  const splitter = new JsonArraySplitter(target);
  let position = 0;
  for await (const chunk of decodeText(await openBytes(path), 'utf-8')) {
    for (const text of splitter.push(chunk)) yield { position: ++position, text };
    if (splitter.finished) return;
  }
  if (!splitter.finished) throw new Error(target === 'root' ? 'the file is not a JSON array' : 'no "features" array found');
}

function parseItem(position: number, text: string): { value?: unknown; problem?: ReaderItem } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { problem: { kind: 'problem', problem: { position, message: `invalid JSON: ${(err as Error).message}` } } };
  }
}

/** GeoJSON FeatureCollection (plain or gzipped): properties become values, the geometry rides along. */
export async function* readGeoJson(path: string): AsyncGenerator<ReaderItem> {
  for await (const { position, text } of arrayItems(path, 'features')) {
    const { value, problem } = parseItem(position, text);
    if (problem) { yield problem; continue; }
    if (!isObject(value) || value.type !== 'Feature') {
      yield { kind: 'problem', problem: { position, message: 'not a GeoJSON Feature' } };
      continue;
    }
    yield { kind: 'row', row: { position, values: isObject(value.properties) ? rowValues(value.properties, text) : {}, geometry: value.geometry } };
  }
}

/** A JSON array of objects. */
export async function* readJsonArray(path: string): AsyncGenerator<ReaderItem> {
  for await (const { position, text } of arrayItems(path, 'root')) {
    const { value, problem } = parseItem(position, text);
    if (problem) { yield problem; continue; }
    if (!isObject(value)) { yield { kind: 'problem', problem: { position, message: 'not a JSON object' } }; continue; }
    yield { kind: 'row', row: { position, values: rowValues(value, text) } };
  }
}

/** Newline-delimited JSON: one object a line; blank lines are skipped. */
export async function* readNdjson(path: string): AsyncGenerator<ReaderItem> {
  const lines = createInterface({ input: Readable.from(decodeText(await openBytes(path), 'utf-8')), crlfDelay: Infinity });
  let position = 0;
  for await (const line of lines) {
    position++;
    if (line.trim() === '') continue;
    const { value, problem } = parseItem(position, line);
    if (problem) { yield problem; continue; }
    if (!isObject(value)) { yield { kind: 'problem', problem: { position, message: 'not a JSON object' } }; continue; }
    yield { kind: 'row', row: { position, values: rowValues(value, line) } };
  }
}
