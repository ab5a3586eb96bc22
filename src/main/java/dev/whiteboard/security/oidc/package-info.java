/**
 * Sign-in through the company's OpenID Connect provider: its settings ({@code OidcSettings}), the Jakarta Security
 * mechanism for browsers and the provider's bearer tokens for scripts ({@code OidcMechanism}, {@code BearerTokens}),
 * the discovery document, RP-initiated logout, the callback at the public address, and the provider's groups of each
 * user ({@code CallerGroups}, {@code KnownCaller}) for decisions made without the user's request at hand.
 */
package dev.whiteboard.security.oidc;
