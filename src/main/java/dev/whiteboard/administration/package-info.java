/**
 * Administration of the people who use the app ({@code /api/accounts}, the accounts page): with built-in sign-in, an
 * administrator lists, creates, disables, re-enables and resets built-in accounts; with OpenID Connect the same list
 * shows who the provider has vouched for here, and changes to accounts are the provider's. Depends on the security
 * feature (who administers, the accounts) and the boards feature (how many boards each person owns).
 */
package dev.whiteboard.administration;
