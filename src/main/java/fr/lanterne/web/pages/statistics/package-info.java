/**
 * The statistics page: what became of the requests, in charts drawn on the server and in tables.
 */
package fr.lanterne.web.pages.statistics;
