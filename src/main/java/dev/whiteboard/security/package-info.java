/**
 * Who the caller is. Out of the box: built-in accounts (PBKDF2-hashed passwords in the database, demo users at
 * first start), signed in through the sign-in page ({@code /api/session}, then an HTTP session) or with HTTP Basic
 * on every request (scripts, tests): {@code SignInMechanism}. With {@code whiteboard.oidc.provider-uri} set, the
 * company's OpenID Connect provider instead: {@code OidcMechanism} (the Jakarta Security OIDC definition for
 * browsers, the provider's bearer tokens for scripts), which also records the provider's groups
 * ({@code CallerGroups}) for the boards' role decisions. Exactly one of the two mechanisms is deployed, chosen by
 * the CDI extension {@code SignInChoice}. The features never see the difference: they only ever read the caller's
 * name from the container ({@code SecurityContext}). Which URLs need a signed-in
 * caller is declared in {@code WEB-INF/web.xml}; what a caller may do on a board is the boards feature's business.
 * <p>Every password check, form or HTTP Basic, goes through {@code SignInGuard}, which asks the throttle of
 * {@code throttle} first and logs security events on the logger {@code dev.whiteboard.security.events}. The
 * browser-side guards (headers, the session cookie, cross-site changes) are the filters of {@code web}.
 */
package dev.whiteboard.security;
