import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { EXPLORER_BUNDLE } from '../../../src/http/explorerRouter';
import { ensureFixture } from '../../support/ingestFixture';
import { FIXTURES, rawCsvObjects } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';

/**
 * The explorer page in a real browser (Debian's chromium driven by puppeteer-core): the catalog,
 * then lieux-de-tournage-a-paris with a query, a facet value, a date drilled down year → month,
 * an exclusion, the table and its pages, the map's clusters and its box as a geofilter, the chart,
 * the download link and a bad query's caret. Every expected count comes from the raw CSV read by test/support/rawFixtures.
 * Screenshots go to .cache/screenshots/ and, with UPDATE_SCREENSHOTS=1, to docs/screenshots/.
 */

const CHROMIUM = '/usr/bin/chromium';
const DATASET = 'lieux-de-tournage-a-paris';
const SHOTS = [join(FIXTURES, '..', '.cache', 'screenshots'), ...(process.env.UPDATE_SCREENSHOTS === '1' ? [join(FIXTURES, '..', 'docs', 'screenshots')] : [])];

// Inside page.evaluate the code runs in the page; the test's own type-check has no DOM library, so
// these few declarations say what it touches there (this file's scope only).
interface DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}
declare const document: DomNode & { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number; scrollTo(x: number, y: number): void };

// The raw file, read by our own CSV reader.
const RAW = rawCsvObjects(`${DATASET}.csv`);
const year = (r: Record<string, string>): number => Number(r['Année du tournage']);
const startDate = (r: Record<string, string>): string => r['Date de début'];
const countBy = (rows: Array<Record<string, string>>, key: (r: Record<string, string>) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};

let deps: Deps & { close(): Promise<void> };
let server: Server;
let base: string;
let browser: Browser;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The explorer's browser test needs Chromium at ${CHROMIUM}: apt-get install chromium (npm test installs it).`);
  }
  if (!existsSync(join(EXPLORER_BUNDLE(), 'index.html'))) {
    throw new Error('The explorer page is not built: run `npm run build:web` (npm test does it).');
  }
  deps = await openTestDeps();
  await ensureFixture(deps, DATASET);
  server = createServer(createApp(deps, pino({ level: 'silent' })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  });
  for (const dir of SHOTS) mkdirSync(dir, { recursive: true });
}, 900000);

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await deps?.close();
});

/** A page that fails the test on any script error of the explorer. */
async function openPage(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewport({ width, height });
  return { page, errors };
}

