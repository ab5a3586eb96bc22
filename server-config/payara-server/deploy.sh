#!/usr/bin/env bash
# Sets up a stock Payara Server 6 domain (domain1) for Whiteboard and deploys the WAR at the context root /.
#   server-config/payara-server/deploy.sh <payara6 folder> <whiteboard.war> [http port, 8080]
# Environment: WHITEBOARD_DATA_DIR (default ./data: the H2 file and the hub's key), or WHITEBOARD_DB_URL,
# WHITEBOARD_DB_USER, WHITEBOARD_DB_PASSWORD and POSTGRESQL_DRIVER (the driver jar) for PostgreSQL. The settings
# go into the domain's configuration as system properties, so later restarts need no environment.
# Company sign-in (README, "OIDC"): with WHITEBOARD_OIDC_PROVIDER_URI set, oidc.sh (next to this script) keeps
# the WHITEBOARD_OIDC_* settings in the domain too.
# Built-in accounts: the demo accounts are off in a domain set up here (WHITEBOARD_SECURITY_DEMO_ACCOUNTS=true keeps
# them, for a trial). WHITEBOARD_SECURITY_ADMINS names the first administrators, made at the first start with
# WHITEBOARD_SECURITY_INITIAL_ADMIN_PASSWORD (kept in the domain's password alias store, never in domain.xml) or else
# with a one-time password written to the server's log.
# Other settings of the app (README, "Configuring it") are system properties too:
#   asadmin create-system-properties whiteboard.boards.default-role=viewer
set -euo pipefail
PAYARA=$(cd "$1" && pwd)
WAR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
PORT=${3:-8080}
HERE=$(cd "$(dirname "$0")" && pwd)
asadmin() { "$PAYARA/bin/asadmin" "$@"; }
# a value for asadmin's property syntax: ':' and '=' escaped
escaped() { printf '%s' "$1" | sed 's/[:=]/\\&/g'; }

asadmin start-domain domain1
asadmin set "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$PORT"
asadmin create-system-properties "whiteboard.port=$PORT"
if [ -n "${WHITEBOARD_DB_URL:-}" ]; then
    [ -f "${POSTGRESQL_DRIVER:-}" ] || { echo "POSTGRESQL_DRIVER must name the PostgreSQL driver jar" >&2; exit 2; }
    asadmin add-library "$POSTGRESQL_DRIVER"
    asadmin create-system-properties "whiteboard.db.url=$(escaped "$WHITEBOARD_DB_URL")"
    asadmin create-system-properties "whiteboard.db.user=$WHITEBOARD_DB_USER"
    asadmin create-system-properties "whiteboard.db.password=${WHITEBOARD_DB_PASSWORD:?any value with trust authentication}"
    asadmin multimode --file "$HERE/postgresql.asadmin"
else
    DATA=${WHITEBOARD_DATA_DIR:-$PWD/data}
    mkdir -p "$DATA"
    asadmin create-system-properties "whiteboard.data-dir=$(escaped "$(cd "$DATA" && pwd)")"
    asadmin multimode --file "$HERE/h2.asadmin"
fi
asadmin create-system-properties "whiteboard.security.demo-accounts=${WHITEBOARD_SECURITY_DEMO_ACCOUNTS:-false}"
if [ -n "${WHITEBOARD_SECURITY_ADMINS:-}" ]; then
    asadmin create-system-properties "whiteboard.security.admins=$(escaped "$WHITEBOARD_SECURITY_ADMINS")"
fi
if [ -n "${WHITEBOARD_SECURITY_INITIAL_ADMIN_PASSWORD:-}" ]; then
    admin_secret=$(mktemp)
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$WHITEBOARD_SECURITY_INITIAL_ADMIN_PASSWORD" > "$admin_secret"
    asadmin --passwordfile "$admin_secret" create-password-alias whiteboard.security.initial-admin-password
    rm -f "$admin_secret"
fi
if [ -n "${WHITEBOARD_OIDC_PROVIDER_URI:-}" ]; then
    "$HERE/oidc.sh" "$PAYARA"
fi
asadmin restart-domain domain1
asadmin deploy --force=true --contextroot / --name whiteboard "$WAR"
