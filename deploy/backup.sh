#!/usr/bin/env bash
# Backs up the platform: a pg_dump of the database (custom format) and a copy of the evidence file
# store, as one set in BACKUP_DIR/<UTC time>/, then removes sets past the retention setting.
# docs/BACKUP.md explains the settings, the schedule and the restore.
#
# Settings (environment):
#   DATABASE_URL        postgresql://user:pass@host:5432/db (as the server's); or, when unset,
#                       libpq's PGHOST / PGPORT / PGUSER / PGDATABASE / PGPASSWORD (or ~/.pgpass)
#   BACKUP_DIR          where sets go (default <repo>/.data/backups; production: /var/backups/kc)
#   BACKUP_KEEP_DAYS    remove complete sets older than this many days (default 14)
#   BACKUP_KEEP_MIN     but always keep at least this many newest complete sets (default 3)
#   BACKUP_KEEP_COUNT   optional: also keep no more than this many complete sets
#   FILE_STORE          local (default) or s3, as the server's
#   FILE_STORAGE_DIR    the local store (default <repo>/.data/files), as the server's
#   BACKUP_S3_COPY_COMMAND  with FILE_STORE=s3: a command that copies the bucket into the folder
#                       given as $1 (e.g. 'rclone copy oss:kc-evidence "$1"'); unset: the bucket is
#                       not copied (its versioning / replication is its backup) and the set says so
#
# A set is complete only once its manifest.json exists: it is built in BACKUP_DIR/.partial-<time>/,
# the manifest is written last (to a temporary name, then renamed) and the folder is renamed into
# place. Anything failing stops the run with a non-zero exit and removes the partial folder.
set -euo pipefail
# shellcheck source=deploy/lib/backup-common.sh
source "$(dirname "$0")/lib/backup-common.sh"

need pg_dump
need pg_restore
need psql
need sha256sum
need flock

kc_connect_from_env
BACKUP_DIR=${BACKUP_DIR:-$KC_REPO_ROOT/.data/backups}
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
KEEP_MIN=${BACKUP_KEEP_MIN:-3}
KEEP_COUNT=${BACKUP_KEEP_COUNT:-}
FILE_STORE=${FILE_STORE:-local}
STORE_DIR=${FILE_STORAGE_DIR:-$KC_REPO_ROOT/.data/files}
[[ "$KEEP_DAYS" =~ ^[0-9]+$ ]] || die 2 "BACKUP_KEEP_DAYS must be a whole number of days"
[[ "$KEEP_MIN" =~ ^[0-9]+$ && "$KEEP_MIN" -ge 1 ]] || die 2 "BACKUP_KEEP_MIN must be 1 or more"
[[ -z "$KEEP_COUNT" || ("$KEEP_COUNT" =~ ^[0-9]+$ && "$KEEP_COUNT" -ge 1) ]] ||
  die 2 "BACKUP_KEEP_COUNT must be 1 or more"
[[ "$FILE_STORE" == local || "$FILE_STORE" == s3 ]] || die 2 "FILE_STORE must be local or s3"

mkdir -p "$BACKUP_DIR"
chmod 700 "$BACKUP_DIR"
BACKUP_DIR=$(cd "$BACKUP_DIR" && pwd)
umask 077

# One run at a time; so any .partial-* folder found below is left by a run that died.
exec 9>"$BACKUP_DIR/.lock"
flock -n 9 || die "another backup is running in $BACKUP_DIR"
for stale in "$BACKUP_DIR"/.partial-*; do
  [[ -e "$stale" ]] || continue
  log "removing an incomplete set left by an earlier run: $(basename "$stale")"
  rm -rf -- "$stale"
done

started=$(date +%s)
NAME=$(date -u +%Y%m%dT%H%M%SZ)
SET="$BACKUP_DIR/$NAME"
PARTIAL="$BACKUP_DIR/.partial-$NAME"
[[ ! -e "$SET" ]] || die "$SET already exists"
mkdir "$PARTIAL"
cleanup() {
  local status=$?
  [[ "$BASHPID" == "$$" ]] || return 0 # not in subshells
  if ((status != 0)); then
    rm -rf -- "$PARTIAL"
    printf 'BACKUP FAILED (exit %s): no set was written for %s\n' "$status" "$NAME" >&2
  fi
}
trap cleanup EXIT

