#!/usr/bin/env bash
# Restores a backup set made by deploy/backup.sh into an EMPTY database, then the evidence files.
# docs/BACKUP.md has the whole procedure (stop the servers first, then start them after).
#
#   deploy/restore.sh [options] BACKUP_DIR/<set>
#
# The target database comes from DATABASE_URL, or else libpq's PG* variables (as for backup.sh).
# Options:
#   --create        create the target database when it does not exist
#   --owner ROLE    objects (and a created database) belong to ROLE, the server's login role;
#                   default: the role restore.sh connects as
#   --force         restore into a database that already has tables: objects in the dump are
#                   dropped and made again (pg_restore --clean); anything else is left as it is
#   --no-files      restore the database only
#   FILE_STORE / FILE_STORAGE_DIR as the server's: where the files go (default <repo>/.data/files);
#   with FILE_STORE=s3, BACKUP_S3_RESTORE_COMMAND copies the set's files folder ($1) to the bucket.
#
# Order: check the set (complete, dump's sha256 = manifest's, archive readable), then the target
# (empty unless --force), then pg_restore in one transaction (all or nothing), then compare the
# restored row counts, sequences and ledger / audit checksums with the manifest, then the files
# (each file's sha256 must be its name) and check every stored_file row has its bytes.
# Exit: 0 restored and verified; 2 usage; 3 refused (target not empty); 4 verification failed.
set -euo pipefail
# shellcheck source=deploy/lib/backup-common.sh
source "$(dirname "$0")/lib/backup-common.sh"

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
CREATE=0 FORCE=0 FILES=1 OWNER='' SET=''
while (($#)); do
  case "$1" in
    --create) CREATE=1 ;;
    --force) FORCE=1 ;;
    --no-files) FILES=0 ;;
    --owner) [[ $# -ge 2 ]] || usage; OWNER=$2; shift ;;
    --owner=*) OWNER=${1#--owner=} ;;
    -h | --help) usage ;;
    -*) printf 'unknown option %s\n' "$1" >&2; usage ;;
    *) [[ -z "$SET" ]] || usage; SET=$1 ;;
  esac
  shift
done
[[ -n "$SET" ]] || usage

need psql
need pg_restore
need sha256sum
kc_connect_from_env
FILE_STORE=${FILE_STORE:-local}
STORE_DIR=${FILE_STORAGE_DIR:-$KC_REPO_ROOT/.data/files}
started=$(date +%s)

# 1. The set: complete, and the dump is the one the manifest describes.
[[ -d "$SET" ]] || die 2 "no backup set at $SET"
SET=$(cd "$SET" && pwd)
MANIFEST="$SET/manifest.json"
[[ -f "$MANIFEST" ]] || die 4 "$SET has no manifest.json: an incomplete set, not restorable"
[[ "$(manifest_field "$MANIFEST" format)" == kc-backup/1 ]] || die 4 "unknown manifest format in $MANIFEST"
DUMP="$SET/$(manifest_field "$MANIFEST" dump_file)"
EXPECTED_SHA=$(manifest_field "$MANIFEST" dump_sha256)
EXPECTED_FP=$(sed -n 's/^  "fingerprint": //p' "$MANIFEST")
[[ -f "$DUMP" && -n "$EXPECTED_SHA" && -n "$EXPECTED_FP" ]] || die 4 "the manifest or dump of $SET is damaged"
log "checking the dump's sha256 against the manifest"
ACTUAL_SHA=$(sha256sum "$DUMP" | cut -d ' ' -f 1)
[[ "$ACTUAL_SHA" == "$EXPECTED_SHA" ]] ||
  die 4 "the dump's sha256 is $ACTUAL_SHA, the manifest says $EXPECTED_SHA: damaged or altered, not restored"
pg_restore --file=/dev/null "$DUMP" || die 4 "the dump cannot be read"

# 2. The target: created when asked, and empty unless --force.
if ((CREATE)); then
  if [[ -n "$KC_DB_URL" ]]; then
    TARGET_DB=$(url_db_name "$KC_DB_URL")
    MAINT=("--dbname=$(url_with_db "$KC_DB_URL" postgres)")
  else
    TARGET_DB=${PGDATABASE:-${PGUSER:-$(id -un)}}
    MAINT=("--dbname=postgres")
  fi
  [[ -n "$TARGET_DB" ]] || die 2 "the target URL names no database"
  exists=$(psql "${MAINT[@]}" -X -q -At -v ON_ERROR_STOP=1 -v db="$TARGET_DB" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
  )
  if [[ "$exists" == 0 ]]; then
    log "creating database $TARGET_DB${OWNER:+ owned by $OWNER}"
    if [[ -n "$OWNER" ]]; then
      psql "${MAINT[@]}" -X -q -v ON_ERROR_STOP=1 -v db="$TARGET_DB" -v owner="$OWNER" <<<'CREATE DATABASE :"db" OWNER :"owner";'
    else
      psql "${MAINT[@]}" -X -q -v ON_ERROR_STOP=1 -v db="$TARGET_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi
