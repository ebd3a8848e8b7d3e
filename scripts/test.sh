#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (idempotently), then runs Maven.
# This is the README's test command, and .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh
exec mvn -B verify "$@"
