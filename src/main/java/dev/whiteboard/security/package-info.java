/**
 * Who the caller is. Out of the box: built-in accounts (PBKDF2-hashed passwords in the database, demo users at
 * first start), signed in through the sign-in page ({@code /api/session}, then an HTTP session) or with HTTP Basic
 * on every request (scripts, tests). The mechanism is a Jakarta Security {@code HttpAuthenticationMechanism} with
 * an {@code IdentityStore}, so an enterprise mechanism (OIDC) can replace it without touching the features: they
 * only ever read the caller's name from the container ({@code SecurityContext}). Which URLs need a signed-in
 * caller is declared in {@code WEB-INF/web.xml}; what a caller may do on a board is the boards feature's business.
 */
package dev.whiteboard.security;
