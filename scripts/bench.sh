#!/usr/bin/env bash
# npm run bench:<name>: runs bench/<name>.ts against a real Elasticsearch node and PostgreSQL,
# in its own database (portal_search_bench, or BENCH_DATABASE_URL) and index prefix (bench-, or
# BENCH_INDEX_PREFIX).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: scripts/bench.sh <name>}"
bash scripts/ensure-deps.sh
npm run --silent build
if [ -z "${ES_URL:-}" ]; then ES_URL="$(bash scripts/elasticsearch.sh start)"; export ES_URL; fi
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_search_bench}"
bash scripts/ensure-postgres.sh
export ES_INDEX_PREFIX="${BENCH_INDEX_PREFIX:-bench-}" LOG_LEVEL=warn
node "dist/bench/$name.js"
