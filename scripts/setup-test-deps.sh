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
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${need[@]}"
fi

# PostGIS for the store tests: installs postgresql-15 + postgresql-15-postgis-3 when missing, starts a throw-away
# server on 127.0.0.1:55432 (data under /tmp) and creates the database; scripts/test.sh stops it again.
bash "$(dirname "$0")/postgis.sh" start >/dev/null
