#!/usr/bin/env bash
# npm run demo: portal-search on port 8080 (PORT) with the five fixture datasets and the Paris
# catalog published from a real Elasticsearch node and PostgreSQL. Installs what it needs.
# Re-running it republishes the fixtures (stable record ids, no duplicates).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
npm run --silent build
npm run --silent build:web
if [ -z "${ES_URL:-}" ]; then
  ES_URL="$(ES_HEAP="${ES_HEAP:-1g}" bash scripts/elasticsearch.sh start)"
  export ES_URL
fi
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_search}"
bash scripts/ensure-postgres.sh
cli="node dist/src/cli/main.js"
# The fixtures first, then the Paris catalog, which lists some of them: importing it keeps a
# published dataset's records. --take-over: a database where the catalog came first (an older
# demo) holds those as metadata-only entries, which a publish replaces only when asked.
$cli ingest fixtures/descriptors/*.json --take-over
$cli import-catalog fixtures/catalog/opendata-paris-catalog.json
echo "portal-search: http://127.0.0.1:${PORT:-8080}/ (the explorer), /api/docs, /api/health (Ctrl-C stops the API; scripts/elasticsearch.sh stop stops Elasticsearch)"
# The V8 flags of README "Command line" (bench/serveFlags.ts says why).
exec node --max-old-space-size=1024 --max-semi-space-size=8 --initial-old-space-size=64 --interrupt-budget=16384 dist/src/cli/main.js serve
