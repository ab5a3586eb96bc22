#!/usr/bin/env bash
# The version-history benchmark (issue 16; bench/history.mjs): checkpoint, preview and diff times on a 10,000-shape
# board, and the bytes the history takes. Starts the app on H2 like the run command (bytes: the growth of the H2 file),
# or on PostgreSQL (bytes: the size of shape_history and board_versions with their indexes):
#   bench/run-history-bench.sh                  # H2
#   bench/run-history-bench.sh postgresql       # a fresh schema history_bench in the local database test
# Prints one JSON line. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18086
if [ "${1:-h2}" = postgresql ]; then
    psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS history_bench CASCADE' -c 'CREATE SCHEMA history_bench'
    POSTBOOT=server-config/payara-micro/postboot-postgresql.asadmin
    ENVS=(WHITEBOARD_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=history_bench" WHITEBOARD_DB_USER=postgres
        WHITEBOARD_DB_PASSWORD=unused)
    export HISTORY_BENCH_BYTES="psql -h 127.0.0.1 -U postgres -d test -tA -c \"SELECT pg_total_relation_size('history_bench.shape_history') + pg_total_relation_size('history_bench.board_versions')\""
else
    POSTBOOT=server-config/payara-micro/postboot-h2.asadmin
    ENVS=()
    export HISTORY_BENCH_BYTES="stat -c %s target/bench/data-history/whiteboard.mv.db"
fi
. bench/prepare.sh
# no automatic checkpoints by the timer during the run: the bench takes its own
start_server history $PORT $POSTBOOT "${ENVS[@]}" WHITEBOARD_HISTORY_CHECK_SECONDS=0
trap 'kill $SERVER 2>/dev/null || true' EXIT
node bench/history.mjs "http://localhost:$PORT/" "${2:-10000}"
