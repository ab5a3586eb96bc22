/**
 * How people sign in here, whichever way is configured: the choice of the one mechanism at deployment
 * ({@code SignInChoice}, a CDI extension), {@code /api/session} (sign in, who am I, the provider's start, sign out),
 * and who exists as a user for features that address someone else ({@code KnownUsers}).
 */
package dev.whiteboard.security.signin;
