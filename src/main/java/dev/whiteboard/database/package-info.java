/**
 * The database schema's life: Flyway migrations run when the application starts, and again in the
 * background while the database cannot be reached, so the app starts (and reports itself not ready) even
 * when its database is down. The migrations are in {@code src/main/resources/db/migration}.
 */
package dev.whiteboard.database;
