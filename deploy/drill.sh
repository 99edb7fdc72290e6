#!/usr/bin/env bash
# Restore drill (run in CI, .ci/run): seed a fresh PostgreSQL database with the demo data, put
# payments and evidence files in it through the API (deploy/drill/populate.ts), back it up with
# deploy/backup.sh, restore the set into a new database with deploy/restore.sh, and compare the
# two: the row count of every table, the sequences, and checksums of the ledger and the audit log,
# plus the file stores byte for byte. Any difference fails the drill (non-zero exit).
#
# Then it checks that it can fail: a damaged dump must be refused, and a row deleted from the
# restored database or a ledger amount changed in it must be noticed.
#
#   deploy/drill.sh [--corrupt-dump | --delete-restored-row]   (each makes the drill itself fail,
#                                                               to see it fail)
# DRILL_PG_URL: the server, as a URL of its maintenance database
#               (default postgresql://postgres@127.0.0.1:5432/postgres). Databases are named
#               kc_drill_* and dropped at the end, as is the work folder.
set -euo pipefail
# shellcheck source=deploy/lib/backup-common.sh
source "$(dirname "$0")/lib/backup-common.sh"
cd "$KC_REPO_ROOT"

SABOTAGE=''
case "${1:-}" in
  '') ;;
  --corrupt-dump | --delete-restored-row) SABOTAGE=$1 ;;
  *) die 2 "usage: deploy/drill.sh [--corrupt-dump | --delete-restored-row]" ;;