log "backing up $KC_TARGET_DESC into $SET"
read -r DB_NAME SERVER_VERSION < <(kc_psql -F ' ' -c "SELECT current_database(), current_setting('server_version_num')")
[[ -n "${DB_NAME:-}" ]] || die "could not read the database name"
PG_DUMP_VERSION=$(pg_dump --version)

# The dump and the manifest's fingerprint (row counts, ledger and audit checksums) come from one
# snapshot: this psql session exports it, pg_dump runs inside the session (\!) on it, then the
# fingerprint is taken in the same transaction. So the manifest describes exactly the dump.
export KC_DB_URL KC_DUMP_FILE="$PARTIAL/db.dump" KC_DUMP_STATUS="$PARTIAL/.pg_dump.status"
export KC_DUMP_HELPER="$KC_LIB_DIR/backup-pg-dump.sh"
FINGERPRINT=$(
  kc_psql <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot() AS kc_snapshot \gset
\setenv KC_SNAPSHOT :kc_snapshot
\! "\$KC_DUMP_HELPER"
\i '$KC_FINGERPRINT_SQL'
COMMIT;
SQL
)
dump_status=$(cat "$KC_DUMP_STATUS" 2>/dev/null || echo missing)
rm -f "$KC_DUMP_STATUS"
[[ "$dump_status" == 0 ]] || die "pg_dump failed (exit $dump_status)"
[[ -s "$KC_DUMP_FILE" ]] || die "pg_dump wrote nothing"
[[ "$FINGERPRINT" == '{"row_counts"'* ]] || die "could not read the row counts and checksums"
# The archive must be readable end to end: every block read and decompressed (to nowhere).
pg_restore --file=/dev/null "$KC_DUMP_FILE" || die "the dump cannot be read back"
DUMP_BYTES=$(stat -c %s "$KC_DUMP_FILE")
DUMP_SHA=$(sha256sum "$KC_DUMP_FILE" | cut -d ' ' -f 1)
log "database $DB_NAME dumped: $DUMP_BYTES bytes, sha256 $DUMP_SHA"

# The files after the dump: a file is written before the row that names it, so every file the
# dump refers to is already in the store. Files are content-addressed and never change, so each
# set hard-links the unchanged ones to the previous set (incremental in space, complete in each).
PREVIOUS=''
while IFS= read -r candidate; do
  [[ -f "$BACKUP_DIR/$candidate/manifest.json" && -d "$BACKUP_DIR/$candidate/files" ]] &&
    PREVIOUS="$BACKUP_DIR/$candidate"
done < <(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | grep -E "$KC_SET_NAME_RE" | sort)

FILES_MODE=''
FILES_NOTE=''
if [[ "$FILE_STORE" == s3 ]]; then
  if [[ -n "${BACKUP_S3_COPY_COMMAND:-}" ]]; then
    mkdir "$PARTIAL/files"
    log "copying the bucket with BACKUP_S3_COPY_COMMAND"
    bash -c "$BACKUP_S3_COPY_COMMAND" kc-backup "$PARTIAL/files" || die "BACKUP_S3_COPY_COMMAND failed"
    FILES_MODE=s3-copied
    FILES_NOTE="bucket ${S3_BUCKET:-?} copied by BACKUP_S3_COPY_COMMAND"
  else
    FILES_MODE=s3-not-copied
    FILES_NOTE="bucket ${S3_BUCKET:-?} NOT copied: its versioning / replication must be its backup (docs/BACKUP.md)"
    log "FILE_STORE=s3: the evidence files are NOT in this set. $FILES_NOTE"
  fi
