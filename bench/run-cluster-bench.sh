#!/usr/bin/env bash
# The built-in hub on two nodes (issue 17): B1 fan-out on one node, then across two nodes (the senders on node A,
# the receivers on node B, every message crossing Redis), and idle memory per connection with the cluster on.
#   bench/run-cluster-bench.sh [receivers senders rate seconds]      (default 200 20 30 20)
# One node: the product's default (no Redis). Two nodes: both on one PostgreSQL schema (cluster_bench in the local
# database test) and the local Redis (a key prefix of this run's own), the same hub access key. The CPU is that of
# every node under test. Prints one JSON line per run and a summary (two-node p99 / one-node p99; target ≤ 2, 0 lost).
# Not a test: figures, no verdict. Needs PostgreSQL and Redis on their usual local ports.
set -euo pipefail
cd "$(dirname "$0")/.."
RECEIVERS=${1:-200} SENDERS=${2:-20} RATE=${3:-30} SECONDS_=${4:-20}
WARMUP=${WARMUP:-15}
IDLE_COUNT=${IDLE_COUNT:-1000}
PORT_A=18080 PORT_B=18081
. bench/prepare.sh

KEY=$(head -c 32 /dev/urandom | base64)
PREFIX="wb-bench-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
GENERATOR="env WARMUP_SECONDS=$WARMUP nice -n 10 node bench/fanout.mjs"
NODES=()
trap 'kill ${NODES[*]:-} 2>/dev/null || true; redis-cli --scan --pattern "$PREFIX:*" | xargs -r redis-cli del >/dev/null' EXIT

echo "One node (no Redis): $RECEIVERS receivers, $SENDERS senders x $RATE msg/s, $WARMUP s warm-up, $SECONDS_ s measured"
start_server cluster-one $PORT_A server-config/payara-micro/postboot-h2.asadmin WHITEBOARD_HUB_ACCESS_KEY="$KEY"
NODES=("$SERVER")
ONE=$(HUB_PROTOCOL=json SUT_PID=$SERVER $GENERATOR hub "http://localhost:$PORT_A" "$KEY" "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
echo "$ONE"
kill "$SERVER" && wait "$SERVER" 2>/dev/null || true

psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS cluster_bench CASCADE' -c 'CREATE SCHEMA cluster_bench'
CLUSTER=(WHITEBOARD_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=cluster_bench" WHITEBOARD_DB_USER=postgres
    WHITEBOARD_DB_PASSWORD=unused WHITEBOARD_HUB_ACCESS_KEY="$KEY" WHITEBOARD_CLUSTER_REDIS_URL=redis://127.0.0.1:6379
    WHITEBOARD_CLUSTER_PREFIX="$PREFIX")
start_server cluster-a $PORT_A server-config/payara-micro/postboot-postgresql.asadmin "${CLUSTER[@]}" WHITEBOARD_CLUSTER_NODE_ID=bench-a
A=$SERVER
NODES=("$A")
start_server cluster-b $PORT_B server-config/payara-micro/postboot-postgresql.asadmin "${CLUSTER[@]}" WHITEBOARD_CLUSTER_NODE_ID=bench-b
B=$SERVER
NODES=("$A" "$B")
echo "Two nodes over Redis: senders on node A, receivers on node B, the same load"
TWO=$(HUB_PROTOCOL=json SUT_PID="$A,$B" SENDER_TARGET="http://localhost:$PORT_A" \
    $GENERATOR hub "http://localhost:$PORT_B" "$KEY" "$RECEIVERS" "$SENDERS" "$RATE" "$SECONDS_")
echo "$TWO"
echo "Idle connections on node B with the cluster on: $IDLE_COUNT"
node bench/idle.mjs "http://localhost:$PORT_B" "$KEY" "$B" "$IDLE_COUNT"

node -e '
const [one, two] = process.argv.slice(1).map((r) => JSON.parse(r));
const line = (r) => `${r.perSecond}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, lost ${r.lost}, duplicates ${r.duplicates},`
  + ` reordered ${r.reordered}, ${r.cpuCores} cores (all nodes), ${r.cpuMicrosPerDelivery} µs CPU a delivery`;
console.log("Cluster summary:");
console.log(`  one node:  ${line(one)}`);
console.log(`  two nodes: ${line(two)}`);
console.log(`  two-node p99 / one-node p99: ${(two.p99 / one.p99).toPrecision(2)} (target ≤ 2), lost ${two.lost} (target 0)`);
' "$ONE" "$TWO"
