# Sourced (not run) by scripts/replica-clusters.sh and scripts/pitr-drill.sh: the machine's PostgreSQL server
# tools (initdb, pg_ctl, pg_basebackup, psql), run as the postgres user when started as root (PostgreSQL refuses
# to run as root), and the start and stop of a test cluster of their own. The caller sets PG_TOOL (its name, the
# prefix of its messages) and calls refuse_5432 with its ports: the machine's own cluster is never touched.

refuse_5432() {
  local p
  for p in "$@"; do
    if [ "$p" = 5432 ]; then
      echo "$PG_TOOL: port 5432 is the machine's own cluster; choose other ports" >&2
      exit 2
    fi
  done
}

BIN="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ]; then BIN="$(dirname "$(command -v initdb || command -v pg_ctl)")"; fi
[ -x "$BIN/initdb" ] || { echo "$PG_TOOL: no initdb (PostgreSQL server tools) found" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
log() { echo "$PG_TOOL: $*" >&2; }

running() { as_pg "$BIN/pg_ctl" -D "$1" status > /dev/null 2>&1; }
start() { running "$1" || as_pg "$BIN/pg_ctl" -D "$1" -l "$1.log" -w -t 120 start > /dev/null; }
stop() { if [ -d "$1" ] && running "$1"; then as_pg "$BIN/pg_ctl" -D "$1" -m fast -w stop > /dev/null; fi; }
