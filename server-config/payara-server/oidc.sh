#!/usr/bin/env bash
# Company sign-in (OpenID Connect) for Whiteboard on a running Payara Server 6 domain (domain1); deploy.sh runs it
# when WHITEBOARD_OIDC_PROVIDER_URI is set. On a domain already set up, run it, then deploy the WAR again (or
# restart the domain): the app chooses how people sign in when it is deployed.
#   server-config/payara-server/oidc.sh <payara6 folder>
# Environment: WHITEBOARD_OIDC_PROVIDER_URI, WHITEBOARD_OIDC_CLIENT_ID and WHITEBOARD_OIDC_CLIENT_SECRET, and
# optionally WHITEBOARD_OIDC_SCOPES, _GROUPS_CLAIM, _CALLER_NAME_CLAIM, _AUDIENCE, _ADMIN_GROUPS, _PROVIDER_NAME
# (README, "OIDC"). They become system properties of the domain, except the secret: it goes into the domain's
# password alias store as the alias whiteboard.oidc.client-secret, which Payara's MicroProfile Config reads as
# that key; it is never written to domain.xml. Run once per domain (the alias and the properties then exist).
set -euo pipefail
PAYARA=$(cd "$1" && pwd)
asadmin() { "$PAYARA/bin/asadmin" "$@"; }
# a value for asadmin's property syntax: ':' and '=' escaped
escaped() { printf '%s' "$1" | sed 's/[:=]/\\&/g'; }

: "${WHITEBOARD_OIDC_PROVIDER_URI:?is required}"
: "${WHITEBOARD_OIDC_CLIENT_ID:?is required with WHITEBOARD_OIDC_PROVIDER_URI}"
: "${WHITEBOARD_OIDC_CLIENT_SECRET:?is required with WHITEBOARD_OIDC_PROVIDER_URI}"
properties=
for key in provider-uri client-id scopes groups-claim caller-name-claim audience admin-groups provider-name; do
    variable=WHITEBOARD_OIDC_$(printf '%s' "$key" | tr 'a-z-' 'A-Z_')
    if [ -n "${!variable:-}" ]; then
        properties="$properties${properties:+:}whiteboard.oidc.$key=$(escaped "${!variable}")"
    fi
done
asadmin create-system-properties "$properties"
secret_file=$(mktemp)
trap 'rm -f "$secret_file"' EXIT
printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$WHITEBOARD_OIDC_CLIENT_SECRET" > "$secret_file"
asadmin --passwordfile "$secret_file" create-password-alias whiteboard.oidc.client-secret
# the provider's groups as roles, as on Payara Micro (isUserInRole(<group>)); the app itself needs none
asadmin set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
