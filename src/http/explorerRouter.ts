import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../config/projectRoot';
import { compressedFiles } from './compressedFiles';

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Explorer not built</title></head>
<body>
<h1>The explorer page is not built</h1>
<p>Its bundle (dist-web/explorer) is missing: run <code>npm run build:web</code> (npm run demo and npm test do it), then reload.</p>
<p>The API works meanwhile: <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`;

/** Where scripts/build-web.cjs writes the bundle (not committed). */
export const EXPLORER_BUNDLE = (): string => join(projectRoot(), 'dist-web', 'explorer');

/**
 * The explorer page (web/explorer/, bundled by `npm run build:web`): `/explore` and its assets
 * under `/explore/assets/` (Leaflet's included: no CDN), and `/`, which sends a newcomer there.
 * The bundle is looked for on each page load, so that building it needs no restart; while it is
 * missing the page says how to build it (a 503, never a 500). Its script, source map and
 * GeoJSON layers go compressed to a browser (compressedFiles.ts) when the app compresses answers.
 */
export function explorerRouter(bundle: string = EXPLORER_BUNDLE()): Router {
  const router = Router();
  router.get('/', (_req, res) => { res.redirect(302, '/explore'); });
  router.get('/explore', (_req, res) => {
    const page = join(bundle, 'index.html');
    if (!existsSync(page)) {
      res.status(503).set('Cache-Control', 'no-store').type('text/html').send(NOT_BUILT);
      return;
    }
    res.status(200).set('Cache-Control', 'no-cache').type('text/html').sendFile(page);
  });
  const assets = join(bundle, 'assets');
  router.use('/explore/assets', compressedFiles(assets), express.static(assets, { index: false, fallthrough: true, maxAge: 0 }));
  return router;
}
