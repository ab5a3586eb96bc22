/**
 * Who the caller is. The features only ever read the caller's name ({@code CurrentCaller}, the container's
 * {@code SecurityContext}); what a caller may do on a board is the boards feature's business. This package holds what
 * the two ways of signing in share: the caller of a browser's sign-in, stored for every node ({@code SessionCaller}, {@code sessions}), the mechanisms' JSON
 * error answers ({@code MechanismResponses}, {@code AuthenticationFailurePage}) and {@code NotSignedInException}. The
 * rest, by concern: {@code accounts} (built-in accounts, the sign-in form and HTTP Basic), {@code oidc} (the company's
 * OpenID Connect provider and its groups), {@code signin} (the choice of mechanism, {@code /api/session}, who exists),
 * {@code throttle} (password guessing slowed down) and {@code web} (the browser-side filters). Which URLs need a
 * signed-in caller is declared in {@code WEB-INF/web.xml}.
 */
package dev.whiteboard.security;
