#!/usr/bin/env bash
# planner-spark <job> [options] | bench-coverage … | bench-assign …: runs org.eldercare.planner.spark.PlannerSparkCli on the module's classpath
# (geo-core classes + Spark 3.5.1 + Sedona 1.6.0 from ~/.m2). Compiles geo-core and planner-spark first when their
# sources are newer than the classes (or the classpath was last written by a -Dspark.scope=provided cluster build). Extra JVM options: PLANNER_SPARK_JAVA_OPTS (default -Xmx2g).
# A shaded jar of all of Spark (~300 MB, minutes to build) is deliberately not made; on a cluster, spark-submit
# ships geo-core + planner-spark jars with --jars instead (docs/scale-out.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=planner-spark/target/classpath.txt
if [ ! -f "$cp_file" ] || [ ! -d planner-spark/target/classes ] \
    || ! grep -q spark-core "$cp_file" \
    || [ -n "$(find geo-core/src planner-spark/src planner-spark/pom.xml -newer "$cp_file" -print -quit)" ]; then
  mvn -B -q -o -pl geo-core,planner-spark -am compile
  touch "$cp_file"
fi
# Spark 3.5 on Java 17 needs these (the same list as planner-spark/pom.xml's spark.add.opens)
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
main=org.eldercare.planner.spark.PlannerSparkCli
case "${1:-}" in   # the benchmarks (docs/bench/spark.md)
  bench-coverage) main=org.eldercare.planner.spark.bench.CoverageScaleBench; shift ;;
  bench-assign) main=org.eldercare.planner.spark.bench.AssignDemandBench; shift ;;
esac
# shellcheck disable=SC2086
exec java $opens ${PLANNER_SPARK_JAVA_OPTS:--Xmx2g} -cp "planner-spark/target/classes:$(cat "$cp_file")" "$main" "$@"
