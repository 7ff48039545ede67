/**
 * Full-text search over the pages of obtained documents.
 */
package fr.lanterne.search;