else
  [[ -d "$STORE_DIR" ]] || die "the file store $STORE_DIR does not exist (set FILE_STORAGE_DIR)"
  STORE_DIR=$(cd "$STORE_DIR" && pwd)
  mkdir "$PARTIAL/files"
  if command -v rsync >/dev/null 2>&1; then
    link=()
    [[ -n "$PREVIOUS" ]] && link=("--link-dest=$PREVIOUS/files")
    # Temporary files of uploads in progress start with a dot and end in .tmp.
    rsync -a "${link[@]}" --exclude='.*.tmp' "$STORE_DIR/" "$PARTIAL/files/" ||
      die "copying the file store failed"
  else
    # Without rsync: link what the previous set has, copy the rest.
    (cd "$STORE_DIR" && find . -type f ! -name '.*.tmp' -print0) |
      while IFS= read -r -d '' f; do
        mkdir -p "$PARTIAL/files/$(dirname "$f")"
        if [[ -n "$PREVIOUS" && -f "$PREVIOUS/files/$f" ]]; then
          ln "$PREVIOUS/files/$f" "$PARTIAL/files/$f" 2>/dev/null || cp -p "$PREVIOUS/files/$f" "$PARTIAL/files/$f"
        else
          cp -p "$STORE_DIR/$f" "$PARTIAL/files/$f"
        fi
      done || die "copying the file store failed"
  fi
  FILES_MODE=local-copy
  FILES_NOTE="copied from $STORE_DIR"
fi
FILES_COUNT=0
FILES_BYTES=0
if [[ -d "$PARTIAL/files" ]]; then
  FILES_COUNT=$(tree_count "$PARTIAL/files")
  FILES_BYTES=$(tree_bytes "$PARTIAL/files")
  log "files: $FILES_COUNT ($FILES_BYTES bytes)${PREVIOUS:+, unchanged ones linked to $(basename "$PREVIOUS")}"
fi

finished=$(date +%s)
{
  printf '{\n'
  printf '  "format": "kc-backup/1",\n'
  printf '  "name": %s,\n' "$(json_str "$NAME")"
  printf '  "created_at": %s,\n' "$(json_str "$(date -u -d "@$started" +%Y-%m-%dT%H:%M:%SZ)")"
  printf '  "duration_seconds": %s,\n' "$((finished - started))"
  printf '  "host": %s,\n' "$(json_str "$(hostname)")"
  printf '  "database": %s,\n' "$(json_str "$DB_NAME")"
  printf '  "server_version_num": %s,\n' "$(json_str "$SERVER_VERSION")"
  printf '  "pg_dump_version": %s,\n' "$(json_str "$PG_DUMP_VERSION")"
  printf '  "dump_file": "db.dump",\n'
  printf '  "dump_bytes": %s,\n' "$DUMP_BYTES"
  printf '  "dump_sha256": %s,\n' "$(json_str "$DUMP_SHA")"
  printf '  "files_mode": %s,\n' "$(json_str "$FILES_MODE")"
  printf '  "files_note": %s,\n' "$(json_str "$FILES_NOTE")"
  printf '  "files_count": %s,\n' "$FILES_COUNT"
  printf '  "files_bytes": %s,\n' "$FILES_BYTES"
  printf '  "fingerprint": %s\n' "$FINGERPRINT"
  printf '}\n'
} >"$PARTIAL/manifest.json.tmp"
sync -f "$PARTIAL/db.dump" 2>/dev/null || sync
mv "$PARTIAL/manifest.json.tmp" "$PARTIAL/manifest.json"
mv "$PARTIAL" "$SET"
log "complete: $SET ($((finished - started)) s)"

# Retention: only complete sets count (a folder with a set's name and a manifest); the newest
# KEEP_MIN are always kept, so backups that stopped for a while do not age every set away.
# BACKUP_KEEP_COUNT, when set, is a hard cap.
complete=()
while IFS= read -r n; do
  if [[ -f "$BACKUP_DIR/$n/manifest.json" ]]; then
    complete+=("$n")
  else
    log "retention: $n has no manifest (incomplete): not counted, not removed"
  fi
done < <(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | grep -E "$KC_SET_NAME_RE" | sort -r)
cutoff=$(($(date +%s) - KEEP_DAYS * 86400))
for i in "${!complete[@]}"; do
  n=${complete[$i]}
  at=$(date -u -d "${n:0:4}-${n:4:2}-${n:6:2} ${n:9:2}:${n:11:2}:${n:13:2}" +%s)
  if [[ -n "$KEEP_COUNT" ]] && ((i >= KEEP_COUNT)); then
    log "retention: removing $n (more than BACKUP_KEEP_COUNT=$KEEP_COUNT sets)"
  elif ((i >= KEEP_MIN && at < cutoff)); then
    log "retention: removing $n (older than BACKUP_KEEP_DAYS=$KEEP_DAYS)"
  else
    continue
  fi
  rm -rf -- "${BACKUP_DIR:?}/$n"
done
printf '%s\n' "$SET"
