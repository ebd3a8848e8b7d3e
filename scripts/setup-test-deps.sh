#!/usr/bin/env bash
# Installs the system packages the tests need, idempotently (nothing is reinstalled when present).
# Later pieces (PostGIS, Chromium, Jupyter) add their packages and start-up here; tests never skip for lack of them.
set -euo pipefail
need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${need[@]}"
fi

# PostGIS for the store tests: installs postgresql-15 + postgresql-15-postgis-3 when missing, starts a throw-away
# server on 127.0.0.1:55432 (data under /tmp) and creates the database; scripts/test.sh stops it again.
bash "$(dirname "$0")/postgis.sh" start >/dev/null
