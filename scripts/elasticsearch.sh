#!/usr/bin/env bash
# Provision and run a local single-node Elasticsearch for tests and the demo, or a local
# three-node cluster for the scale-out test.
#
#   scripts/elasticsearch.sh start|stop|status|url   the single node (ES_PORT)
#   scripts/elasticsearch.sh cluster-start           starts the cluster's nodes that are not running,
#                                                    waits until all have joined, and prints the node
#                                                    URLs, comma-separated (a value for ES_URL)
#   scripts/elasticsearch.sh cluster-stop|cluster-status
#   scripts/elasticsearch.sh cluster-pids            one line per running node: <http port> <pid>
#
# The distribution is the minimal integ-test-zip published on Maven Central, fetched with mvn
# and cached in .cache/elasticsearch/ (ignored by git). It is unpacked and run under ES_BASE
# (default /var/tmp/portal-search-es), outside the checkout, because Elasticsearch refuses to run
# as root and the unprivileged user it runs as may not be able to read a checkout under /root.
#
# Environment (all optional):
#   ES_VERSION  pinned distribution version (default below)
#   ES_PORT     HTTP port on 127.0.0.1 (default 9200)
#   ES_HEAP     JVM heap, e.g. 512m or 1g (default 1g)
#   ES_BASE     where the node is unpacked and keeps data and logs
#   ES_USER     unprivileged user used when run as root (default portalsearch-es)
#   ES_JAVA_HOME  a JDK to use instead of the one picked under /usr/lib/jvm
#   ES_CLUSTER_PORTS  HTTP ports of the cluster's nodes (default "9301 9302 9303"); each node's
#                 transport port is its HTTP port + 100; every node is master-eligible and holds data
#   ES_CLUSTER_HEAP   JVM heap of each cluster node (default 256m)
# The cluster is named portal-search-cluster and keeps each node's configuration, data and logs
# under $ES_BASE/cluster/node-<port>/; it never meets the single node (another name, other ports).
set -euo pipefail

# 9.x integ-test-zips are not served by the Maven Central this project can reach (checked:
# 9.0.0 … 9.4.2 answer "not found"); 8.19.21 is the newest published build, on Java 17.
ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-1g}"
ES_BASE="${ES_BASE:-/var/tmp/portal-search-es}"
ES_USER="${ES_USER:-portalsearch-es}"
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="$ROOT_DIR/.cache/elasticsearch"
ES_HOME="$ES_BASE/elasticsearch-$ES_VERSION"
DATA_DIR="$ES_BASE/data-$ES_VERSION-$ES_PORT"
LOG_DIR="$ES_BASE/logs-$ES_PORT"
PID_FILE="$ES_BASE/es-$ES_PORT.pid"
URL="http://127.0.0.1:$ES_PORT"
CLUSTER_NAME="portal-search"

log() { printf '[elasticsearch] %s\n' "$*" >&2; }

healthy() {
  curl -fsS --max-time 3 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

# The lowest JDK under /usr/lib/jvm that satisfies the version's minimum: ES 8.x runs best on 17
# (8.18+ switches to a different security model on JDK 24+), ES 9.x needs 21 or later.
pick_jdk() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local min=17; case "$ES_VERSION" in 9.*) min=21;; esac
  local best="" best_major=999 dir major
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] && [ ! -L "$dir" ] || continue
    major="$(java_major "$dir")"; [ -n "$major" ] || continue
    if [ "$major" -ge "$min" ] && [ "$major" -lt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  [ -n "$best" ] || { log "no JDK >= $min under /usr/lib/jvm"; exit 1; }
  echo "$best"
}

fetch() {
  local zip="$CACHE_DIR/elasticsearch-$ES_VERSION.zip"
  if [ ! -s "$zip" ]; then
    command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven >/dev/null; }
    mkdir -p "$CACHE_DIR"
    log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION with mvn"
    (cd "$CACHE_DIR" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$CACHE_DIR" >&2)
  fi
  if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then
    command -v unzip >/dev/null || { apt-get update -qq && apt-get install -y -qq unzip >/dev/null; }
    mkdir -p "$ES_BASE"
    unzip -q -o "$zip" -d "$ES_BASE"
  fi
}

