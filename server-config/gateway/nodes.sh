#!/usr/bin/env bash
# Writes the app's nodes for nginx.conf.template's upstreams, one line per node given as host:port, to standard
# output, e.g.  server-config/gateway/nodes.sh 127.0.0.1:8080 127.0.0.1:8081 > "$GATEWAY_DIR/nodes.conf"
# The passive health check is here, the same for every node: one failed connection (refused, or no answer within
# the gateway's connect timeout) leaves the node out for 10 s, after which one request tries it again.
# Edit the file and run `nginx -s reload` to add or drain a node (add "down" to its line), without dropping anyone.
set -euo pipefail
if [ "$#" -eq 0 ]; then
    echo "usage: $0 host:port [host:port …]" >&2
    exit 64
fi
for node in "$@"; do
    if ! [[ "$node" =~ ^[A-Za-z0-9._-]+:[0-9]+$|^\[[0-9A-Fa-f:]+\]:[0-9]+$ ]]; then
        echo "not a host:port: $node" >&2
        exit 64
    fi
    echo "server $node max_fails=1 fail_timeout=10s;"
done
