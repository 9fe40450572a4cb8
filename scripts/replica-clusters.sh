#!/usr/bin/env bash
# A PostgreSQL primary and a streaming replica of Pact's own, for the replica tests and bench:replica
# (issue 21). Two clusters made with the machine's PostgreSQL tools (initdb, pg_basebackup -R), listening on
# 127.0.0.1 only, on their own ports (default 5433 and 5434) and in their own folder. The machine's own
# cluster (5432) is never touched.
#
#   scripts/replica-clusters.sh          start (reuse the running pair, restart a stopped one, recreate a
#                                        broken one) and print: export PACT_TEST_PRIMARY_URL=… and …REPLICA_URL
#   scripts/replica-clusters.sh stop     stop both (the folders stay; the next start reuses them)
#   scripts/replica-clusters.sh destroy  stop both and remove their folder
#
# Use: eval "$(scripts/replica-clusters.sh)". Settings: PACT_REPLICA_DIR (default /tmp/pact-replica-clusters),
# PACT_REPLICA_PRIMARY_PORT (5433), PACT_REPLICA_REPLICA_PORT (5434). Authentication is `trust` for
# 127.0.0.1 and the clusters' own socket folder: test clusters, never for data.
set -euo pipefail

BASE="${PACT_REPLICA_DIR:-/tmp/pact-replica-clusters}"
PRIMARY_PORT="${PACT_REPLICA_PRIMARY_PORT:-5433}"
REPLICA_PORT="${PACT_REPLICA_REPLICA_PORT:-5434}"
PRIMARY="$BASE/primary"
REPLICA="$BASE/replica"
DB=pact

PG_TOOL=replica-clusters
# shellcheck source=scripts/pg-tools.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg-tools.sh"
refuse_5432 "$PRIMARY_PORT" "$REPLICA_PORT"
sql() { as_pg "$BIN/psql" -h "$BASE" -p "$1" -U postgres -d "${3:-postgres}" -Atqc "$2"; }

case "${1:-start}" in
  stop)
    stop "$REPLICA"
    stop "$PRIMARY"
    log "stopped"
    exit 0
    ;;
  destroy)
    stop "$REPLICA"
    stop "$PRIMARY"
    rm -rf "$BASE"
    log "removed $BASE"
    exit 0
    ;;
  start) ;;
  *)
    echo "usage: $0 [start|stop|destroy]" >&2
    exit 2
    ;;
esac

healthy() {
  [ -d "$PRIMARY" ] && [ -d "$REPLICA" ] || return 1
  start "$PRIMARY" && start "$REPLICA" || return 1
  [ "$(sql "$PRIMARY_PORT" 'select pg_is_in_recovery()')" = f ] || return 1
  [ "$(sql "$REPLICA_PORT" 'select pg_is_in_recovery()')" = t ] || return 1
  # a replica paused by a test that stopped half-way replays again
  sql "$REPLICA_PORT" 'select pg_wal_replay_resume()' > /dev/null
  [ "$(sql "$PRIMARY_PORT" "select count(*) from pg_stat_replication where state = 'streaming'")" -ge 1 ]
}

create() {
  log "creating a primary on $PRIMARY_PORT and a replica on $REPLICA_PORT in $BASE"
  stop "$REPLICA" || true
  stop "$PRIMARY" || true
  rm -rf "$BASE"
  mkdir -p "$BASE"
  chmod 755 "$BASE"
  [ "$(id -u)" = 0 ] && chown postgres "$BASE"
  as_pg "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --no-instructions > "$BASE/initdb.log"
  cat >> "$PRIMARY/postgresql.conf" <<CONF
# replica-clusters.sh
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
CONF
  # replication connections from this machine only (the replica's pg_basebackup and its WAL receiver)
  echo "host replication postgres 127.0.0.1/32 trust" >> "$PRIMARY/pg_hba.conf"
  start "$PRIMARY"
  sql "$PRIMARY_PORT" "create database $DB"
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA" -R -X stream -c fast
  echo "port = $REPLICA_PORT" >> "$REPLICA/postgresql.conf"
  start "$REPLICA"
  for _ in $(seq 1 60); do
    [ "$(sql "$PRIMARY_PORT" "select count(*) from pg_stat_replication where state = 'streaming'")" -ge 1 ] && return 0
    sleep 0.5
  done
  log "the replica does not stream; see $REPLICA.log"
  return 1
}

if healthy 2> /dev/null; then log "reusing the running primary ($PRIMARY_PORT) and replica ($REPLICA_PORT)"; else create; fi
echo "export PACT_TEST_PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB"
echo "export PACT_TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB"
