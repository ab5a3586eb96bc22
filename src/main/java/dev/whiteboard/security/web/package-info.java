/**
 * The browser-side guards on every request, mapped as filters in {@code web.xml}: the security headers (CSP without
 * inline script, framing, nosniff, referrer policy), the session cookie's {@code SameSite} and {@code Secure}, and
 * the same-origin check of every state-changing request made with a cookie ({@code AppOrigin}: what the app's own
 * origins are, from the request and {@code whiteboard.public-url}). See {@code docs/security.md}.
 */
package dev.whiteboard.security.web;
