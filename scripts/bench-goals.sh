#!/usr/bin/env bash
# npm run bench:goals: the six benches behind the README's "Where the goals stand", one after
# another, with the settings that table was measured with. About 20 to 30 minutes on the 2-core
# development machine once the synthetic copies exist; more on the first run, which builds them.
# Each bench's output follows a line naming it, its settings, the time and the load average. Run
# it on a quiet machine: what else runs takes CPU from both sides of each comparison, not evenly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${ES_URL:-}" ]; then ES_URL="$(bash scripts/elasticsearch.sh start)"; export ES_URL; fi

# The machine the figures come from: its cores, its memory, and whether its kernel pages out memory
# left idle (a DAMON monitor, as on the development machine: README, "Where the goals stand").
d=/sys/kernel/mm/damon/admin/kdamonds
damon="$( (cat $d/*/state $d/*/contexts/*/schemes/*/action 2>/dev/null || true) | paste -sd, -)"
echo "machine: $(nproc) cores, $(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo) MiB of memory, DAMON (states, then scheme actions): ${damon:-none}"

run() {
  local name="$1"
  shift
  echo "== bench:$name ${*:-(defaults)}, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  env "$@" bash scripts/bench.sh "$name"
  echo
}

run ingest BENCH_ROUNDS=3
run catalog
run peers PEERS_TOTAL=400
run search BENCH_REQUEST_CACHE=off BENCH_SEQUENTIAL=100 BENCH_CONCURRENT=300
run floor BENCH_REQUEST_CACHE=off BENCH_SEQUENTIAL=100 BENCH_CONCURRENT=300
run export BENCH_RECORDS=100000
