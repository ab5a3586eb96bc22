/**
 * {@code GET /api/health}: whether the app can serve, for people, gateways and load-balancer probes. Each
 * dependency the product needs reports here; the answer is 200 only when all of them are up.
 */
package dev.whiteboard.health;
