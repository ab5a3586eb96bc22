#!/usr/bin/env bash
# B5 of quality-bar.md: a 10,000-shape board — snapshot time, page render time and pan/zoom frames per second in
# headless Chromium (apt: chromium). Starts the app on H2 like the run command. Prints one JSON line. Not a test.
#   bench/run-large-board-bench.sh [shapes]
set -euo pipefail
cd "$(dirname "$0")/.."
SHAPES=${1:-10000}
PORT=18084
. bench/prepare.sh
rm -rf "$WORK/data-b5"
WHITEBOARD_DATA_DIR="$PWD/$WORK/data-b5" WHITEBOARD_PORT=$PORT \
    java -Xmx1g -jar "$WORK/payara-micro.jar" --nocluster --port $PORT \
    --postbootcommandfile server-config/payara-micro/postboot-h2.asadmin \
    --deploy target/whiteboard.war --contextroot / > "$WORK/server-b5.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 $SERVER 2>/dev/null || { echo "server did not start, see $WORK/server-b5.log"; exit 1; }
    sleep 1
done
node bench/large-board.mjs "http://localhost:$PORT/" "$SHAPES"