esac
need psql
ADMIN_URL=${DRILL_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
RUN="$(date +%s)_$$"
SRC="kc_drill_src_$RUN" DST="kc_drill_dst_$RUN" NEG="kc_drill_neg_$RUN"
SRC_URL=$(url_with_db "$ADMIN_URL" "$SRC")
DST_URL=$(url_with_db "$ADMIN_URL" "$DST")
NEG_URL=$(url_with_db "$ADMIN_URL" "$NEG")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kc-drill.XXXXXX")
admin() { PGOPTIONS="--client-min-messages=warning" psql "$ADMIN_URL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  local status=$?
  [[ "$BASHPID" == "$$" ]] || return 0 # not in subshells
  for db in "$SRC" "$DST" "$NEG"; do admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true; done
  rm -rf -- "$WORK"
  if ((status == 0)); then log "drill passed"; else printf 'RESTORE DRILL FAILED (exit %s)\n' "$status" >&2; fi
}
trap cleanup EXIT
fingerprint_of() { (DATABASE_URL=$1 && kc_connect_from_env && kc_fingerprint); }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
ms_since() { echo $(($(now_ms) - $1)); }

# 1. Source: the demo seed, then money and files through the API.
t=$(now_ms)
admin -c "CREATE DATABASE \"$SRC\""
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
DATABASE_URL=$SRC_URL npx -y "pnpm@$PNPM_VERSION" --silent db:seed
DATABASE_URL=$SRC_URL FILE_STORAGE_DIR="$WORK/files" npx tsx deploy/drill/populate.ts
[[ "$(psql "$SRC_URL" -X -At -c "SELECT count(*) FROM ledger_entry WHERE kind = 'payment'")" -gt 0 ]] ||
  die "the source database has no payment in its ledger: populate failed"
log "source ready in $(ms_since "$t") ms"

# 2. Back up.
t=$(now_ms)
SET=$(DATABASE_URL=$SRC_URL FILE_STORAGE_DIR="$WORK/files" BACKUP_DIR="$WORK/backups" deploy/backup.sh)
BACKUP_MS=$(ms_since "$t")
DUMP_BYTES=$(manifest_field "$SET/manifest.json" dump_bytes)
[[ "$DUMP_BYTES" =~ ^[0-9]+$ ]] || die "no dump size in the manifest"
MIDDLE=$((DUMP_BYTES / 2))

if [[ "$SABOTAGE" == --corrupt-dump ]]; then
  log "sabotage: overwriting 16 bytes in the middle of the dump"
  printf 'kc-drill-damage!' | dd of="$SET/db.dump" bs=1 seek="$MIDDLE" conv=notrunc status=none
fi

# 3. Restore into a new database and a new file store.
t=$(now_ms)
DATABASE_URL=$DST_URL FILE_STORE=local FILE_STORAGE_DIR="$WORK/restored-files" deploy/restore.sh --create "$SET"
RESTORE_MS=$(ms_since "$t")

if [[ "$SABOTAGE" == --delete-restored-row ]]; then
  log "sabotage: deleting one organisation_member row from the restored database"
  psql "$DST_URL" -X -q -c 'DELETE FROM organisation_member WHERE id = (SELECT id FROM organisation_member ORDER BY id LIMIT 1)'
fi

# 4. Compare source and restored: every table's row count, sequences, ledger and audit checksums.
compare() {
  local a b
  a=$(fingerprint_of "$1") b=$(fingerprint_of "$2")
  [[ "$a" == "$b" ]] && return 0
  diff <(tr ',' '\n' <<<"$a") <(tr ',' '\n' <<<"$b") >&2 || true
  return 1
}
compare "$SRC_URL" "$DST_URL" || die 4 "the restored database differs from the source (< source, > restored)"
FP=$(fingerprint_of "$SRC_URL")
TABLES=$(grep -o '"[a-z_]*\.[a-z_]*" : [0-9]*' <<<"$FP" | wc -l)
log "source and restored match: row counts of all $TABLES tables, sequences, $(grep -o '"ledger_entry" : {[^}]*}' <<<"$FP"), $(grep -o '"audit_log" : {[^}]*}' <<<"$FP")"
diff -r "$WORK/files" "$WORK/restored-files" >&2 || die 4 "the restored file store differs from the source's"
log "file stores identical ($(tree_count "$WORK/files") files)"

# 5. The drill must be able to fail. Each sabotage below must be caught; if one is not, the
# drill is blind and fails.
log "negative checks: a damaged dump is refused, a deleted row and a changed ledger amount are noticed"
cp -a "$SET" "$WORK/damaged"
printf 'kc-drill-damage!' | dd of="$WORK/damaged/db.dump" bs=1 seek="$MIDDLE" conv=notrunc status=none
status=0
DATABASE_URL=$NEG_URL FILE_STORAGE_DIR="$WORK/neg-files" deploy/restore.sh --create "$WORK/damaged" 2>"$WORK/neg.log" || status=$?
if ((status != 4)) || ! grep -q "sha256" "$WORK/neg.log"; then
  cat "$WORK/neg.log" >&2
  die "a damaged dump was not refused (restore.sh exit $status)"
fi
[[ "$(admin -c "SELECT count(*) FROM pg_database WHERE datname = '$NEG'")" == 0 ]] ||
  die "restore.sh touched the database before checking the dump"
psql "$DST_URL" -X -q -c 'DELETE FROM notification WHERE id = (SELECT id FROM notification ORDER BY id LIMIT 1)'
compare "$SRC_URL" "$DST_URL" 2>/dev/null && die "a deleted row went unnoticed"
# The ledger is append-only (a trigger); a superuser can still bypass it, which the checksum catches.
psql "$DST_URL" -X -q -v ON_ERROR_STOP=1 <<'SQL'
SET session_replication_role = replica;
UPDATE ledger_entry SET amount_fen = amount_fen + 1 WHERE id = (SELECT max(id) FROM ledger_entry);
SQL
fp_src=$(fingerprint_of "$SRC_URL" | grep -o '"ledger_entry" : {[^}]*}')
fp_dst=$(fingerprint_of "$DST_URL" | grep -o '"ledger_entry" : {[^}]*}')
[[ "$fp_src" != "$fp_dst" ]] || die "a changed ledger amount went unnoticed"
log "negative checks passed: each sabotage was caught"

printf '\nRestore drill figures (demo data):\n'
printf '  dump: %s bytes; files: %s (%s bytes)\n' "$DUMP_BYTES" \
  "$(manifest_field "$SET/manifest.json" files_count)" "$(manifest_field "$SET/manifest.json" files_bytes)"
printf '  backup: %s ms; restore (verify, pg_restore, compare, files): %s ms\n' "$BACKUP_MS" "$RESTORE_MS"
