#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (idempotently), then runs Maven.
# This is the README's test command, and .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
# the store tests run against the PostGIS that setup-test-deps.sh starts; stop it whatever happens
trap 'bash scripts/postgis.sh stop' EXIT
bash scripts/setup-test-deps.sh
export PLANNER_TEST_PG_URL="$(bash scripts/postgis.sh url)"
export PLANNER_DB_CONFIG="$(bash scripts/postgis.sh config)"
mvn -B verify "$@"
