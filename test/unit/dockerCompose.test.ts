import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config';

/**
 * docker-compose.yml cannot run on the machines the suite runs on (no Docker), so it is held to
 * the scripts that do run: the same Elasticsearch version and heap, the same database, the same
 * port, the same commands, and only environment variables the server knows.
 */
const ROOT = join(__dirname, '..', '..');
const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
interface Service { image?: string; build?: unknown; environment?: Record<string, string>; ports?: string[] }
const compose = parse(text('docker-compose.yml')) as { services: Record<string, Service> };
/** A default `NAME="${NAME:-value}"` of a shell script. */
const scriptDefault = (file: string, name: string): string => {
  const m = new RegExp(`^${name}="\\$\\{${name}:-([^}]*)\\}"`, 'm').exec(text(file));
  if (!m) throw new Error(`${file} has no default for ${name}`);
  return m[1];
};

describe('docker-compose.yml agrees with the scripts', () => {
  test('Elasticsearch: the version scripts/elasticsearch.sh pins, and its heap', () => {
    const es = compose.services.elasticsearch;
    expect(es.image).toBe(`docker.elastic.co/elasticsearch/elasticsearch:${scriptDefault('scripts/elasticsearch.sh', 'ES_VERSION')}`);
    const heap = scriptDefault('scripts/elasticsearch.sh', 'ES_HEAP');
    expect(es.environment?.ES_JAVA_OPTS).toBe(`-Xms${heap} -Xmx${heap}`);
  });

  test('the API: the demo\'s database, the server\'s default port, and only variables the server reads', () => {
    const api = compose.services.api;
    const demoDb = /DATABASE_URL="\$\{DATABASE_URL:-postgres:\/\/postgres@127\.0\.0\.1:5432\/(\w+)\}"/.exec(text('scripts/demo.sh'))?.[1];
    expect(api.environment?.DATABASE_URL).toBe(`postgres://postgres@postgres:5432/${demoDb}`);
    expect(api.ports).toEqual([`${loadConfig({}).port}:${loadConfig({}).port}`]);
    // Every variable is one the README's configuration table documents, and the server accepts it.
    const documented = new Set([...text('README.md').matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean));
    for (const name of Object.keys(api.environment ?? {})) expect([name, documented.has(name)]).toEqual([name, true]);
    expect(() => loadConfig(api.environment ?? {})).not.toThrow();
  });

  test('PostgreSQL: the major version the scripts and CI run on', () => {
    // .ci/run and the scripts use Debian bookworm's PostgreSQL (15), whose cluster ensure-postgres.sh starts.
    expect(compose.services.postgres.image).toBe('postgres:15');
  });

  test('the image builds the explorer page and publishes what `npm run demo` publishes, then serves', () => {
    const demo = text('scripts/demo.sh');
    const docker = text('Dockerfile');
    // In the same order: the fixtures before the catalog that lists some of them (a publish over a metadata-only entry is refused).
    const steps = ['build:web', 'ingest fixtures/descriptors/*.json --take-over', 'import-catalog fixtures/catalog/opendata-paris-catalog.json', 'serve'];
    for (const step of steps) expect([step, demo.includes(step), docker.includes(step)]).toEqual([step, true, true]);
    const ordered = (file: string): boolean => {
      const commands = file.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
      return steps.every((step, i) => i === 0 || commands.indexOf(steps[i - 1]) < commands.indexOf(step));
    };
    expect([ordered(demo), ordered(docker)]).toEqual([true, true]);
  });
});
