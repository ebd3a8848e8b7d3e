#!/usr/bin/env bash
# A/B comparison of geo-core builds with NetworkBench (search throughput on the generated grid), run alternately
# (A B C, C B A, ...) in separate JVMs so that load changes on the shared machine hit all of them. Prints the
# multi-source and bounded lines of each run tagged with its letter, and the load average before each run.
#
# Usage (from the repository root, after `mvn -B -q -o -pl bench -am package -DskipTests`):
#   ROUNDS=2 SIDE=710 scripts/bench/ab.sh CLASSES_DIR_A [CLASSES_DIR_B ...]
# Use geo-core/target/classes for the working tree. To build a directory from a commit:
#   mkdir -p /tmp/ab-old/src /tmp/ab-old/classes && git archive COMMIT geo-core/src/main | tar -x -C /tmp/ab-old/src
#   javac -nowarn -d /tmp/ab-old/classes -cp "$(cat /tmp/geo-core-cp.txt)" $(find /tmp/ab-old/src -name '*.java')
# where /tmp/geo-core-cp.txt comes from
#   mvn -B -q -o -pl geo-core dependency:build-classpath -Dmdep.outputFile=/tmp/geo-core-cp.txt -Dmdep.includeScope=runtime
set -euo pipefail
ROUNDS=${ROUNDS:-2}
SIDE=${SIDE:-710}
CPFILE=${CPFILE:-/tmp/geo-core-cp.txt}
[ -f "$CPFILE" ] || mvn -B -q -o -pl geo-core dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=runtime
DEPS=$(cat "$CPFILE")
DIRS=("$@")
TAGS=(A B C D E F)
run() {
  local tag=$1 classes=$2
  echo "[$tag] load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx3g -Dbench.gridOnly=true -Dbench.searchOnly=true -Dbench.rounds=10 \
    -cp "bench/target/classes:$classes:$DEPS" org.eldercare.planner.bench.NetworkBench ../shared "$SIDE" \
    | grep -E '^(multi-source|bounded|## Same)' | sed "s/^/[$tag] /"
}
for ((r = 0; r < ROUNDS; r++)); do
  for ((k = 0; k < ${#DIRS[@]}; k++)); do
    i=$k
    ((r % 2 == 0)) || i=$((${#DIRS[@]} - 1 - k))
    run "${TAGS[$i]}" "${DIRS[$i]}"
  done
done
