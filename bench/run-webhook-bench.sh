#!/usr/bin/env bash
# B4 of quality-bar.md: user events (finished shapes) per second through the built-in hub -> this app's webhook ->
# the database, on H2 (the embedded default) and on PostgreSQL (database `test` on 127.0.0.1:5432, schema
# whiteboard_bench, recreated). Prints one JSON line per run. Not a test: figures, no verdict.
#   bench/run-webhook-bench.sh [events-per-second seconds connections]
# Environment:
#   RATES="100 200 500 800"  several offered rates, one after the other on the same server (after one warm-up);
#                            without it, the single rate of the first argument (default 500)
#   DATABASES="h2 postgresql" which databases to run on (default both)
#   PG_SCHEMA=whiteboard_bench the PostgreSQL schema (dropped and created again)
#   WARMUP_RATE=500 WARMUP_SECONDS=20  the second, full-rate part of the warm-up (WARMUP_SECONDS=0 leaves it out)
#   JFR=1                    records the server with Java Flight Recorder during the measured runs, into
#                            target/bench/webhook-<database>.jfr
#   SERVER_ENV="A=b C=d"     extra environment for the server (e.g. WHITEBOARD_HUB_EVENT_HANDLER_IN_PROCESS=false)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-500} SECONDS_=${2:-20} CONNECTIONS=${3:-20}
RATES=${RATES:-$RATE}
DATABASES=${DATABASES:-h2 postgresql}
PG_SCHEMA=${PG_SCHEMA:-whiteboard_bench}
PORT=18081
. bench/prepare.sh

run() { # name postboot-file
    local name=$1 postboot=$2
    # shellcheck disable=SC2086
    start_server "$name" $PORT "$postboot" ${SERVER_ENV:-}
    local server=$SERVER
    trap "kill $server 2>/dev/null || true" EXIT
    # the target is a sustained rate, so the figures are of a warmed-up server: the JIT needs a while, and a warm-up
    # begun at the full rate leaves a backlog that spoils what follows; so first a gentle rate, then the full one
    echo "Webhook events warm-up on $name (20 s at 100 events/s, then ${WARMUP_SECONDS:-20} s at ${WARMUP_RATE:-500}, discarded)"
    node bench/webhook.mjs "http://localhost:$PORT/" "$CONNECTIONS" 100 20 > /dev/null
    if [ "${WARMUP_SECONDS:-20}" != 0 ]; then
        node bench/webhook.mjs "http://localhost:$PORT/" "$CONNECTIONS" "${WARMUP_RATE:-500}" "${WARMUP_SECONDS:-20}" > /dev/null
        sleep 5
    fi
    if [ "${JFR:-}" = 1 ]; then
        jcmd "$server" JFR.start name=b4 settings=profile filename="$PWD/$WORK/webhook-$name.jfr" > /dev/null
    fi
    for rate in $RATES; do
        echo "Webhook events on $name: $CONNECTIONS connections, $rate events/s offered, $SECONDS_ s"
        node bench/webhook.mjs "http://localhost:$PORT/" "$CONNECTIONS" "$rate" "$SECONDS_" || echo "{\"offeredPerSecond\":$rate,\"failed\":\"the load generator gave up (see above)\"}"
        sleep 10 # what a saturated run left queued drains before the next
    done
    if [ "${JFR:-}" = 1 ]; then
        jcmd "$server" JFR.stop name=b4 > /dev/null
        echo "JFR recording: $WORK/webhook-$name.jfr"
    fi
    kill $server; wait $server 2>/dev/null || true
}

for database in $DATABASES; do
    case $database in
        h2) run h2 server-config/payara-micro/postboot-h2.asadmin ;;
        postgresql)
            psql -h 127.0.0.1 -U postgres -d test -q \
                -c "DROP SCHEMA IF EXISTS $PG_SCHEMA CASCADE; CREATE SCHEMA $PG_SCHEMA;"
            (
                export WHITEBOARD_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$PG_SCHEMA"
                export WHITEBOARD_DB_USER=postgres WHITEBOARD_DB_PASSWORD=unused
                run postgresql server-config/payara-micro/postboot-postgresql.asadmin
            ) ;;
        *) echo "unknown database $database (h2 or postgresql)"; exit 2 ;;
    esac
done
