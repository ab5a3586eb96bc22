#!/usr/bin/env bash
# Benchmarks of the built-in hub: B1 (fan-out, beside a plain WebSocket relay under the same load) and B3 (idle
# connections), from quality-bar.md. Prints one JSON line per run and a summary. Not a test: figures, no verdict.
#   bench/run-hub-bench.sh [receivers senders rate seconds]
# HUB_PROTOCOLS names the hub's subprotocols to measure one after the other (default "json protobuf": every client
# on json.webpubsub.azure.v1, then every client on protobuf.webpubsub.azure.v1).
#
# Fair to both: the hub and the relay each run alone (the Java server is stopped before the relay starts), each is
# warmed up for 15 s, and the load generator runs at a lower priority (nice 10) in every run, so that its three busy
# threads do not starve the system under test (a single-threaded relay got a third of the cores it needed beside
# them and fell seconds behind, while the multi-threaded JVM took its share). CPU is the system's under test, from
# /proc, over the measured window.
set -euo pipefail
cd "$(dirname "$0")/.."
RECEIVERS=${1:-200} SENDERS=${2:-20} RATE=${3:-30} SECONDS_=${4:-20}
HUB_PROTOCOLS=${HUB_PROTOCOLS:-json protobuf}
PORT=18080 RELAY_PORT=18090
. bench/prepare.sh

KEY=$(head -c 32 /dev/urandom | base64)
start_server hub $PORT server-config/payara-micro/postboot-h2.asadmin WHITEBOARD_HUB_ACCESS_KEY="$KEY"
RELAY=
trap 'kill $SERVER $RELAY 2>/dev/null || true' EXIT
GENERATOR="nice -n 10 node bench/fanout.mjs"

# the JIT is still compiling the hot paths 5 s into the full load: warm up for 15 s (each subprotocol has paths of
# its own)
HUB_RESULTS=()
for PROTOCOL in $HUB_PROTOCOLS; do
    echo "Fan-out warm-up, $PROTOCOL subprotocol (15 s, discarded)"
    HUB_PROTOCOL=$PROTOCOL $GENERATOR hub "http://localhost:$PORT" "$KEY" "$RECEIVERS" "$SENDERS" "$RATE" 15 > /dev/null
    echo "Fan-out through the built-in hub, $PROTOCOL subprotocol: $RECEIVERS receivers, $SENDERS senders x $RATE msg/s, $SECONDS_ s"
    HUB=$(HUB_PROTOCOL=$PROTOCOL SUT_PID=$SERVER $GENERATOR hub "http://localhost:$PORT" "$KEY" "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
    echo "$HUB"
    HUB_RESULTS+=("$HUB")
done

for PROTOCOL in $HUB_PROTOCOLS; do
    for N in 1000 4000; do
        echo "Idle connections: $N, $PROTOCOL subprotocol"
        HUB_PROTOCOL=$PROTOCOL node bench/idle.mjs "http://localhost:$PORT" "$KEY" "$SERVER" "$N"
    done
done
kill "$SERVER" && wait "$SERVER" 2>/dev/null || true

node bench/relay.mjs $RELAY_PORT > "$WORK/relay.log" 2>&1 &
RELAY=$!
sleep 1
echo "Fan-out through a plain relay (Node ws), same load: warm-up (15 s, discarded)"
$GENERATOR relay "ws://127.0.0.1:$RELAY_PORT" - "$RECEIVERS" "$SENDERS" "$RATE" 15 > /dev/null
RELAY_RESULT=$(SUT_PID=$RELAY $GENERATOR relay "ws://127.0.0.1:$RELAY_PORT" - "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
echo "$RELAY_RESULT"
node -e '
const relay = JSON.parse(process.argv[1]);
const line = (r) => `${r.perSecond}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, lost ${r.lost}, duplicates ${r.duplicates},`
  + ` reordered ${r.reordered}, ${r.cpuCores} cores, ${r.cpuMicrosPerDelivery} µs CPU a delivery`;
console.log(`Fan-out summary: relay ${line(relay)}`);
for (const hub of process.argv.slice(2).map((r) => JSON.parse(r))) {
  console.log(`  hub (${hub.protocol}): ${line(hub)}; ratios hub/relay: p99 ${(hub.p99 / relay.p99).toPrecision(2)},`
    + ` CPU a delivery ${(hub.cpuMicrosPerDelivery / relay.cpuMicrosPerDelivery).toPrecision(2)}`);
}
' "$RELAY_RESULT" "${HUB_RESULTS[@]}"
