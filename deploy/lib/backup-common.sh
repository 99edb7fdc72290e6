# shellcheck shell=bash
# Shared by deploy/backup.sh, deploy/restore.sh and deploy/drill.sh (sourced, not run).
# shellcheck disable=SC2034 # the variables set here are used by the scripts that source it

KC_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC_REPO_ROOT="$(cd "$KC_LIB_DIR/../.." && pwd)"
KC_FINGERPRINT_SQL="$KC_LIB_DIR/backup-fingerprint.sql"
# A set's name is its UTC start time; anything else in BACKUP_DIR is not a set.
KC_SET_NAME_RE='^[0-9]{8}T[0-9]{6}Z$'

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
  local code=1
  if [[ "${1:-}" =~ ^[0-9]+$ ]]; then code=$1; shift; fi
  printf 'ERROR: %s\n' "$*" >&2
  exit "$code"
}
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found (install postgresql-client-15 / coreutils)"; }

# libpq accepts postgresql:// URLs but refuses the query parameters only Prisma knows.
libpq_url() {
  local url=$1 base query out=() part
  base=${url%%\?*}
  [[ "$url" == *\?* ]] || { printf '%s' "$base"; return; }
  query=${url#*\?}
  IFS='&' read -r -a parts <<<"$query"
  for part in "${parts[@]}"; do
    case "${part%%=*}" in
      schema | connection_limit | pool_timeout | pgbouncer | socket_timeout | statement_cache_size | connect_timeout_ms) ;;
      *) out+=("$part") ;;
    esac
  done
  if ((${#out[@]})); then
    local IFS='&'
    printf '%s?%s' "$base" "${out[*]}"
  else
    printf '%s' "$base"
  fi
}

# The same URL naming another database on that server (e.g. the maintenance database).
url_with_db() {
  local url=$1 db=$2 base query=''
  base=${url%%\?*}
  [[ "$url" == *\?* ]] && query="?${url#*\?}"
  local scheme=${base%%://*} rest=${base#*://}
  local authority=${rest%%/*}
  printf '%s://%s/%s%s' "$scheme" "$authority" "$db" "$query"
}

# The database a URL names (no percent-decoding: keep database names plain).
url_db_name() {
  local base=${1%%\?*}
  local rest=${base#*://}
  [[ "$rest" == */* ]] && printf '%s' "${rest#*/}"
}

# For messages: the URL without its password.
url_redacted() { sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$1"; }

# KC_CONN: the connection arguments for psql / pg_dump / pg_restore, from DATABASE_URL or else
# libpq's own PG* variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or ~/.pgpass).
KC_CONN=()
kc_connect_from_env() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    KC_DB_URL=$(libpq_url "$DATABASE_URL")
    KC_CONN=("--dbname=$KC_DB_URL")
    KC_TARGET_DESC=$(url_redacted "$KC_DB_URL")
  else
    KC_DB_URL=''
    KC_CONN=()
    KC_TARGET_DESC="PGHOST=${PGHOST:-<socket>} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)} PGDATABASE=${PGDATABASE:-<user name>}"
  fi
}

kc_psql() { psql "${KC_CONN[@]}" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# One line of JSON describing the database's content (deploy/lib/backup-fingerprint.sql).
kc_fingerprint() { kc_psql -f "$KC_FINGERPRINT_SQL"; }

# A JSON string literal.
json_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  printf '"%s"' "$s"
}

# A string field of a manifest written by backup.sh (one "key": value per line).
manifest_field() {
  sed -n -E -e "s/^  \"$2\": \"([^\"]*)\",?\$/\\1/p" -e "s/^  \"$2\": ([^\",]*),?\$/\\1/p" "$1" | head -n 1
}

# Bytes in all files under a folder (hard links counted in each set, which is what a copy costs).
tree_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
tree_count() { find "$1" -type f | wc -l | tr -d ' '; }
