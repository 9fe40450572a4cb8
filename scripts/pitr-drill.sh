#!/usr/bin/env bash
# The point-in-time-recovery drill (docs/operations.md, issue 21): a PostgreSQL primary of its own with WAL
# archiving, a base backup, Pact's writes before and after a time T, then a restore of that base backup into a
# new cluster replaying the archived WAL up to T. Passes (exit 0) only when the restored database holds every
# write made before T, none made after, and `pact audit verify` accepts its audit chain.
#
#   scripts/pitr-drill.sh            run the drill; its clusters and folder are removed at the end
#   PACT_PITR_KEEP=1 scripts/pitr-drill.sh   keep them (stopped) in the folder for a look (a failed drill
#                                            always keeps them)
#
# Settings: PACT_PITR_DIR (default /tmp/pact-pitr-drill), PACT_PITR_PRIMARY_PORT (5435), PACT_PITR_RESTORE_PORT
# (5436). Made with the machine's PostgreSQL tools (initdb, pg_basebackup), as the postgres user when started
# as root, like scripts/replica-clusters.sh; 127.0.0.1 only, `trust`: test clusters, never for data. The
# machine's own cluster (5432) is never touched.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE/.."

BASE="${PACT_PITR_DIR:-/tmp/pact-pitr-drill}"
PRIMARY_PORT="${PACT_PITR_PRIMARY_PORT:-5435}"
RESTORE_PORT="${PACT_PITR_RESTORE_PORT:-5436}"
PRIMARY="$BASE/primary"
RESTORED="$BASE/restored"
ARCHIVE="$BASE/wal-archive"
BACKUP="$BASE/base-backup"
DB=pact

PG_TOOL=pitr-drill
# shellcheck source=scripts/pg-tools.sh
. "$HERE/pg-tools.sh"
refuse_5432 "$PRIMARY_PORT" "$RESTORE_PORT"
fail() { log "FAILED: $*"; exit 1; }
sql() { as_pg "$BIN/psql" -h "$BASE" -p "$1" -U postgres -d "${3:-$DB}" -Atqc "$2"; }
pact() { env -u DATABASE_READ_URL DATABASE_URL="postgres://postgres@127.0.0.1:$1/$DB" node bin/pact.js "${@:2}"; }

cleanup() {
  local rc=$?
  stop "$RESTORED" || true
  stop "$PRIMARY" || true
  # a failed drill keeps its folder (the clusters' logs) for a look
  if [ "${PACT_PITR_KEEP:-}" = 1 ] || [ "$rc" != 0 ]; then log "kept (stopped) in $BASE"; else rm -rf "$BASE"; fi
}
trap cleanup EXIT

stop "$RESTORED" || true
stop "$PRIMARY" || true
rm -rf "$BASE"
mkdir -p "$BASE" "$ARCHIVE"
chmod 755 "$BASE"
[ "$(id -u)" = 0 ] && chown -R postgres "$BASE"

# 1. the primary: WAL archived by copying each finished segment into the archive folder (never overwriting one)
log "a primary on $PRIMARY_PORT archiving its WAL into $ARCHIVE"
as_pg "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --no-instructions > "$BASE/initdb.log"
cat >> "$PRIMARY/postgresql.conf" <<CONF
# pitr-drill.sh
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
max_wal_senders = 3
CONF
echo "host replication postgres 127.0.0.1/32 trust" >> "$PRIMARY/pg_hba.conf"
start "$PRIMARY"
sql "$PRIMARY_PORT" "create database $DB" postgres

# 2. the base backup, taken before Pact has written anything: the restore replays all of it from the archive
log "base backup into $BACKUP"
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$BACKUP" -X fetch -c fast

# 3. writes before T: Pact's migrations (run when a command opens the database), places and encounters
log "writes before T: migrations, places, encounters (docs/examples/encounters.csv)"
pact "$PRIMARY_PORT" places import data/places-lt.csv > /dev/null
pact "$PRIMARY_PORT" import encounters docs/examples/encounters.csv > /dev/null
ENCOUNTERS_T="$(sql "$PRIMARY_PORT" "select count(*) from encounters")"
AUDIT_T="$(sql "$PRIMARY_PORT" "select count(*) from audit_log")"
[ "$ENCOUNTERS_T" -gt 0 ] && [ "$AUDIT_T" -gt 0 ] || fail "the writes before T left no encounters or audit entries"

