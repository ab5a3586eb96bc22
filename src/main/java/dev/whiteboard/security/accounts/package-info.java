/**
 * The built-in accounts and their sign-in: the accounts table ({@code Account}, {@code Accounts}: PBKDF2 hashes),
 * the demo accounts at first start, the identity store, and {@code SignInMechanism} (the session the sign-in page
 * started, or HTTP Basic on every request). Every password check goes through {@code SignInGuard}, which asks the
 * throttle first and logs security events on {@code dev.whiteboard.security.events}.
 */
package dev.whiteboard.security.accounts;
