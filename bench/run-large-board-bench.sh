#!/usr/bin/env bash
# B5 of quality-bar.md: a 10,000-shape board — snapshot time, page render time and pan/zoom frames per second in
# headless Chromium (apt: chromium). Starts the app on H2 like the run command. Prints one JSON line. Not a test.
#   bench/run-large-board-bench.sh [shapes]
set -euo pipefail
cd "$(dirname "$0")/.."
SHAPES=${1:-10000}
PORT=18084
. bench/prepare.sh
start_server b5 $PORT server-config/payara-micro/postboot-h2.asadmin
trap 'kill $SERVER 2>/dev/null || true' EXIT
node bench/large-board.mjs "http://localhost:$PORT/" "$SHAPES"
