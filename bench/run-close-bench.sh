#!/usr/bin/env bash
# The time from a client's close frame to `disconnected` at the event handler (issue 18), on the reliable and the plain
# JSON subprotocol: 100 closes each, one after the other (after 20 discarded), against the built-in hub whose event
# handler is bench/close.mjs itself. Prints one JSON line per subprotocol. Not a test: figures, no verdict.
#   bench/run-close-bench.sh [closes]
set -euo pipefail
cd "$(dirname "$0")/.."
CLOSES=${1:-100}
PORT=18082 HANDLER_PORT=18092
. bench/prepare.sh

KEY=$(head -c 32 /dev/urandom | base64)
start_server close $PORT server-config/payara-micro/postboot-h2.asadmin WHITEBOARD_HUB_ACCESS_KEY="$KEY" \
    WHITEBOARD_HUB_EVENT_HANDLER_URL_TEMPLATE="http://127.0.0.1:$HANDLER_PORT/{hub}/{event}"
trap 'kill $SERVER 2>/dev/null || true' EXIT
for PROTOCOL in json.reliable.webpubsub.azure.v1 json.webpubsub.azure.v1; do
    node bench/close.mjs "http://localhost:$PORT" "$KEY" "$HANDLER_PORT" "$CLOSES" "$PROTOCOL"
done
