#!/usr/bin/env bash
# The boards-home benchmark (issue 21): 5,000 private boards, of which bob sees 2,000 (own, granted, by link); the
# home's first list answer and a title search, p95 against 150 ms. Starts the app on H2 like the run command (or on
# PostgreSQL: WHITEBOARD_DB_URL=jdbc:postgresql://… WHITEBOARD_DB_USER=… WHITEBOARD_DB_PASSWORD=… bench/run-home-bench.sh
# postgresql). Prints one JSON line. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18085
POSTBOOT=server-config/payara-micro/postboot-h2.asadmin
[ "${1:-h2}" = postgresql ] && POSTBOOT=server-config/payara-micro/postboot-postgresql.asadmin
if [ "${1:-h2}" = postgresql ] && command -v psql > /dev/null; then
    # jdbc:postgresql://host:port/db?currentSchema=s → a psql URI with that search path, to ANALYZE after the set-up
    PSQL_URI=$(echo "$WHITEBOARD_DB_URL" | sed -E 's|^jdbc:||; s|currentSchema=([^&]*)|options=-csearch_path%3D\1|')
    export HOME_BENCH_ANALYZE="psql '$PSQL_URI' -U '$WHITEBOARD_DB_USER' -q -c 'ANALYZE boards; ANALYZE board_members; ANALYZE board_stars'"
fi
. bench/prepare.sh
start_server home $PORT $POSTBOOT WHITEBOARD_BOARDS_DEFAULT_ROLE=none
trap 'kill $SERVER 2>/dev/null || true' EXIT
node bench/home.mjs "http://localhost:$PORT/"
