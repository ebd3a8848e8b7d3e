#!/usr/bin/env bash
# A/B comparison of two geo-core builds with NetworkBench (search throughput on the generated grid), run alternately
# A B B A ... in separate JVMs so that load changes on the shared machine hit both. Prints the multi-source and
# bounded lines of each run, tagged A or B, plus the load average before each run.
#
# Usage (from the repository root, after `mvn -B -q -o -pl bench -am package -DskipTests`):
#   bench/ab.sh OLD_GEO_CORE_CLASSES_DIR [ROUNDS=3] [GRID_SIDE=710]
# B is the working tree (geo-core/target/classes). To build A from a commit:
#   mkdir -p /tmp/ab-old/src /tmp/ab-old/classes && git archive COMMIT geo-core/src/main | tar -x -C /tmp/ab-old/src
#   javac -nowarn -d /tmp/ab-old/classes -cp "$(cat /tmp/geo-core-cp.txt)" $(find /tmp/ab-old/src -name '*.java')
# where /tmp/geo-core-cp.txt comes from
#   mvn -B -q -o -pl geo-core dependency:build-classpath -Dmdep.outputFile=/tmp/geo-core-cp.txt -Dmdep.includeScope=runtime
set -euo pipefail
OLD=${1:?old geo-core classes dir}
ROUNDS=${2:-3}
SIDE=${3:-710}
CPFILE=${CPFILE:-/tmp/geo-core-cp.txt}
[ -f "$CPFILE" ] || mvn -B -q -o -pl geo-core dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=runtime
DEPS=$(cat "$CPFILE")
run() {
  local tag=$1 classes=$2
  echo "[$tag] load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx3g -Dbench.gridOnly=true -Dbench.searchOnly=true -Dbench.rounds=10 \
    -cp "bench/target/classes:$classes:$DEPS" org.eldercare.planner.bench.NetworkBench ../shared "$SIDE" \
    | grep -E '^(multi-source|bounded|## Same)' | sed "s/^/[$tag] /"
}
for ((r = 0; r < ROUNDS; r++)); do
  if ((r % 2 == 0)); then run A "$OLD"; run B geo-core/target/classes; else run B geo-core/target/classes; run A "$OLD"; fi
done
