/**
 * Slowing password guessing down: failed sign-ins counted per account and per client address in the database
 * ({@code SignInFailures}, shared by every node), growing waits ({@code ThrottlePolicy}), the 429 answer with
 * {@code Retry-After}, and the client's address behind trusted proxies ({@code ClientAddress}). Used by the
 * sign-in guard of the parent package for the form and HTTP Basic alike.
 */
package dev.whiteboard.security.throttle;