configure() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  cat > "$ES_HOME/config/elasticsearch.yml" <<EOF
cluster.name: $CLUSTER_NAME
node.name: node-$ES_PORT
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + 100))
discovery.type: single-node
path.data: $DATA_DIR
path.logs: $LOG_DIR
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" > "$ES_HOME/config/jvm.options.d/heap.options"
}

# As root: the unprivileged user owns ES_BASE (created when missing).
own_base() {
  if [ "$(id -u)" -eq 0 ]; then
    id -u "$ES_USER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
      --home-dir "$ES_BASE" --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER:$ES_USER" "$ES_BASE"
  fi
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

run_as_owner() {
  own_base
  as_owner "$@"
}

start() {
  if healthy; then log "reusing the node already running at $URL"; echo "$URL"; return 0; fi
  fetch
  configure
  local jdk; jdk="$(pick_jdk)"
  log "starting Elasticsearch $ES_VERSION on $URL (JDK $(java_major "$jdk") at $jdk, heap $ES_HEAP)"
  local started=$SECONDS
  rm -f "$PID_FILE"
  if ! run_as_owner env -i PATH=/usr/bin:/bin HOME="$ES_BASE" LANG=C.UTF-8 ES_JAVA_HOME="$jdk" \
      "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE" >"$LOG_DIR/launcher.out" 2>&1; then
    log "the launcher failed:"; cat "$LOG_DIR/launcher.out" >&2; print_log; exit 1
  fi
  for _ in $(seq 1 180); do
    if healthy; then log "up after $((SECONDS - started)) s"; echo "$URL"; return 0; fi
    sleep 1
  done
  log "did not become healthy within 180 s"; print_log; exit 1
}

print_log() {
  local f="$LOG_DIR/$CLUSTER_NAME.log"
  [ -f "$f" ] && { log "last lines of $f:"; tail -n 80 "$f" >&2; }
  return 0
}

stop() {
  [ -f "$PID_FILE" ] || { log "no node started by this script on port $ES_PORT"; return 0; }
  local pid; pid="$(cat "$PID_FILE")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then log "still running after 60 s, killing"; kill -9 "$pid" || true; fi
  rm -f "$PID_FILE"
  log "stopped"
}

status() {
  if healthy; then curl -fsS "$URL/_cluster/health?pretty"; else log "not running at $URL"; return 3; fi
}

# --- the three-node cluster -------------------------------------------------------------------
CLUSTER_PORTS="${ES_CLUSTER_PORTS:-9301 9302 9303}"
CLUSTER_HEAP="${ES_CLUSTER_HEAP:-256m}"
CLUSTER_BASE="$ES_BASE/cluster"
CLUSTER="portal-search-cluster"

node_dir() { echo "$CLUSTER_BASE/node-$1"; }
node_pid() { cat "$(node_dir "$1")/es.pid" 2>/dev/null || true; }
node_alive() { local pid; pid="$(node_pid "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
cluster_size() { local n=0 p; for p in $CLUSTER_PORTS; do n=$((n + 1)); done; echo "$n"; }
cluster_urls() { local p out=""; for p in $CLUSTER_PORTS; do out="$out${out:+,}http://127.0.0.1:$p"; done; echo "$out"; }

# Each node reads its own configuration directory (ES_PATH_CONF), a copy of the distribution's.
# A node whose data directory is empty takes part in bootstrapping the cluster; a node that has
# data (a restart) only joins through the seed hosts.
configure_node() {
  local port="$1" dir seeds="" masters="" p
  dir="$(node_dir "$port")"
  mkdir -p "$dir/data" "$dir/logs"
  [ -f "$dir/config/jvm.options" ] || { rm -rf "$dir/config"; cp -r "$ES_HOME/config" "$dir/config"; }
  for p in $CLUSTER_PORTS; do
    seeds="$seeds${seeds:+, }\"127.0.0.1:$((p + 100))\""; masters="$masters${masters:+, }node-$p"
  done
  {
    echo "cluster.name: $CLUSTER"
    echo "node.name: node-$port"
    echo "network.host: 127.0.0.1"
    echo "http.port: $port"
    echo "transport.port: $((port + 100))"
    echo "discovery.seed_hosts: [$seeds]"
    echo "path.data: $dir/data"
    echo "path.logs: $dir/logs"
    echo "xpack.security.enabled: false"
    echo "cluster.routing.allocation.disk.threshold_enabled: false"
    echo "action.destructive_requires_name: false"
    [ -n "$(ls -A "$dir/data")" ] || echo "cluster.initial_master_nodes: [$masters]"
  } > "$dir/config/elasticsearch.yml"
  printf -- '-Xms%s\n-Xmx%s\n-Xlog:disable\n' "$CLUSTER_HEAP" "$CLUSTER_HEAP" > "$dir/config/jvm.options.d/heap.options"
}

launch_node() {
  local port="$1" jdk="$2" dir
  dir="$(node_dir "$port")"
  rm -f "$dir/es.pid"
  if ! as_owner env -i PATH=/usr/bin:/bin HOME="$ES_BASE" LANG=C.UTF-8 ES_JAVA_HOME="$jdk" ES_PATH_CONF="$dir/config" \
      "$ES_HOME/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/logs/launcher.out" 2>&1; then
    log "node $port: the launcher failed:"; cat "$dir/logs/launcher.out" >&2; return 1
  fi
}

cluster_joined() {
  local p
  for p in $CLUSTER_PORTS; do
    curl -fsS --max-time 3 "http://127.0.0.1:$p/_cluster/health?wait_for_nodes=$(cluster_size)&wait_for_status=yellow&timeout=2s" >/dev/null 2>&1 || return 1
  done
}

cluster_start() {
  fetch
  local jdk port started=$SECONDS failed=0 launched=()
  jdk="$(pick_jdk)"
  for port in $CLUSTER_PORTS; do
    node_alive "$port" && continue
    configure_node "$port"
    launched+=("$port")
  done
  if [ "${#launched[@]}" -gt 0 ]; then
    log "starting cluster nodes ${launched[*]} (heap $CLUSTER_HEAP each, JDK at $jdk)"
    own_base
    # Launched together: a starting node waits for the cluster to form, which needs the others.
    for port in "${launched[@]}"; do launch_node "$port" "$jdk" & done
    for _ in "${launched[@]}"; do wait -n || failed=1; done
    [ "$failed" = 0 ] || { cluster_log; exit 1; }
  fi
  for _ in $(seq 1 240); do
    if cluster_joined; then log "cluster of $(cluster_size) nodes up after $((SECONDS - started)) s"; cluster_urls; return 0; fi
    sleep 1
  done
  log "the cluster did not form within 240 s"; cluster_log; exit 1
}

cluster_log() {
  local p f
  for p in $CLUSTER_PORTS; do
    f="$(node_dir "$p")/logs/$CLUSTER.log"
    [ -f "$f" ] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }
  done
  return 0
}

cluster_stop() {
  local p pid
  for p in $CLUSTER_PORTS; do
    pid="$(node_pid "$p")"
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  done
  for p in $CLUSTER_PORTS; do
    pid="$(node_pid "$p")"; [ -n "$pid" ] || continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then log "node $p still running after 60 s, killing"; kill -9 "$pid" || true; fi
    rm -f "$(node_dir "$p")/es.pid"
  done
  log "cluster stopped"
}

cluster_pids() {
  local p
  for p in $CLUSTER_PORTS; do
    if node_alive "$p"; then echo "$p $(node_pid "$p")"; fi
  done
}

cluster_status() {
  local p
  for p in $CLUSTER_PORTS; do
    if node_alive "$p"; then curl -fsS "http://127.0.0.1:$p/_cluster/health?pretty"; return 0; fi
  done
  log "no cluster node running"; return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$URL" ;;
  cluster-start) cluster_start ;;
  cluster-stop) cluster_stop ;;
  cluster-status) cluster_status ;;
  cluster-pids) cluster_pids ;;
  *) echo "usage: $0 start|stop|status|url|cluster-start|cluster-stop|cluster-status|cluster-pids" >&2; exit 2 ;;
esac
