/**
 * The database schema's life: Flyway migrations, in {@code src/main/resources/db/migration}, run when the
 * application starts; the app does not start on a schema it does not know, nor on a throwaway database.
 */
package dev.whiteboard.database;
