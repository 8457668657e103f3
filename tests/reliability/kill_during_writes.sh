#!/usr/bin/env bash
# kill -9 during writes: runs myodesk-cli writes (a client, or a session note with its regions and
# techniques: one multi-row transaction) against one SQLite file and kills each with SIGKILL after
# a random delay up to twice the time an unkilled write takes here (measured first), so the kill lands before, during or after the commit. Then checks that the
# file is intact, that every acknowledged write (exit 0, id printed) is there, and that nothing is
# half-saved (every note has all its regions and techniques).
#
#   kill_during_writes.sh MYODESK_CLI SESSION_JSON WORK_DIR KILLS
#
# Prints "kills=K acknowledged=A lost=0 half_saved=0 integrity=ok" and exits 0, or names the
# failure and exits 1.
set -euo pipefail

cli=$1
note_json=$2
work=$3
kills_wanted=$4

command -v sqlite3 >/dev/null || {
  echo "kill_during_writes: sqlite3 (the command-line shell) is needed to check the file" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
db="$work/practice.sqlite"
acked_clients="$work/acked-clients"
acked_notes="$work/acked-notes"
: >"$acked_clients"
: >"$acked_notes"

"$cli" --db "$db" staff add --name "Kill Test" >/dev/null
client=$("$cli" --db "$db" clients add --given Runner --family Zero)

# How long a write takes on this machine: the kill delays range up to twice that.
start=$(date +%s%N)
for n in 1 2 3; do "$cli" --db "$db" clients add --given Timing --family "Run$n" >/dev/null; done
write_ms=$((($(date +%s%N) - start) / 3000000))
range_ms=$((write_ms * 2 > 20 ? write_ms * 2 : 20))

kills=0
attempts=0
regions=$(grep -c '"region"' "$note_json")
techniques=$(grep -c '"technique"' "$note_json")
while [ "$kills" -lt "$kills_wanted" ]; do
  attempts=$((attempts + 1))
  limit_ms=$((RANDOM % range_ms + 1))
  status=0
  if [ $((attempts % 2)) -eq 0 ]; then
    id=$(timeout -s KILL "$(printf '%d.%03d' $((limit_ms / 1000)) $((limit_ms % 1000)))" \
      "$cli" --db "$db" clients add --given "Runner" --family "Number$attempts") || status=$?
    [ "$status" -eq 0 ] && echo "$id Number$attempts" >>"$acked_clients"
  else
    # Each note on its own day, so no two overlap.
    day=$(date -d "2020-01-01 + $attempts days" +%F)
    sed "s/\"date\": \"[0-9-]*\"/\"date\": \"$day\"/" "$note_json" >"$work/note.json"
    id=$(timeout -s KILL "$(printf '%d.%03d' $((limit_ms / 1000)) $((limit_ms % 1000)))" \
      "$cli" --db "$db" notes add "$client" "$work/note.json" --therapist 1) || status=$?
    [ "$status" -eq 0 ] && echo "$id" >>"$acked_notes"
  fi
  case "$status" in
  0) ;;
  137) kills=$((kills + 1)) ;;
  *)
    echo "kill_during_writes: a write failed with exit $status (not killed)" >&2
    exit 1
    ;;
  esac
done

fail() {
  echo "kill_during_writes: $*" >&2
  exit 1
}

integrity=$(sqlite3 "$db" 'PRAGMA integrity_check')
[ "$integrity" = ok ] || fail "integrity_check: $integrity"
[ -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" ] || fail "foreign_key_check found orphans"

lost=0
while read -r id family; do
  found=$(sqlite3 "$db" "SELECT family_name FROM clients WHERE id = $id")
  [ "$found" = "$family" ] || lost=$((lost + 1))
done <"$acked_clients"
while read -r id; do
  found=$(sqlite3 "$db" "SELECT COUNT(*) FROM session_notes WHERE id = $id")
  [ "$found" = 1 ] || lost=$((lost + 1))
done <"$acked_notes"
half_saved=$(sqlite3 "$db" "SELECT COUNT(*) FROM session_notes n WHERE
  (SELECT COUNT(*) FROM session_note_regions r WHERE r.note_id = n.id) <> $regions OR
  (SELECT COUNT(*) FROM session_note_techniques t WHERE t.note_id = n.id) <> $techniques")
acknowledged=$(($(wc -l <"$acked_clients") + $(wc -l <"$acked_notes")))
echo "write_ms=$write_ms kills=$kills attempts=$attempts acknowledged=$acknowledged lost=$lost half_saved=$half_saved integrity=$integrity"
[ "$lost" -eq 0 ] || fail "$lost acknowledged writes are missing"
[ "$half_saved" -eq 0 ] || fail "$half_saved notes are half-saved"
[ "$acknowledged" -gt 0 ] || fail "no write was acknowledged: the kill limits are too short to test anything"
