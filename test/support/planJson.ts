/** JSON as a golden file holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A dataset field, wherever a plan holds one: its name and type say all a reviewer needs. */
const isFieldDef = (v: object): v is { name: string; type: string } =>
  ['name', 'label', 'type', 'annotations', 'source'].every((k) => k in v);

/**
 * A plan as deterministic, reviewable JSON: Maps become objects (arrays of pairs when a key is
 * not a string), Sets arrays, Dates ISO texts, fields `name:type`, and the objects `named` knows
 * (facet kinds) their names. Undefined properties are left out. Any other function is an error,
 * so that a new kind of behaviour in a plan is given a name on purpose.
 */
export function planJson(value: unknown, named: (v: object) => string | undefined, at = 'plan'): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (value === undefined) return null;
  if (typeof value !== 'object') throw new Error(`${at}: a ${typeof value} has no JSON form`);
  const name = named(value);
  if (name !== undefined) return name;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v, i) => planJson(v, named, `${at}[${i}]`));
  if (value instanceof Set) return [...value].map((v, i) => planJson(v, named, `${at}[${i}]`));
  if (value instanceof Map) {
    const entries = [...value];
    return entries.every(([k]) => typeof k === 'string')
      ? Object.fromEntries(entries.map(([k, v]) => [k, planJson(v, named, `${at}.${String(k)}`)]))
      : entries.map(([k, v], i) => [planJson(k, named, `${at}[${i}]`), planJson(v, named, `${at}[${i}]`)]);
  }
  if (isFieldDef(value)) return `${value.name}:${value.type}`;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'function') throw new Error(`${at}.${k} is a function of an unnamed object: name its kind`);
    if (v !== undefined) out[k] = planJson(v, named, `${at}.${k}`);
  }
  return out;
}
