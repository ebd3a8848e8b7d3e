#!/usr/bin/env bash
# pgRouting vs geo-core on the same generated grid: multi-start reach (pgr_drivingDistance) with several starts and
# one budget, both sides timed in the same run. Starts its own throw-away PostgreSQL 15 cluster under /tmp on its
# own port (never touches the shared test server on 55432) and removes it at the end.
#
# Needs: Debian postgresql-15 and postgresql-15-pgrouting (apt-get install -y postgresql-15-pgrouting), Java 17,
# and the bench built:  mvn -B -q -o -pl bench -am package -DskipTests
# Usage (from the repository root):  scripts/bench/pgrouting.sh [GRID_SIDE=710] [STARTS=10] [BUDGET_S=900] [REPS=5]
#   GRID_SIDE 710 = 504 100 vertices, 1 006 780 edges (the NetworkBench grid); BUDGET_S in seconds of walking
#   at 0.76 m/s (the CSV's cost unit).
set -euo pipefail
SIDE=${1:-710}
K=${2:-10}
BUDGET=${3:-900}
REPS=${4:-5}
PORT=${PGR_PORT:-55499}
WORK=${PGR_DIR:-/tmp/pgr-bench-$$}
BIN=/usr/lib/postgresql/15/bin
CPFILE=${CPFILE:-/tmp/geo-core-cp.txt}
[ -f "$CPFILE" ] || mvn -B -q -o -pl geo-core dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=runtime
CP="bench/target/classes:geo-core/target/classes:$(cat "$CPFILE")"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$WORK"
chmod 777 "$WORK"
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "# pgRouting comparison $(date -u +%FT%TZ), nproc $(nproc), $(lscpu | grep 'Model name' | sed 's/  */ /g')"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
CSV="$WORK/grid.csv"
java -Xmx3g -cp "$CP" org.eldercare.planner.bench.ReachBench write "$CSV" "$SIDE" "$K" >/dev/null
chmod 644 "$CSV" "$CSV.starts"
STARTS=$(cat "$CSV.starts")
echo "grid ${SIDE}x${SIDE}: $(($(wc -l < "$CSV") - 1)) edges; starts $STARTS; budget $BUDGET"

as_pg "$BIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
as_pg "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses='' -c fsync=off -c shared_buffers=256MB -c work_mem=256MB -c jit=off" \
  start >/dev/null
PSQL=(as_pg psql -X -q -h "$WORK" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "CREATE EXTENSION pgrouting CASCADE" \
  -c "CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8)" \
  -c "\\copy edges FROM '$CSV' CSV HEADER" -c "VACUUM ANALYZE edges"
echo "pgRouting $("${PSQL[@]}" -At -c 'SELECT pgr_version()'), PostgreSQL $("${PSQL[@]}" -At -c 'SHOW server_version')"

# one timed statement: prints "rows sum ms" (ms from clock_timestamp inside the server, so psql startup is excluded)
pgr_time() {
  local equicost=$1
  "${PSQL[@]}" -At -F' ' -c "
    DO \$\$ BEGIN PERFORM set_config('bench.t0', clock_timestamp()::text, false); END \$\$;" -c "
    SELECT count(*), round(sum(agg_cost)::numeric, 3),
           round(extract(epoch FROM clock_timestamp() - current_setting('bench.t0')::timestamptz)::numeric * 1000, 1)
    FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM edges',
                             ARRAY[$STARTS]::bigint[], $BUDGET, directed => true, equicost => $equicost)"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

OURS=$(java -Xmx3g -cp "$CP" org.eldercare.planner.bench.ReachBench time "$CSV" "$STARTS" "$BUDGET" "$REPS")
echo "$OURS"
for eq in false true; do
  : > "$WORK/t_$eq"
  for ((r = 0; r < REPS; r++)); do
    line=$(pgr_time $eq)
    echo "$line" >> "$WORK/t_$eq"
  done
  rows=$(head -1 "$WORK/t_$eq" | cut -d' ' -f1)
  sum=$(head -1 "$WORK/t_$eq" | cut -d' ' -f2)
  ms=$(cut -d' ' -f3 "$WORK/t_$eq" | median)
  ours_ms=$(echo "$OURS" | grep "equicost=$eq" | sed 's/.*median \([0-9.]*\) ms wall.*/\1/')
  echo "pgr_drivingDistance equicost=$eq: rows $rows, sum agg_cost $sum, median $ms ms per query (of $REPS: $(cut -d' ' -f3 "$WORK/t_$eq" | tr '\n' ' '))"
  build_ms=$(echo "$OURS" | grep "read CSV" | sed 's/.*build graph \([0-9.]*\) ms.*/\1/')
  awk -v p="$ms" -v o="$ours_ms" -v b="$build_ms" -v eq=$eq 'BEGIN {
    printf "ratio equicost=%s: pgRouting / ours (wall, search only) = %.0fx; ", eq, p / o
    printf "counting our CSV read + graph build in every query too: %.1fx\n", p / (o + b) }'
done
# the part of pgRouting's time spent only fetching the edge rows through SPI (same query, no routing)
"${PSQL[@]}" -At -c "DO \$\$ BEGIN PERFORM set_config('bench.t0', clock_timestamp()::text, false); END \$\$;" -c "
  SELECT 'edge query alone (SELECT ... FROM edges, counted): ' || count(*) || ' rows, '
    || round(extract(epoch FROM clock_timestamp() - current_setting('bench.t0')::timestamptz)::numeric * 1000, 1) || ' ms'
  FROM (SELECT id, source, target, cost, reverse_cost FROM edges) e"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
