#!/usr/bin/env bash
# Benchmarks of the built-in hub: B1 (fan-out, beside WebSocket relays under the same load) and B3 (idle
# connections), from quality-bar.md. Prints one JSON line per run and a summary. Not a test: figures, no verdict.
#   bench/run-hub-bench.sh [receivers senders rate seconds]
# HUB_PROTOCOLS names the hub's subprotocols to measure one after the other (default "json protobuf": every client
# on json.webpubsub.azure.v1, then every client on protobuf.webpubsub.azure.v1). RELAY_MODES names the relays
# (bench/relay.mjs, Node ws) to measure after the hub (default "gathered plain"): "gathered" writes the frames one
# event-loop turn sends to a receiver in one write, as the hub's fan-out writes a client's frames once per batch,
# and is the fair baseline; "plain" is ws as it comes, one write per message per receiver. IDLE_COUNTS names the
# idle-connection runs (default "1000 4000"; empty for none). BENCH_JVM_OPTS adds options to the server's JVM (e.g.
# -XX:StartFlightRecording=... to profile it).
#
# Fair to all: the hub and each relay run alone (the Java server is stopped before the first relay starts, each relay
# before the next); each run opens its connections and then sends at the full rate for WARMUP seconds (default 15)
# before the measured window, on the same connections, none of it counted (fanout.mjs's WARMUP_SECONDS), so that the
# window holds the fan-out alone and not the connections' set-up (on the JVM, the JIT compiling the handshake's paths
# went on for seconds into a window that began 0.5 s after the connections); and the load generator runs at a lower
# priority (nice 10) in every run, so that its three busy threads do not starve the system under test (a
# single-threaded relay got a third of the cores it needed beside them and fell seconds behind, while the
# multi-threaded JVM took its share). CPU is the system's under test, from /proc, over the measured window. The
# summary gives the ratios hub/relay of p99 and of CPU a delivery against each relay.
set -euo pipefail
cd "$(dirname "$0")/.."
RECEIVERS=${1:-200} SENDERS=${2:-20} RATE=${3:-30} SECONDS_=${4:-20}
HUB_PROTOCOLS=${HUB_PROTOCOLS:-json protobuf}
RELAY_MODES=${RELAY_MODES-gathered plain}
IDLE_COUNTS=${IDLE_COUNTS-1000 4000}
WARMUP=${WARMUP:-15}
PORT=18080 RELAY_PORT=18090
. bench/prepare.sh

KEY=$(head -c 32 /dev/urandom | base64)
start_server hub $PORT server-config/payara-micro/postboot-h2.asadmin WHITEBOARD_HUB_ACCESS_KEY="$KEY"
RELAY=
trap 'kill $SERVER $RELAY 2>/dev/null || true' EXIT
GENERATOR="env WARMUP_SECONDS=$WARMUP nice -n 10 node bench/fanout.mjs"

# the JIT is still compiling the hot paths 5 s into the full load: each run is warmed up for WARMUP s (each
# subprotocol has paths of its own)
HUB_RESULTS=()
for PROTOCOL in $HUB_PROTOCOLS; do
    echo "Fan-out through the built-in hub, $PROTOCOL subprotocol: $RECEIVERS receivers, $SENDERS senders x $RATE msg/s, $WARMUP s warm-up, $SECONDS_ s measured"
    HUB=$(HUB_PROTOCOL=$PROTOCOL SUT_PID=$SERVER $GENERATOR hub "http://localhost:$PORT" "$KEY" "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
    echo "$HUB"
    HUB_RESULTS+=("$HUB")
done

for PROTOCOL in $HUB_PROTOCOLS; do
    for N in $IDLE_COUNTS; do
        echo "Idle connections: $N, $PROTOCOL subprotocol"
        HUB_PROTOCOL=$PROTOCOL node bench/idle.mjs "http://localhost:$PORT" "$KEY" "$SERVER" "$N"
    done
done
kill "$SERVER" && wait "$SERVER" 2>/dev/null || true

RELAY_RESULTS=()
for MODE in $RELAY_MODES; do
    node bench/relay.mjs $RELAY_PORT "$MODE" > "$WORK/relay-$MODE.log" 2>&1 &
    RELAY=$!
    sleep 1
    echo "Fan-out through a $MODE relay (Node ws), same load: $WARMUP s warm-up, $SECONDS_ s measured"
    RESULT=$(SUT_PID=$RELAY $GENERATOR relay "ws://127.0.0.1:$RELAY_PORT" - "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
    echo "$RESULT"
    RELAY_RESULTS+=("$(node -e 'console.log(JSON.stringify({...JSON.parse(process.argv[1]), relay: process.argv[2]}))' "$RESULT" "$MODE")")
    kill "$RELAY" && wait "$RELAY" 2>/dev/null || true
    RELAY=
done
node -e '
const results = process.argv.slice(1).map((r) => JSON.parse(r));
const relays = results.filter((r) => r.mode === "relay");
const line = (r) => `${r.perSecond}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, lost ${r.lost}, duplicates ${r.duplicates},`
  + ` reordered ${r.reordered}, ${r.cpuCores} cores, ${r.cpuMicrosPerDelivery} µs CPU a delivery`;
console.log("Fan-out summary:");
for (const relay of relays) console.log(`  ${relay.relay} relay: ${line(relay)}`);
for (const hub of results.filter((r) => r.mode === "hub")) {
  console.log(`  hub (${hub.protocol}): ${line(hub)}`);
  for (const relay of relays) {
    console.log(`    ratios hub/${relay.relay} relay: p99 ${(hub.p99 / relay.p99).toPrecision(2)},`
      + ` CPU a delivery ${(hub.cpuMicrosPerDelivery / relay.cpuMicrosPerDelivery).toPrecision(2)}`);
  }
}
' "${RELAY_RESULTS[@]}" "${HUB_RESULTS[@]}"