/** A screenshot from the top of the page: the window only, or the whole page (`full`), once a map's basemap is drawn. */
async function screenshot(page: Page, name: string, full = false): Promise<void> {
  if (await page.$('.map')) await page.waitForSelector('.map[data-basemap="ready"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const dir of SHOTS) await page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png`, fullPage: full });
}

/**
 * Waits until a section of the dataset view has drawn the answer to a request that carries each
 * of `params` (and, with `absent`, lacks those parameter names).
 */
async function settled(page: Page, section: string, params: Array<[string, string]>, absent: string[] = []): Promise<void> {
  await page.waitForFunction((sel: string, want: Array<[string, string]>, without: string[]) => {
    const s = document.querySelector(sel);
    const url = s?.getAttribute('data-url');
    if (!s || s.getAttribute('data-state') !== 'ready' || !url) return false;
    const p = new URL(url).searchParams;
    return want.every(([k, v]) => p.getAll(k).includes(v)) && without.every((k) => !p.has(k));
  }, { timeout: 30000 }, `.${section}`, params, absent);
}

const allSettled = async (page: Page, params: Array<[string, string]>, absent: string[] = []): Promise<void> => {
  for (const s of ['records-section', 'map-section', 'chart-section']) await settled(page, s, params, absent);
};

/** The count the page shows for each value of a facet level (`li[data-path]` children of the field's group, at a given depth). */
const facetCounts = (page: Page, field: string, prefix: string): Promise<Record<string, number>> => page.evaluate((f: string, pre: string) => {
  const out: Record<string, number> = {};
  const items = document.querySelectorAll(`.facet-group[data-field="${f}"] li.facet`);
  for (let i = 0; i < items.length; i++) {
    const path = items[i].getAttribute('data-path') ?? '';
    const rest = path.slice(pre.length);
    if (path.startsWith(pre) && rest !== '' && !rest.includes('/')) out[path] = Number(items[i].getAttribute('data-count'));
  }
  return out;
}, field, prefix);

const facetButton = (field: string, path: string, which: 'value' | 'exclude'): string => `.facet-group[data-field="${field}"] li[data-path="${path}"] > .facet-row > .facet-${which}`;

/** The table's rows: id, type and start date of each. */
const tableRows = (page: Page): Promise<Array<{ id: string; type: string; start: string }>> => page.evaluate(() => {
  const rows = document.querySelectorAll('.records-section tbody tr');
  const out: Array<{ id: string; type: string; start: string }> = [];
  for (let i = 0; i < rows.length; i++) {
    const cell = (f: string): string => rows[i].querySelector(`td[data-field="${f}"]`)?.textContent ?? '';
    out.push({ id: cell('id_lieu'), type: cell('type_tournage'), start: cell('date_debut') });
  }
  return out;
});

const shownTotal = (page: Page): Promise<number> => page.evaluate(() => Number(document.querySelector('.records-section [data-nhits]')?.getAttribute('data-nhits')));

/** The cluster markers Leaflet drew, and the sum of the counts written on them. */
const markers = (page: Page): Promise<{ count: number; sum: number }> => page.evaluate(() => {
  const spans = document.querySelectorAll('.map .cluster-marker span[data-count]');
  let sum = 0;
  for (let i = 0; i < spans.length; i++) sum += Number(spans[i].getAttribute('data-count'));
  return { count: document.querySelectorAll('.map .cluster-marker').length, sum };
});

/** The page is no wider than the window: nothing sticks out sideways (the table scrolls in its own box). */
const noSidewaysScroll = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the explorer page', () => {
  const query = 'annee_tournage>=2019';

  test('catalog, then a dataset: query, facet value, date levels, exclusion, table pages, map clusters, chart and download', async () => {
    const { page, errors } = await openPage(1280, 800);
    // `/` sends the browser to the explorer, which lists the dataset among those with records.
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).pathname).toBe('/explore');
    await page.waitForSelector(`.with-records a[href="#/dataset/${DATASET}"]`);
    await page.waitForSelector('.catalog .results[data-nhits]');
    // The suite's other files publish datasets too: the catalog is searched for this one's title.
    await page.type('.catalog input', 'tournage');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.catalog li.dataset[data-datasetid="${DATASET}"]`);
    await page.waitForSelector('.catalog .facet-group[data-field="theme"] li.facet');
    await screenshot(page, 'catalog-desktop');

    await page.click(`.with-records a[href="#/dataset/${DATASET}"]`);
    await allSettled(page, [['dataset', DATASET]], ['q']);
    expect(await shownTotal(page)).toBe(RAW.length);

    // A query typed in the box and sent with Enter.
    await page.type('#q-query-the-records', query);
    await page.keyboard.press('Enter');
    await allSettled(page, [['q', query]]);
    const recent = RAW.filter((r) => year(r) >= 2019);
    expect(await shownTotal(page)).toBe(recent.length);
    expect(await facetCounts(page, 'type_tournage', '')).toEqual(countBy(recent, (r) => r['Type de tournage']));

    // A facet value.
    await page.click(facetButton('type_tournage', 'Long métrage', 'value'));
    await allSettled(page, [['q', query], ['refine.type_tournage', 'Long métrage']]);
    const films = recent.filter((r) => r['Type de tournage'] === 'Long métrage');
    expect(await shownTotal(page)).toBe(films.length);
    expect(await facetCounts(page, 'date_debut', '')).toEqual(countBy(films, (r) => startDate(r).slice(0, 4)));

    // A year, then (from the keyboard) its busiest month: each level shows the next one's counts.
    await page.click(facetButton('date_debut', '2021', 'value'));
    await allSettled(page, [['refine.date_debut', '2021']]);
    const of2021 = films.filter((r) => startDate(r).startsWith('2021-'));
    expect(await shownTotal(page)).toBe(of2021.length);
    const months = countBy(of2021, (r) => `2021/${startDate(r).slice(5, 7)}`);
    expect(await facetCounts(page, 'date_debut', '2021/')).toEqual(months);
    const [month] = Object.entries(months).sort((a, b) => b[1] - a[1])[0];
    await page.focus(facetButton('date_debut', month, 'value'));
    await page.keyboard.press('Enter');
    await allSettled(page, [['refine.date_debut', month]]);
    const ofMonth = of2021.filter((r) => startDate(r).startsWith(month.replace('/', '-')));
    expect(await shownTotal(page)).toBe(ofMonth.length);
    // A month's days are more than a level shows at first: "Show all" lists them.
    await page.click(`.facet-group[data-field="date_debut"] li[data-path="${month}"] > ul > li > .facet-more`);
    expect(await facetCounts(page, 'date_debut', `${month}/`)).toEqual(countBy(ofMonth, (r) => `${month}/${startDate(r).slice(8, 10)}`));

    // The table: the first page and the next, both from the matching rows, none twice.
    const ids = new Set(ofMonth.map((r) => r['Identifiant du lieu']));
    const first = await tableRows(page);
    expect(first.length).toBe(Math.min(10, ofMonth.length));
    for (const row of first) expect([row.id, ids.has(row.id), row.type, row.start.slice(0, 7)]).toEqual([row.id, true, 'Long métrage', month.replace('/', '-')]);
    expect(ofMonth.length).toBeGreaterThan(10);
    await page.click('.records-section .pager-next');
    await settled(page, 'records-section', [['start', '10'], ['refine.date_debut', month]]);
    const second = await tableRows(page);
    expect(second.length).toBe(Math.min(10, ofMonth.length - 10));
    for (const row of second) expect([row.id, ids.has(row.id)]).toEqual([row.id, true]);
    expect(new Set([...first, ...second].map((r) => `${r.id}|${r.start}`)).size).toBe(first.length + second.length);

    // The map drew one marker per cluster, and the clusters hold every matching row with coordinates.
    const located = ofMonth.filter((r) => r.geo_point_2d.trim() !== '');
    const drawn = await markers(page);
    expect(drawn.count).toBeGreaterThan(0);
    expect(drawn.sum).toBe(located.length);
    expect(drawn.count).toBe(Number(await page.$eval('.map-section', (s) => s.getAttribute('data-clusters'))));

    // The chart (the first facet field, the year of shooting) counts the same rows.
    const bars = await page.evaluate(() => {
      const gs = document.querySelectorAll('.chart-section g.bar');
      const out: Record<string, number> = {};
      for (let i = 0; i < gs.length; i++) out[gs[i].getAttribute('data-label') ?? ''] = Number(gs[i].getAttribute('data-value'));
      return out;
    });
    expect(bars).toEqual(countBy(ofMonth, (r) => String(year(r))));

    // The request URL field shows the request the records came from; the CSV link downloads those rows.
    const shown = await page.$eval('.records-section input.request-url', (i) => (i as unknown as { value: string }).value);
    expect(shown).toBe(await page.$eval('.records-section', (s) => s.getAttribute('data-url')));
    const csvHref = await page.$eval('.downloads-section a.download-csv', (a) => a.getAttribute('href') ?? '');
    const csv = await (await fetch(csvHref)).text();
    expect(csv.trim().split('\n').length - 1).toBe(ofMonth.length);

    // Excluding a postcode takes its rows away.
    const postcodes = countBy(ofMonth, (r) => r['Code postal']);
    const [postcode] = Object.entries(postcodes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    await page.click(facetButton('ardt_lieu', postcode, 'exclude'));
    await allSettled(page, [['exclude.ardt_lieu', postcode]]);
    expect(await shownTotal(page)).toBe(ofMonth.length - postcodes[postcode]);
    expect(await page.$eval(facetButton('ardt_lieu', postcode, 'exclude'), (b) => b.getAttribute('aria-pressed'))).toBe('true');
    expect((await markers(page)).sum).toBe(located.filter((r) => r['Code postal'] !== postcode).length);

    // Zoomed in, "Filter to this view" sends the map's box as geofilter.bbox and draws it; the rows
    // left are the raw rows whose point lies in that box.
    const zoom = Number(new URL((await page.$eval('.map-section', (s) => s.getAttribute('data-url'))) ?? '').searchParams.get('clusterprecision'));
    for (const step of [1, 2]) {
      await page.click('.map .leaflet-control-zoom-in');
      await settled(page, 'map-section', [['clusterprecision', String(zoom + step)]]);
    }
    await page.click('.map-section .filter-view');
    await allSettled(page, [['exclude.ardt_lieu', postcode]]);
    await page.waitForFunction(() => document.querySelector('.records-section')?.getAttribute('data-url')?.includes('geofilter.bbox') === true);
    await allSettled(page, [['exclude.ardt_lieu', postcode]]);
    const bbox = (new URL((await page.$eval('.records-section', (s) => s.getAttribute('data-url'))) ?? '').searchParams.get('geofilter.bbox') ?? '').split(',').map(Number);
    expect(bbox).toHaveLength(4);
    const [south, west, north, east] = bbox;
    const inBox = located.filter((r) => r['Code postal'] !== postcode).filter((r) => {
      const [lat, lon] = r.geo_point_2d.split(',').map((x) => Number(x.trim()));
      return lat >= south && lat <= north && lon >= west && lon <= east;
    });
    // The box holds some of the rows, not all: the filter did take some away.
    expect([inBox.length > 0, inBox.length < located.length - postcodes[postcode]]).toEqual([true, true]);
    expect(await shownTotal(page)).toBe(inBox.length);
    expect((await markers(page)).sum).toBe(inBox.length);
    expect(await page.$$eval('.map path.geofilter', (paths) => paths.length)).toBe(1);
    await screenshot(page, 'dataset-desktop', true);

    // The same view on a phone: nothing sticks out sideways.
    const phone = await openPage(375, 740);
    await phone.page.goto(page.url(), { waitUntil: 'domcontentloaded' });
    await allSettled(phone.page, [['exclude.ardt_lieu', postcode], ['geofilter.bbox', bbox.join(',')]]);
    expect(await noSidewaysScroll(phone.page)).toBe(true);
    await screenshot(phone.page, 'dataset-phone', true);
    await phone.page.goto(`${base}/explore#/`, { waitUntil: 'domcontentloaded' });
    await phone.page.waitForSelector('.catalog .results[data-nhits]');
    expect(await noSidewaysScroll(phone.page)).toBe(true);
    await screenshot(phone.page, 'catalog-phone');
    expect([...errors, ...phone.errors]).toEqual([]);
    await phone.page.close();
    await page.close();
  });

  test('a bad query shows the API\'s message and a caret under its position', async () => {
    const { page, errors } = await openPage(1280, 800);
    await page.goto(`${base}/explore#/dataset/${DATASET}`, { waitUntil: 'domcontentloaded' });
    await allSettled(page, [['dataset', DATASET]]);
    const bad = `${query} AND nosuchfield:1`;
    await page.type('#q-query-the-records', bad);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.query-error pre.caret');
    const shown = await page.evaluate(() => ({
      message: document.querySelector('.query-error p')?.textContent ?? '',
      line: document.querySelector('.query-error .caret-query')?.textContent ?? '',
      caret: document.querySelector('.query-error .caret-mark')?.textContent ?? '',
      invalid: document.querySelector('#q-query-the-records')?.getAttribute('aria-invalid'),
    }));
    expect(shown).toEqual({ message: expect.stringContaining('nosuchfield'), line: bad, caret: `${' '.repeat(bad.indexOf('nosuchfield'))}^`, invalid: 'true' });
    await screenshot(page, 'query-error-desktop');
    expect(errors).toEqual([]);
    await page.close();
  });
});
