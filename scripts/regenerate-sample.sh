#!/usr/bin/env bash
# Rebuilds data/guixi and data/haidian from ../shared/data/raw (see data/README.md). Deterministic: running it on
# unchanged inputs rewrites the GeoJSON and OSM files byte-identically; guixi.gpkg gets new timestamps but the same
# features (CommittedSampleTest compares features). Optional argument: the seed.
set -euo pipefail
cd "$(dirname "$0")/.."
RAW="${PLANNER_RAW_DIR:-../shared/data/raw}"
mvn -B -o -q -pl data/generator -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "data/generator/target/classes:$(cat data/generator/target/classpath.txt)" \
  org.eldercare.planner.sample.GenerateSample "$RAW" data "$@"
