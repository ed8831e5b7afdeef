#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers when DATABASE_URL points at this machine.
set -euo pipefail
url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/}"
case "$url" in *@127.0.0.1*|*@localhost*) ;; *) exit 0 ;; esac
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "[postgres] not answering on 127.0.0.1:5432, starting the local cluster" >&2
  for v in /etc/postgresql/*; do pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start || true; done
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
  echo "[postgres] still not answering" >&2; exit 1
fi
