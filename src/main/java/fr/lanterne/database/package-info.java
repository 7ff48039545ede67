/**
 * The embedded MariaDB server that Lanterne starts when no external database is configured.
 */
package fr.lanterne.database;
