#!/usr/bin/env bash
# npm test: lint, type-check, then every jest project (unit, golden, property, and integration on a
# real Elasticsearch node and PostgreSQL, see jest.config.js). Installs what it needs. Extra
# arguments go to jest (e.g. a file pattern, or `--selectProjects integration`).
# `npm run test:unit` runs the unit, golden and property projects alone, with no service at all.
#   ES_URL            use this Elasticsearch instead of provisioning one
#   TEST_DATABASE_URL PostgreSQL database for the tests (dropped and recreated by the run)
#   ES_KEEP=1         leave the node this run started running (faster next run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
# Debian packages the tests drive: openssl makes the HTTPS test's certificate
# (test/integration/esConnection.test.ts); GDAL's ogr2ogr makes the GeoPackage and Shapefile
# fixtures and, with its SQLite dialect (SpatiaLite), is the independent oracle of reprojection and
# geodesic areas; chromium is the browser of the explorer page's test.
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
command -v chromium >/dev/null || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[deps] apt-get install ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npx eslint .
npx depcruise src --config .dependency-cruiser.cjs
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/explorer/tsconfig.json --noEmit
# The typed client (packages/client, an npm workspace) with its own settings: what its users compile.
npx tsc -p packages/client/tsconfig.json --noEmit
# The explorer page's bundle, which its browser test (test/integration/http/explorer.test.ts) loads.
npm run --silent build:web

started_es=0
if [ -z "${ES_URL:-}" ]; then
  export ES_PORT="${ES_PORT:-9200}"
  bash scripts/elasticsearch.sh status >/dev/null 2>&1 || started_es=1
  ES_URL="$(ES_HEAP="${ES_HEAP:-1g}" bash scripts/elasticsearch.sh start)"
  export ES_URL
fi
stop_es() { if [ "$started_es" = 1 ] && [ "${ES_KEEP:-0}" != 1 ]; then bash scripts/elasticsearch.sh stop; fi; }
trap stop_es EXIT

export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_search_test}"
bash scripts/ensure-postgres.sh
export ES_INDEX_PREFIX=test-
export LOG_LEVEL=silent
mkdir -p .cache
results=.cache/jest-results.json
rm -f "$results"
status=0
# --forceExit: once the results are written, a connection some test left open must not keep CI waiting.
npx jest --runInBand --forceExit --json --outputFile="$results" "$@" || status=$?
# The plain closing line, for readers that do not know jest's summary.
if [ -f "$results" ]; then
  node -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)' "$PWD/$results"
fi
exit "$status"
