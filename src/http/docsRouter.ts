import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../config/projectRoot';
import { type Coding, COMPRESSION_SETTING, negotiatedCoding } from '../dialects/shared/answerCoding';
import { compressedFiles, compressOnce } from './compressedFiles';
import { keptCopies } from './keptCopies';
import { ogcOpenapiDocument } from './openapi/ogcOpenapi';
import { openapiDocument } from './openapi/openapiDocument';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>portal-search API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', tryItOutEnabled: true });</script>
</body>
</html>
`;

const packageVersion = (): string => (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;

let built: string | undefined;
/** The document's text, built on first use and kept (it depends on nothing but the code). */
function documentText(): string {
  return (built ??= JSON.stringify(openapiDocument(packageVersion())));
}

const codedDocuments = keptCopies();
/** The document compressed in `coding`, made on first use and kept (the document never changes while the process runs). */
const codedDocument = (coding: Coding): Promise<Buffer> => codedDocuments(coding, '', () => compressOnce(Buffer.from(documentText(), 'utf8'), coding));

/** The OGC API's OpenAPI 3.0 document for an OGC root (its `servers` entry): what the OGC router serves at `/ogc/api`. */
export const ogcApiDocument = (serverUrl: string): unknown => ogcOpenapiDocument(packageVersion(), serverUrl);

/**
 * `/api/openapi.json` (the OpenAPI 3.1 document, built once) and `/api/docs`: Swagger UI served
 * from node_modules (no CDN: portal intranets often have no internet), trying requests against
 * this server. The document (1 MB) and Swagger UI's files (2.2 MB) go compressed to a browser,
 * from copies made once and kept (compressedFiles.ts, keptCopies.ts), when the app compresses
 * its answers.
 */
export function docsRouter(): Router {
  const router = Router();
  router.get('/api/openapi.json', (req, res, next) => {
    res.status(200).type('application/json');
    const coding = negotiatedCoding(res, req.app.get(COMPRESSION_SETTING) === true);
    if (coding === undefined) {
      res.send(documentText());
      return;
    }
    codedDocument(coding).then((bytes) => { res.set({ 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': coding }).send(bytes); }).catch(next);
  });
  router.get('/api/docs', (_req, res) => { res.status(200).type('text/html').send(PAGE); });
  const swaggerUi = dirname(require.resolve('swagger-ui-dist/package.json'));
  router.use('/api/docs/assets', compressedFiles(swaggerUi), express.static(swaggerUi, { index: false }));
  return router;
}
