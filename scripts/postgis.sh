#!/usr/bin/env bash
# A throw-away local PostGIS for tests and trials: postgresql-15 + postgis 3 from Debian, data under /tmp,
# listening on loopback only, fsync off (test data only; never use this for real data).
#
#   scripts/postgis.sh start   installs the packages if missing (idempotent), initialises and starts the server,
#                              creates the database and the postgis extension, prints the JDBC URL
#   scripts/postgis.sh stop    stops the server (the data dir stays; start reuses it)
#   scripts/postgis.sh url     prints the JDBC URL
#   scripts/postgis.sh config  prints the path of the credentials file (for PLANNER_DB_CONFIG)
#   scripts/postgis.sh status  exits 0 when the server accepts connections
#
# Settings (environment): PLANNER_PG_PORT (55432), PLANNER_PG_DIR (/tmp/planner-postgis), PLANNER_PG_DB (planner).
# The user is 'planner'; its password is generated on first start into PLANNER_PG_DIR/password and
# PLANNER_PG_DIR/db.properties (mode 600; point PLANNER_DB_CONFIG at the latter), never onto a command line.
set -euo pipefail
PORT="${PLANNER_PG_PORT:-55432}"
DIR="${PLANNER_PG_DIR:-/tmp/planner-postgis}"
DB="${PLANNER_PG_DB:-planner}"
PGUSER_NAME=planner
BIN=/usr/lib/postgresql/15/bin
DATA="$DIR/data"
LOG="$DIR/server.log"

url() { echo "jdbc:postgresql://127.0.0.1:${PORT}/${DB}"; }

# Runs a command as the unprivileged 'postgres' system user when we are root (initdb refuses to run as root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_packages() {
  local need=()
  [ -x "$BIN/postgres" ] || need+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgis.sh: missing packages ${need[*]}; run as root (or: sudo apt-get install -y ${need[*]})" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # other installers may hold the dpkg lock (several engineers' setup scripts): wait for it rather than fail
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2
    apt-get -o DPkg::Lock::Timeout=900 install -y -q "${need[@]}" >&2
  fi
}

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; }

start() {
  install_packages
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
  if [ ! -f "$DIR/password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DIR/password")
  fi
  # the planner's config-file form of the credentials (PLANNER_DB_CONFIG), readable by this user only
  (umask 077; printf 'user=%s\npassword=%s\n' "$PGUSER_NAME" "$(cat "$DIR/password")" > "$DIR/db.properties")
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # trust only over the unix socket of this data dir; TCP (loopback) needs the password
    cat > "$DATA/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128 scram-sha-256
HBA
  fi
  if ! ready; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
  fi
  local psql=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres)
  # the password goes through psql's stdin, never onto a command line
  as_pg "${psql[@]}" -d postgres >/dev/null <<SQL
\\set pw '$(cat "$DIR/password")'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', 'planner', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planner')
\\gexec
ALTER ROLE planner PASSWORD :'pw';
SQL
  if [ "$(as_pg "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE DATABASE \"$DB\" OWNER planner" >/dev/null
  fi
  PGOPTIONS="-c client_min_messages=warning" as_pg "${psql[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  url
}

stop() {
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  config) echo "$DIR/db.properties" ;;
  status) ready ;;
  *) echo "usage: $0 start|stop|url|config|status" >&2; exit 2 ;;
esac
