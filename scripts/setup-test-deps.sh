#!/usr/bin/env bash
# Installs the system packages the tests need, idempotently (nothing is reinstalled when present).
# Later pieces (PostGIS, Chromium, Jupyter) add their packages and start-up here; tests never skip for lack of them.
set -euo pipefail
need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
# planner-web's browser test drives Debian's headless Chromium through chromedriver (never a downloaded browser)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# a CJK font, so that the page's Chinese renders in the browser test's screenshots
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
# GDAL's ogr2ogr: geo-core reads and writes ESRI Shapefiles through it (io.Shapefiles), and its tests make the
# EPSG:4547 / GBK fixtures with it
command -v ogr2ogr >/dev/null || need+=(gdal-bin)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${need[@]}"
fi

# PostGIS for the store tests: installs postgresql-15 + postgresql-15-postgis-3 when missing, starts a throw-away
# server on 127.0.0.1:55432 (data under /tmp) and creates the database; scripts/test.sh stops it again.
bash "$(dirname "$0")/postgis.sh" start >/dev/null

# Jupyter for the notebooks module (notebooks/): Debian's nbconvert/nbclient/jupyter-client execute the notebooks
# headless; the Java kernel is rapaio-jupyter-kernel 3.0.1 from Maven Central (fetched through Maven, never curl),
# run by Temurin 25 because the kernel needs Java >= 21 (the project itself builds for 17). See docs/scenarios.md.
jupyter_need=()
for p in jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel jupyter-core; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || jupyter_need+=("$p")
done
if [ ${#jupyter_need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o DPkg::Lock::Timeout=600
  apt-get install -y -q -o DPkg::Lock::Timeout=600 "${jupyter_need[@]}"
fi
RJK_VERSION=3.0.1
# a Java >= 21 for the kernel: RJK_JAVA if set, else the newest JDK under /usr/lib/jvm that is 21 or later
if [ -z "${RJK_JAVA:-}" ]; then
  for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then RJK_JAVA=$j; break; fi
  done
fi
RJK_JAVA=${RJK_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RJK_DIR=/usr/local/share/jupyter/kernels/rapaio-jupyter-kernel
if [ ! -f "$RJK_DIR/rapaio-jupyter-kernel-$RJK_VERSION.jar" ]; then
  mkdir -p "$RJK_DIR"
  (cd "$(dirname "$0")/.." && mvn -B -q -N dependency:copy \
    -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION -DoutputDirectory="$RJK_DIR")
fi
if [ ! -x "$RJK_JAVA" ]; then
  echo "setup-test-deps: the notebook kernel needs Java >= 21 at $RJK_JAVA (set RJK_JAVA)" >&2
  exit 1
fi
cat > "$RJK_DIR/kernel.json.tmp" <<JSON
{
  "argv": ["$RJK_JAVA", "-jar", "$RJK_DIR/rapaio-jupyter-kernel-$RJK_VERSION.jar", "{connection_file}"],
  "display_name": "Java (rjk $RJK_VERSION)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1",
          "RJK_MIMA_CACHE": "/tmp/rjk_mima_cache"}
}
JSON
mv "$RJK_DIR/kernel.json.tmp" "$RJK_DIR/kernel.json"
