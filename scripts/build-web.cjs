#!/usr/bin/env node
/**
 * npm run build:web: bundles the explorer page (web/explorer/) into dist-web/explorer/, which
 * src/http/explorerRouter.ts serves at /explore. esbuild bundles the TypeScript and the CSS
 * (Leaflet's own CSS and images included, from node_modules: no CDN); the basemap is the
 * départements and régions of fixtures/geo, simplified here so that the page loads a few hundred
 * kilobytes instead of five megabytes (no tile server is reachable from the machines it runs on).
 * The output is not committed (.gitignore); scripts/demo.sh and scripts/test.sh run this.
 */
const { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');
const simplify = require('@turf/simplify').default;

const root = join(__dirname, '..');
const src = join(root, 'web', 'explorer');
const out = join(root, 'dist-web', 'explorer');
const assets = join(out, 'assets');

/** Rounds every coordinate to `digits` decimals (about 100 m at 3): the basemap is drawn at city scale at most. */
function rounded(coords, digits) {
  if (typeof coords[0] === 'number') return coords.map((c) => Number(c.toFixed(digits)));
  return coords.map((c) => rounded(c, digits));
}

/** A simplified copy of a GeoJSON boundary file of fixtures/geo, keeping `code` and `nom`. */
function basemap(name, tolerance) {
  const collection = JSON.parse(readFileSync(join(root, 'fixtures', 'geo', `${name}.geojson`), 'utf8'));
  const simple = simplify(collection, { tolerance, highQuality: false, mutate: true });
  const features = simple.features.map((f) => ({
    type: 'Feature',
    properties: { code: f.properties.code, nom: f.properties.nom },
    geometry: { type: f.geometry.type, coordinates: rounded(f.geometry.coordinates, 3) },
  }));
  writeFileSync(join(assets, `${name}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  await esbuild.build({
    entryPoints: { explorer: join(src, 'main.ts'), style: join(src, 'explorer.css') },
    bundle: true,
    minify: true,
    sourcemap: true,
    target: ['es2020'],
    format: 'iife',
    outdir: assets,
    loader: { '.png': 'file', '.svg': 'file' },
    assetNames: '[name]-[hash]',
    logLevel: 'warning',
  });
  copyFileSync(join(src, 'index.html'), join(out, 'index.html'));
  basemap('departements', 0.005);
  basemap('regions', 0.005);
  console.log(`[build:web] ${out}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
