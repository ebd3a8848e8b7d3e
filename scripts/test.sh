#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (idempotently), then runs Maven.
# This is the README's test command, and .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
# the store tests run against the PostGIS that setup-test-deps.sh starts; stop it at the end whatever happens,
# unless it was already running before (another checkout's tests or a developer may be using it)
if ! bash scripts/postgis.sh status; then
  trap 'bash scripts/postgis.sh stop' EXIT
fi
bash scripts/setup-test-deps.sh
export PLANNER_TEST_PG_URL="$(bash scripts/postgis.sh url)"
export PLANNER_DB_CONFIG="$(bash scripts/postgis.sh config)"
mvn -B verify "$@"
