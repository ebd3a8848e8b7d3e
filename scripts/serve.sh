#!/usr/bin/env bash
# The main job: builds the runnable jar (if needed) and serves the web map on the bundled sample county.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f planner-web/target/planner-web.jar ] || [ -n "$(find geo-core/src planner-web/src -newer planner-web/target/planner-web.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
exec java -jar planner-web/target/planner-web.jar serve "$@"
