#!/usr/bin/env bash
# Run by backup.sh from inside its psql session (\!), which holds the exported snapshot open.
# psql ignores a failing \! command, so the exit status goes to a file backup.sh checks.
set -uo pipefail
conn=()
[[ -n "${KC_DB_URL:-}" ]] && conn=("--dbname=$KC_DB_URL")
pg_dump "${conn[@]}" --format=custom --compress=6 --snapshot="$KC_SNAPSHOT" --file="$KC_DUMP_FILE" >&2
echo $? >"$KC_DUMP_STATUS"