# 4. T: after every commit above, before every commit below (a second's margin either side of the clock)
sleep 1
T="$(sql "$PRIMARY_PORT" "select now()")"
sleep 1
log "T = $T ($ENCOUNTERS_T encounters, $AUDIT_T audit entries)"

# 5. writes after T: the same encounters under other references (new encounters, new audit entries)
sed 's/^EX-/PITR-/' docs/examples/encounters.csv > "$BASE/after-t.csv"
pact "$PRIMARY_PORT" import encounters "$BASE/after-t.csv" > /dev/null
ENCOUNTERS_AFTER="$(sql "$PRIMARY_PORT" "select count(*) from encounters")"
AUDIT_AFTER="$(sql "$PRIMARY_PORT" "select count(*) from audit_log")"
[ "$ENCOUNTERS_AFTER" -gt "$ENCOUNTERS_T" ] || fail "the writes after T added no encounters"
log "after T: $ENCOUNTERS_AFTER encounters, $AUDIT_AFTER audit entries"
# close the current WAL segment so that the writes after T are archived too (recovery must reach past T)
SEGMENT="$(sql "$PRIMARY_PORT" "select pg_walfile_name(pg_switch_wal())")"
for _ in $(seq 1 60); do [ -f "$ARCHIVE/$SEGMENT" ] && break; sleep 0.5; done
[ -f "$ARCHIVE/$SEGMENT" ] || fail "WAL segment $SEGMENT was not archived; see $PRIMARY.log"
stop "$PRIMARY" # the primary is lost: only the base backup and the archive are left

# 6. the restore: the base backup into a new cluster, replaying archived WAL up to T, then promoted
log "restoring the base backup on $RESTORE_PORT up to T"
as_pg cp -a "$BACKUP" "$RESTORED"
cat >> "$RESTORED/postgresql.conf" <<CONF
# pitr-drill.sh: the restore
port = $RESTORE_PORT
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$T'
recovery_target_action = 'promote'
CONF
as_pg touch "$RESTORED/recovery.signal"
start "$RESTORED"
for _ in $(seq 1 120); do [ "$(sql "$RESTORE_PORT" "select pg_is_in_recovery()" 2> /dev/null)" = f ] && break; sleep 0.5; done
[ "$(sql "$RESTORE_PORT" "select pg_is_in_recovery()")" = f ] || fail "the restore did not finish recovery; see $RESTORED.log"
grep -q "recovery stopping before commit" "$RESTORED.log" || fail "recovery did not stop at T; see $RESTORED.log"

# 7. the checks: everything before T, nothing after, the audit chain intact
ENCOUNTERS_R="$(sql "$RESTORE_PORT" "select count(*) from encounters")"
AUDIT_R="$(sql "$RESTORE_PORT" "select count(*) from audit_log")"
AFTER_R="$(sql "$RESTORE_PORT" "select count(*) from encounters where ref like 'PITR-%'")"
log "restored: $ENCOUNTERS_R encounters, $AUDIT_R audit entries, $AFTER_R written after T"
[ "$ENCOUNTERS_R" = "$ENCOUNTERS_T" ] || fail "$ENCOUNTERS_R encounters restored, $ENCOUNTERS_T were there at T"
[ "$AUDIT_R" = "$AUDIT_T" ] || fail "$AUDIT_R audit entries restored, $AUDIT_T were there at T"
[ "$AFTER_R" = 0 ] || fail "$AFTER_R encounters written after T were restored"
pact "$RESTORE_PORT" audit verify | tee "$BASE/verify.txt" >&2
grep -q '^audit log intact: ' "$BASE/verify.txt" || fail "pact audit verify did not pass on the restored database"
log "passed: the database restored to T holds the $ENCOUNTERS_T encounters written before T and none of the $((ENCOUNTERS_AFTER - ENCOUNTERS_T)) written after"
