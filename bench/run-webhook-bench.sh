#!/usr/bin/env bash
# B4 of quality-bar.md: user events (finished shapes) per second through the built-in hub -> this app's webhook ->
# the database, on H2 (the embedded default) and on PostgreSQL (database `test` on 127.0.0.1:5432, schema
# whiteboard_bench, recreated). Prints one JSON line per run. Not a test: figures, no verdict.
#   bench/run-webhook-bench.sh [events-per-second seconds connections]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-500} SECONDS_=${2:-20} CONNECTIONS=${3:-20}
PORT=18081
. bench/prepare.sh

run() { # name postboot-file
    local name=$1 postboot=$2
    start_server "$name" $PORT "$postboot"
    local server=$SERVER
    trap "kill $server 2>/dev/null || true" EXIT
    # Payara's JIT needs a while: a short warm-up at the full rate leaves a backlog that spoils the measured run
    echo "Webhook events warm-up on $name (20 s at 100 events/s, discarded)"
    node bench/webhook.mjs "http://localhost:$PORT/" "$CONNECTIONS" 100 20 > /dev/null
    echo "Webhook events on $name: $CONNECTIONS connections, $RATE events/s offered, $SECONDS_ s"
    node bench/webhook.mjs "http://localhost:$PORT/" "$CONNECTIONS" "$RATE" "$SECONDS_"
    kill $server; wait $server 2>/dev/null || true
}

run h2 server-config/payara-micro/postboot-h2.asadmin

psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS whiteboard_bench CASCADE; CREATE SCHEMA whiteboard_bench;'
export WHITEBOARD_DB_URL='jdbc:postgresql://127.0.0.1:5432/test?currentSchema=whiteboard_bench'
export WHITEBOARD_DB_USER=postgres WHITEBOARD_DB_PASSWORD=unused
run postgresql server-config/payara-micro/postboot-postgresql.asadmin