fi
log "restoring $(basename "$SET") into $KC_TARGET_DESC"
OBJECTS=$(kc_psql <<'SQL'
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%';
SQL
)
CLEAN=()
if [[ "$OBJECTS" != 0 ]]; then
  ((FORCE)) || die 3 "the target database is not empty ($OBJECTS tables, views or sequences): refusing to restore over it. Restore into a new database (--create), or pass --force to drop and replace the objects in the dump"
  log "--force: the target has $OBJECTS objects; those in the dump are dropped and made again"
  CLEAN=(--clean --if-exists)
fi

# 3. All or nothing: one transaction, stop at the first error. Ownership and grants are the
# restoring role's (--owner), not the old server's, whose roles may not exist here.
ROLE=()
[[ -n "$OWNER" ]] && ROLE=("--role=$OWNER")
t=$(date +%s)
pg_restore "${KC_CONN[@]}" "${ROLE[@]}" "${CLEAN[@]}" --no-owner --no-acl --exit-on-error \
  --single-transaction "$DUMP" || die "pg_restore failed: nothing was restored (one transaction)"
kc_psql -c 'ANALYZE' >/dev/null
log "database restored in $(($(date +%s) - t)) s"

# 4. What came back must be what was backed up.
ACTUAL_FP=$(kc_fingerprint)
if [[ "$ACTUAL_FP" != "$EXPECTED_FP" ]]; then
  diff <(tr ',' '\n' <<<"$EXPECTED_FP") <(tr ',' '\n' <<<"$ACTUAL_FP") >&2 || true
  die 4 "the restored database differs from the manifest (row counts, sequences or checksums above: < manifest, > restored)"
fi
log "row counts of every table, sequences and the ledger and audit-log checksums match the manifest"

# 5. The files.
FILES_MODE=$(manifest_field "$MANIFEST" files_mode)
if ((FILES == 0)); then
  log "--no-files: the file store was not restored"
elif [[ ! -d "$SET/files" ]]; then
  log "this set holds no files ($FILES_MODE: $(manifest_field "$MANIFEST" files_note))"
else
  log "checking the set's files (each file's sha256 is its name)"
  bad=$( (cd "$SET/files" && find . -type f -print0 | xargs -0 -r sha256sum) |
    awk '{ n = split($2, p, "/"); if ($1 != p[n]) print $2 }')
  [[ -z "$bad" ]] || die 4 "damaged files in the set: $bad"
  if [[ "$FILE_STORE" == s3 ]]; then
    [[ -n "${BACKUP_S3_RESTORE_COMMAND:-}" ]] ||
      die 2 "FILE_STORE=s3: set BACKUP_S3_RESTORE_COMMAND to copy $SET/files to the bucket (or restore the bucket from its versioning), or pass --no-files"
    bash -c "$BACKUP_S3_RESTORE_COMMAND" kc-restore "$SET/files" || die "BACKUP_S3_RESTORE_COMMAND failed"
  else
    mkdir -p "$STORE_DIR"
    # Content-addressed: a file already there with that name is that content; nothing is deleted.
    if command -v rsync >/dev/null 2>&1; then
      rsync -a "$SET/files/" "$STORE_DIR/"
    else
      cp -a "$SET/files/." "$STORE_DIR/"
    fi
    log "files restored into $STORE_DIR ($(tree_count "$SET/files") files)"
    missing=0
    while IFS= read -r sha; do
      [[ -f "$STORE_DIR/${sha:0:2}/${sha:2:2}/$sha" ]] || { log "missing file $sha"; missing=$((missing + 1)); }
    done < <(kc_psql -c 'SELECT DISTINCT sha256 FROM stored_file ORDER BY 1')
    ((missing == 0)) || die 4 "$missing files named by stored_file rows are not in $STORE_DIR"
    log "every stored_file row has its bytes in the store"
  fi
fi
log "restore complete and verified in $(($(date +%s) - started)) s"
